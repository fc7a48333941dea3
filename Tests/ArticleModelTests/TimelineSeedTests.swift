import XCTest

@testable import ArticleModel

/// The seed article's timeline, as issue 5 describes it.
final class TimelineSeedTests: XCTestCase {
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  func seedAnalysis() throws -> Analysis {
    let path = Self.repositoryRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path
    return Analysis(document: try ArticleLoader.load(path: path))
  }

  func testSeedDocumentDateIsInferred() throws {
    let a = try seedAnalysis()
    XCTAssertEqual(a.documentDate?.value, "2014")
    XCTAssertEqual(a.documentDate?.source, .inferred)
  }

  func testSeedTimeline() throws {
    let a = try seedAnalysis()
    let d = a.document
    let dated = a.timeline.filter(\.isDated)
    let values = dated.map(\.value)
    for v in ["2008", "2014-04", "2014-06", "1954", "2010"] {
      XCTAssertTrue(values.contains(v), "\(v) missing from \(values)")
    }
    // Chronological order.
    let starts = dated.compactMap { TimelineBuilder.interval(of: $0.value)?.0 }
    XCTAssertEqual(starts, starts.sorted())
    // The anchored durations are approximate; the explicit dates are not.
    let ceasefire = try XCTUnwrap(dated.first { $0.value == "1954" })
    XCTAssertTrue(ceasefire.approximate)
    XCTAssertTrue(d.string(ceasefire.sentence).contains("cease-fire"))
    let ties = try XCTUnwrap(dated.first { $0.value == "2010" })
    XCTAssertTrue(ties.approximate)
    XCTAssertTrue(d.string(ties.sentence).contains("suspended diplomatic ties"))
    XCTAssertFalse(try XCTUnwrap(dated.first { $0.value == "2008" }).approximate)
    XCTAssertEqual(
      d.string(try XCTUnwrap(dated.first { $0.value == "2014-04" }).span), "April, 2014")
    // "annually" is a SET, after the dated entries; "10-day" a duration, not on the timeline.
    let annually = try XCTUnwrap(a.timeline.firstIndex { d.string($0.span) == "annually" })
    XCTAssertEqual(a.timeline[annually].type, .set)
    XCTAssertEqual(a.timeline[annually].value, "P1Y")
    XCTAssertGreaterThan(annually, a.timeline.lastIndex { $0.isDated }!)
    let tenDay = try XCTUnwrap(a.timeExpressions.first { d.string($0.span) == "10-day" })
    XCTAssertEqual(tenDay.type, .duration)
    XCTAssertEqual(tenDay.value, "P10D")
    XCTAssertFalse(a.timeline.contains { d.string($0.span) == "10-day" })
    // Every entry points at the sentence holding it.
    for e in a.timeline { XCTAssertTrue(e.sentence.contains(e.span), "\(e)") }
  }

  func testTimelineTextAndJSON() throws {
    let a = try seedAnalysis()
    let text = Report.timelineText(a)
    XCTAssertTrue(text.contains("~1954"))
    XCTAssertTrue(text.contains("2014-06"))
    let json = Report.json(a)
    XCTAssertTrue(
      json.contains(
        "\"documentDate\":{\"value\":\"2014\",\"source\":\"inferred\",\"display\":\"2014?\","
          + "\"evidence\":[\"not before 2014-04-01: 'released in April, 2014'\"]}"), json.prefix(2000).description)
    XCTAssertTrue(json.contains("\"value\":\"2010\""))
  }

  func testGivenDateOverridesInference() throws {
    let path = Self.repositoryRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path
    let a = Analysis(document: try ArticleLoader.load(path: path), date: "2014-07-10")
    XCTAssertEqual(a.documentDate?.source, .given)
    XCTAssertTrue(a.timeline.contains { $0.value == "2014-06" })
  }
}

/// The entities of a timeline entry's sentence.
final class TimelineEntitiesTests: XCTestCase {
  func testEntitiesOfTheEntrySentence() {
    let doc = Document(name: "x.txt", text: "Moscow met Pyongyang in 2008. Paris waited.")
    let base = Analysis(document: doc, date: "2014-06-01")
    let moscow = Entity(name: "Moscow", type: .place, mentions: [Span(0, 6)])
    let paris = Entity(name: "Paris", type: .place, mentions: [Span(30, 35)])
    let pyongyang = Entity(name: "Pyongyang", type: .place, mentions: [Span(11, 20)])
    let a = Analysis(
      document: doc, documentDate: base.documentDate, entities: [paris, pyongyang, moscow],
      timeExpressions: base.timeExpressions, timeline: base.timeline)
    let entry = try! XCTUnwrap(a.timeline.first { $0.value == "2008" })
    XCTAssertEqual(a.entities(inSentenceOf: entry).map(\.name), ["Moscow", "Pyongyang"])
  }
}
