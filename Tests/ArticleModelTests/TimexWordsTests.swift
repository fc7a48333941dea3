import XCTest

@testable import ArticleModel

/// TIMEX3 values in people's words (issue 16): the Timeline pane and `lede dump` show these.
final class TimexWordsTests: XCTestCase {
  func words(_ v: String, _ type: TimexType = .date, mod: String? = nil) -> String {
    TimexWords.describe(v, type: type, mod: mod)
  }

  func testTheIssuesExamples() {
    XCTAssertEqual(words("PRESENT_REF"), "now")
    XCTAssertEqual(words("P1Y", .set), "every year")
    XCTAssertEqual(words("XXXX-WXX-7"), "a Sunday")
    XCTAssertEqual(words("XXXX-WXX-7", .set), "every Sunday")
    XCTAssertEqual(words("1986-W10"), "week 10 of 1986")
    XCTAssertEqual(words("198"), "the 1980s")
    XCTAssertEqual(words("18"), "the 1800s")
    XCTAssertEqual(words("1987-03-26"), "26 March 1987")
    XCTAssertEqual(words("XXXX-WXX-3TMO", .set), "every Wednesday morning")
  }

  func testCalendarValues() {
    XCTAssertEqual(words("1987"), "1987")
    XCTAssertEqual(words("1987-03"), "March 1987")
    XCTAssertEqual(words("1987-Q1"), "the first quarter of 1987")
    XCTAssertEqual(words("1987-H2"), "the second half of 1987")
    XCTAssertEqual(words("2014-SU"), "summer 2014")
    XCTAssertEqual(words("XXXX-03-21"), "21 March")
    XCTAssertEqual(words("XXXX-XX-03"), "the 3rd")
    XCTAssertEqual(words("XXXX"), "an unknown year")
    XCTAssertEqual(words("2001-XX"), "a month of 2001")
    XCTAssertEqual(words("1986-W10-WE"), "the weekend of week 10 of 1986")
    XCTAssertEqual(words("1987-03-26T10:00", .time), "26 March 1987 at 10:00")
    XCTAssertEqual(words("XXXX-WXX-5TAF", .time), "a Friday afternoon")
    XCTAssertEqual(words("1987-03", mod: "START"), "early March 1987")
  }

  func testDurationsAndSets() {
    XCTAssertEqual(words("P3Y", .duration), "3 years")
    XCTAssertEqual(words("P1D", .duration), "1 day")
    XCTAssertEqual(words("PT2H", .duration), "2 hours")
    XCTAssertEqual(words("PXY", .duration), "years")
    XCTAssertEqual(words("P1DE", .duration), "1 decade")
    XCTAssertEqual(words("P2W", .set), "every 2 weeks")
    XCTAssertEqual(words("XXXX-XX-XX", .set), "every day")
  }

  func testUnreadableValuesAreShownAsTheyAreNeverInvented() {
    XCTAssertEqual(words("2014-13"), "2014-13")
    XCTAssertEqual(words("garbage"), "garbage")
    XCTAssertEqual(words("P", .duration), "P")
    XCTAssertEqual(words("", .date), "")
  }

  func testAGuessedYearIsMarked() {
    let inferred = DocumentDate(value: "1987", source: .inferred)
    let dateline = DocumentDate(value: "1987-03-26", source: .dateline)
    XCTAssertTrue(TimexWords.yearIsGuessed(value: "1987-03", text: "March", documentDate: inferred))
    XCTAssertFalse(TimexWords.yearIsGuessed(value: "1987-03", text: "March 1987", documentDate: inferred))
    XCTAssertFalse(TimexWords.yearIsGuessed(value: "1987-03", text: "March", documentDate: dateline))
    XCTAssertFalse(TimexWords.yearIsGuessed(value: "PRESENT_REF", text: "now", documentDate: inferred))
    XCTAssertEqual(TimexWords.describe("1987-03", type: .date, uncertain: true), "March 1987?")
    XCTAssertEqual(TimexWords.describe("P3Y", type: .duration, uncertain: true), "3 years")
  }

  func testTheSeedsTimelineInWords() {
    let a = Analysis(document: Document(text: "MOSCOW, June 3, 2014 - Talks began in April and end in July."))
    let words = a.timeline.map { TimexWords.describe($0, in: a) }
    XCTAssertTrue(words.contains("April 2014"), "\(words)")
    XCTAssertTrue(words.contains("July 2014"), "\(words)")
  }
}
