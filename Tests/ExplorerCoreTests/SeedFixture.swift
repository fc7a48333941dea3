import ArticleModel
import ExplorerCore
import Foundation

/// The seed article, and a hand-made analysis of it (entities and timeline written by hand)
/// so that every part of the explorer is exercised before the recogniser and tagger land.
enum SeedFixture {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let seedPath = repositoryRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static let document: Document = try! ArticleLoader.load(path: seedPath)

  /// The analysis the real pipeline gives today.
  static var realAnalysis: Analysis { Analysis(document: document) }

  /// Whole-word occurrences of a phrase.
  static func spans(of phrase: String, in doc: Document) -> [Span] {
    let needle = Array(phrase.unicodeScalars)
    let sc = doc.scalars
    var out: [Span] = []
    guard needle.count <= sc.count else { return [] }
    var i = 0
    while i + needle.count <= sc.count {
      if Array(sc[i..<(i + needle.count)]) == needle {
        let before = i == 0 ? " " : Character(sc[i - 1])
        let after = i + needle.count == sc.count ? " " : Character(sc[i + needle.count])
        if !before.isLetter && !after.isLetter && !before.isNumber && !after.isNumber {
          out.append(Span(i, i + needle.count))
        }
      }
      i += 1
    }
    return out
  }

  static let entitySpecs: [(String, EntityType, [String])] = [
    ("Workers’ Party of North Korea", .organization, ["Workers’ Party of North Korea"]),
    ("Ri Su Yong", .person, ["Ri Su Yong"]),
    ("North Korea", .place, ["Democratic People’s Republic of Korea", "DPRK", "North Korea"]),
    ("Russia", .place, ["Russia"]),
    ("Moscow", .place, ["Moscow"]),
    ("Pyongyang", .place, ["Pyongyang"]),
    ("China", .place, ["China"]),
    ("United States", .place, ["US"]),
    ("Japan", .place, ["Japan"]),
    ("Washington", .place, ["Washington"]),
    ("Russian", .group, ["Russian"]),
    ("European", .group, ["European"]),
    ("Cold War", .event, ["Cold War"]),
    ("6-party talks", .event, ["6-party talks", "6 party nuclear talks"]),
    ("100 million USD", .money, ["100 million USD"]),
    ("90%", .percent, ["90%"]),
    ("10%", .percent, ["10%"]),
    ("10-day", .quantity, ["10-day"]),
  ]

  static let handMade: Analysis = {
    let doc = document
    var taken: [Span] = []
    var entities: [Entity] = []
    for (name, type, forms) in entitySpecs {
      var mentions: [Span] = []
      for form in forms {
        for s in spans(of: form, in: doc) where !taken.contains(where: { $0.overlaps(s) }) {
          mentions.append(s)
          taken.append(s)
        }
      }
      entities.append(Entity(name: name, type: type, mentions: mentions.sorted()))
    }
    func entry(
      _ text: String, _ value: String, _ type: TimexType = .date, approximate: Bool = false
    ) -> TimelineEntry {
      let span = spans(of: text, in: doc)[0]
      let sentence = doc.sentences[doc.sentenceIndex(containing: span.start)!].span
      return TimelineEntry(
        value: value, type: type, span: span, sentence: sentence, approximate: approximate)
    }
    // In the model's order (chronological, then the undated): the explorer shows it as given.
    let timeline = [
      entry("60 years since", "1954", approximate: true),
      entry("since 2008", "2008"),
      entry("the 4 years since", "2010", approximate: true),
      entry("April, 2014", "2014-04"),
      entry("since June", "2014-06"),
      entry("In recent years", "PAST_REF"),
    ]
    return Analysis(
      document: doc, documentDate: DocumentDate(value: "2014-06-01", source: .given),
      entities: entities,
      timeExpressions: [], timeline: timeline)
  }()

  static func state(
    _ analysis: Analysis = handMade, width: Int = 120, height: Int = 40,
    color: ColorMode = .extended
  )
    -> ExplorerState
  {
    ExplorerState(analysis: analysis, size: Size(width: width, height: height), colorMode: color)
  }
}

extension ExplorerState {
  /// Types keys as a user would.
  mutating func press(_ keys: Key...) {
    for k in keys { handle(.key(k)) }
  }

  mutating func type(_ text: String) {
    for c in text { handle(.key(.char(c))) }
  }

  var screen: ScreenBuffer { Screen.render(self) }
  var statusLine: String { screen.line(size.height - 1) }
}
