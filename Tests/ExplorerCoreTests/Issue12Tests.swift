import ArticleModel
import Foundation
import XCTest

@testable import ExplorerCore

/// The explorer's faults found in issue 12, each pinned by a test.
final class Issue12Tests: XCTestCase {
  /// The Timeline pane lists the model's timeline in the model's order, the order
  /// `lede timeline` prints (it used to sort the values again, as strings).
  func testTheTimelinePaneKeepsTheModelsOrder() {
    let text = """
      Sales rose on February 10, 2014, the company said. Results for the first quarter of 2014 were strong.

      A new plant opens in summer 2014. The board meets in July 2014.

      """
    let analysis = Analysis(document: Document(name: "t.txt", text: text))
    let model = analysis.timeline.map(\.value)
    XCTAssertEqual(model, ["2014-Q1", "2014-02-10", "2014-SU", "2014-07"], "the model's order")
    var state = ExplorerState(analysis: analysis, size: Size(width: 120, height: 30))
    XCTAssertEqual(state.timeline.map(\.value), model)
    state.press(.char("v"))  // the exact values, not the words
    let rows = state.screen.lines.compactMap { line -> String? in
      model.first { line.contains(" " + $0 + " ") || line.contains("●" + $0 + " ") }
    }
    XCTAssertEqual(rows, model, "the pane's rows, top to bottom")
  }

  /// Below 90 columns one pane shows at a time: a key whose result is in the article brings
  /// the article into view (it used to change only the status line under the Entities list).
  func testBelowNinetyColumnsTheArticleComesIntoViewForAResultInIt() {
    for keys in [
      [Key.char("2"), .tab] + "/Cold".map { Key.char($0) } + [.enter],
      [.char("/"), .char("R"), .char("i"), .enter, .char("2"), .tab, .char("n")],
      [.char("3"), .tab, .char("]")],
      [.char("2"), .tab, .char("j"), .char("*")],
      [.char("3"), .tab, .char("[")],
    ] {
      var s = SeedFixture.state(width: 80, height: 24)
      for k in keys { s.press(k) }
      let name = keys.map(\.name).joined(separator: " ")
      XCTAssertEqual(s.focus, .article, name)
      let screen = s.screen
      XCTAssertTrue(screen.line(1).contains("[1 Article]"), "\(name): \(screen.line(1))")
    }
  }

  /// `]` starts from where the reader is: after `/Cold` Enter, the next mention is the one at
  /// the match (Cold War), not the first one at the top of the view (Russia).
  func testAMentionJumpStartsFromTheSearchMatch() {
    var s = SeedFixture.state(width: 120, height: 40)
    s.press(.char("/"))
    s.type("Cold")
    s.press(.enter)
    let match = s.search!.matches[s.search!.current!]
    s.press(.char("]"))
    let ref = s.mentions[s.mentionCursor!]
    XCTAssertGreaterThanOrEqual(ref.span.start, match.start, s.message ?? "")
    XCTAssertEqual(s.analysis.entities[ref.entity].name, "Cold War", s.message ?? "")
    // and back: `[` goes to the mention before it
    s.press(.char("["))
    XCTAssertLessThan(s.mentions[s.mentionCursor!].span.start, ref.span.start)
    // with nothing gone to on screen, from the top of the view as before
    var t = SeedFixture.state(width: 120, height: 40)
    t.press(.char("]"))
    XCTAssertEqual(t.mentionCursor, 0)
  }

  /// The current search match and the mention cursor look different.
  func testTheSearchMatchAndTheMentionCursorDoNotShareAStyle() {
    for mode in [ColorMode.extended, .basic, .none] {
      var s = SeedFixture.state(width: 120, height: 40, color: mode)
      s.press(.char("/"))
      s.type("Pyongyang")
      s.press(.enter, .char("]"), .char("]"))
      let match = s.search!.matches[s.search!.current!]
      let mention = s.mentions[s.mentionCursor!].span
      XCTAssertNotEqual(match, mention)
      let screen = s.screen
      func style(at offset: Int) -> Style? {
        for y in 0..<screen.height {
          for x in 0..<screen.width {
            if let o = s.offset(atColumn: x - 1, row: y - 2), o == offset, x < 70 {
              return screen[x, y].style
            }
          }
        }
        return nil
      }
      let a = style(at: match.start)
      let b = style(at: mention.start)
      XCTAssertNotNil(a)
      XCTAssertNotNil(b)
      XCTAssertNotEqual(a, b, "\(mode)")
    }
  }
}

/// Issue 16's search: smart accents beside smart case.
final class AccentSearchTests: XCTestCase {
  func testAPatternWithoutAccentsFindsAccentedNames() {
    let text = "Natásha met Natasha and NATÁSHA. Pyongyang’s envoy, Dólokhov, São Paulo, Łódź, Erdoğan."
    let index = SearchIndex(scalars: Array(text.unicodeScalars))
    func count(_ p: String) -> Int { index.find(p).count }
    XCTAssertEqual(count("natasha"), 3, "case and accents folded")
    XCTAssertEqual(count("Natasha"), 2, "exact case, any accent: Natásha, Natasha")
    XCTAssertEqual(count("natásha"), 2, "exact accents, any case: Natásha, NATÁSHA")
    XCTAssertEqual(count("Natásha"), 1, "both exact")
    XCTAssertEqual(count("pyongyang's"), 1, "a typographic apostrophe is an apostrophe")
    XCTAssertEqual(count("pyongyang’s"), 1)
    for p in ["dolokhov", "sao paulo", "lodz", "erdogan"] { XCTAssertEqual(count(p), 1, p) }
    // typing on narrows the same as a fresh search, in every mode
    for (a, b) in [("nat", "natasha"), ("Nat", "Natasha"), ("nat", "natá")] {
      if SearchIndex.canRefine(from: a, to: b) {
        XCTAssertEqual(index.refine(index.find(a), to: b), index.find(b), "\(a) → \(b)")
      }
    }
    XCTAssertFalse(SearchIndex.canRefine(from: "nat", to: "natá"), "an accent switches mode")
  }
}

/// Issue 16's keys: `?` searches backward as in less, `h` (and F1) is the help.
final class BackwardSearchTests: XCTestCase {
  func testQuestionMarkSearchesBackwardAndNGoesOnBackward() {
    var s = SeedFixture.state(width: 120, height: 12)
    s.press(.char("G"))
    let top = s.layout.startOffset(s.top)
    s.press(.char("?"))
    XCTAssertFalse(s.showHelp, "? is a search, not the help")
    XCTAssertTrue(s.statusLine.hasPrefix(" ?") || s.statusLine.hasPrefix("?"), s.statusLine)
    s.type("Russia")
    s.press(.enter)
    let search = s.search!
    let all = search.matches
    let i = search.current!
    XCTAssertLessThan(all[i].start, top, "before the view")
    XCTAssertTrue(i == all.count - 1 || all[i + 1].start >= top, "the last one before it")
    XCTAssertTrue(s.statusLine.contains("?Russia \(i + 1)/\(all.count)"), s.statusLine)
    s.press(.char("n"))
    XCTAssertEqual(s.search!.current, i - 1, "n goes on backward")
    s.press(.char("N"), .char("N"))
    XCTAssertEqual(s.search!.current, i + 1, "N goes forward")
    // a forward search after it goes forward again
    s.press(.char("/"))
    s.type("Russia")
    s.press(.enter, .char("n"))
    XCTAssertFalse(s.search!.backward)
  }

  func testHIsTheHelp() {
    var s = SeedFixture.state(width: 100, height: 30)
    s.press(.char("h"))
    XCTAssertTrue(s.showHelp)
    XCTAssertTrue(s.screen.lines.joined().contains("Show this help"))
    s.press(.char("h"))
    XCTAssertFalse(s.showHelp, "h closes it too")
    XCTAssertTrue(s.statusLine.contains("h help"))
  }
}

/// Issue 16's help: a legend of the entity colours (attributes under NO_COLOR) and of the marks.
final class HelpLegendTests: XCTestCase {
  func testTheHelpShowsEachTypesLookAndTheMarks() {
    for mode in [ColorMode.extended, .none] {
      var s = SeedFixture.state(width: 100, height: 160, color: mode)
      s.press(.char("h"))
      let screen = s.screen
      for type in EntityType.allCases {
        let name = EntityGroupNames.plural(type)
        guard let y = (0..<screen.height).first(where: { screen.line($0).contains("■ " + name) }),
          let x = (0..<screen.width).first(where: { screen[$0, y].text == "■" })
        else {
          XCTFail("\(mode): the legend lacks \(name)")
          continue
        }
        let look = screen[x, y].style
        let mention = s.theme.mention(type)
        XCTAssertEqual(look.fg, mention.fg ?? look.fg, "\(mode) \(name)")
        XCTAssertEqual(look.bold, mention.bold, "\(mode) \(name)")
        XCTAssertEqual(look.underline, mention.underline, "\(mode) \(name)")
      }
      let text = screen.lines.joined(separator: "\n")
      for mark in ["●", "~", "approximate", "the selected", "undated"] {
        XCTAssertTrue(text.contains(mark), "\(mode): the legend lacks \(mark)")
      }
    }
  }
}

/// Issue 16: focusing a list selects its first item, so that what Enter and `*` act on is shown.
final class FocusSelectsTests: XCTestCase {
  func testFocusingAListSelectsItsFirstItem() {
    for keys in [[Key.char("2"), .tab], [.tab]] {
      var s = SeedFixture.state(width: 120, height: 40)
      for k in keys { s.press(k) }
      XCTAssertEqual(s.selectedEntity, 0, keys.map(\.name).joined())
      XCTAssertTrue(s.screen.lines.contains { $0.contains("▸ Ri Su Yong") })
      s.press(.char("*"))
      XCTAssertEqual(s.message?.hasPrefix("Ri Su Yong (Person)"), true, s.message ?? "")
    }
    var t = SeedFixture.state(width: 120, height: 40)
    t.press(.char("3"), .tab)
    XCTAssertEqual(t.selectedTimeline, 0)
    // a selection made before is kept
    t.press(.char("j"), .char("1"), .tab, .char("3"), .tab)
    XCTAssertEqual(t.selectedTimeline, 1)
  }
}


/// Issue 16: at 40 columns the help puts a description under its keys instead of wrapping it
/// every few words beside a 26-column key column.
final class NarrowHelpTests: XCTestCase {
  func testAtFortyColumnsDescriptionsGoUnderTheirKeys() {
    let lines = HelpOverlay.lines(for: Size(width: 40, height: 30))
    let room = HelpOverlay.frameWidth(for: Size(width: 40, height: 30)) - 3
    guard let i = lines.firstIndex(where: { $0.hasPrefix("  Ctrl-G =") }) else {
      return XCTFail("no Ctrl-G line: \(lines)")
    }
    XCTAssertEqual(lines[i].trimmingCharacters(in: .whitespaces), "Ctrl-G =")
    XCTAssertTrue(lines[i + 1].hasPrefix("    Where you are"), lines[i + 1])
    // "Where you are: file, paragraph, %, document date" takes two lines, not five
    let description = lines[(i + 1)...].prefix { $0.hasPrefix("    ") }
    XCTAssertLessThanOrEqual(description.count, 2, description.joined(separator: "|"))
    for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), room, line) }
  }
}

/// Issue 16: `/` takes a regular expression (Ctrl-R: literal), with smart case and accents; a
/// bad pattern says so.
final class RegexSearchTests: XCTestCase {
  func testARegularExpressionWithSmartCaseAndAccents() throws {
    let text = "Pyongyang and Pyeongyang, Natásha and Natasha. Mr. Ri met Mrs Kim (1954-2014)."
    let index = SearchIndex(scalars: Array(text.unicodeScalars))
    func found(_ p: String, literal: Bool = false) throws -> [String] {
      try index.search(p, literal: literal).map { span in
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.start..<span.end]))
      }
    }
    XCTAssertEqual(try found("Pyong.ang"), ["Pyongyang"])
    XCTAssertEqual(try found("py(e)?ongyang"), ["Pyongyang", "Pyeongyang"])
    XCTAssertEqual(try found("nat[a-z]sha"), ["Natásha", "Natasha"], "accents folded")
    XCTAssertEqual(try found("Nat.sha"), ["Natásha", "Natasha"])
    XCTAssertEqual(try found("[0-9]{4}"), ["1954", "2014"])
    XCTAssertEqual(try found("Mr."), ["Mr.", "Mrs"], "a dot is any character")
    XCTAssertEqual(try found("Mr.", literal: true), ["Mr."], "Ctrl-R: literal")
    XCTAssertEqual(try found("(1954", literal: true), ["(1954"])
    XCTAssertThrowsError(try index.search("(1954", literal: false)) { error in
      XCTAssertEqual("\(error)", "Bad pattern: (1954")
    }
  }

  func testTheExplorerSaysABadPatternAndCtrlRSearchesLiterally() {
    var s = SeedFixture.state(width: 120, height: 40)
    s.press(.char("/"))
    s.type("DPRK(")
    XCTAssertTrue(s.statusLine.contains("bad pattern"), s.statusLine)
    s.press(.ctrl("r"))
    XCTAssertTrue(s.statusLine.contains("literal /DPRK("), s.statusLine)
    XCTAssertTrue(s.statusLine.contains("no match"), s.statusLine)
    s.press(.ctrl("r"), .enter)
    XCTAssertEqual(s.message, "Bad pattern: DPRK(")
    s.press(.char("/"))
    s.type("Pyong.ang")
    s.press(.enter)
    XCTAssertEqual(s.search?.matches.count, SearchIndex(scalars: s.analysis.document.scalars).find("Pyongyang").count)
  }
}
