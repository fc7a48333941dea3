import XCTest

@testable import ArticleModel

/// The document date is weighed from the evidence and says when it is a guess; a year nothing
/// says stays unknown while the parts that are known still resolve.
final class DocumentDateTests: XCTestCase {
  func date(_ text: String, name: String = "story.txt", year: Int? = nil) -> DocumentDate? {
    TemporalTagger.documentDate(for: Document(name: name, text: text), given: nil, year: year)
  }

  func values(_ text: String, given: String? = nil, year: Int? = nil) -> [String] {
    let doc = Document(name: "story.txt", text: text)
    let dct = TemporalTagger.documentDate(for: doc, given: given, year: year)
    return TemporalTagger.expressions(in: doc, dct: dct).map { "\(doc.string($0.span))=\($0.value)" }
  }

  func testUndatedDatelineKeepsTheYearUnknownAndResolvesTheRest() {
    let text = """
      Council to meet

      LONDON, March 23 - The council said two days ago that it will decide today.

      Its members were elected in 1983.
      """
    let d = date(text)
    XCTAssertEqual(d?.value, "XXXX-03-23")
    XCTAssertEqual(d?.display, "March 23, year unknown")
    XCTAssertTrue(d?.evidence.contains { $0.contains("1983") } ?? false)
    let v = values(text)
    XCTAssertTrue(v.contains("two days ago=XXXX-03-21"), "\(v)")
    XCTAssertTrue(v.contains("today=XXXX-03-23"), "\(v)")
    XCTAssertTrue(v.contains("1983=1983"), "\(v)")
    // a weekday is not known without the year
    XCTAssertTrue(values("LONDON, March 23 - The council met on Friday.").contains("Friday=XXXX-WXX-5"))
  }

  func testAPastFullDateBoundsTheYearFromBelow() {
    let d = date("LONDON, March 23 - Lending has fallen since December 31, 1986, the bank said.")
    XCTAssertEqual(d?.value, "1987-03-23")
    XCTAssertEqual(d?.source, .inferred)
    XCTAssertEqual(d?.display, "1987-03-23?")
    XCTAssertTrue(d?.evidence.contains { $0.contains("December 31, 1986") } ?? false, "\(String(describing: d))")
  }

  func testAYearSetAgainstLastYearIsBeforeIt() {
    let d = date("TORONTO, March 27 - Output rose 2.5 pct last year after 1.9 pct in 1985, it said.")
    XCTAssertEqual(d?.value, "1987-03-27")
    XCTAssertEqual(d?.source, .inferred)
  }

  func testOnePastYearDeepInTheTextIsOnlyABound() {
    let text = """
      Ink to stop fraud

      Voters will have their fingers marked with ink.

      Officials hope it will stop fraud.

      The country has slipped since a referendum in 2003 cut the assembly to one chamber.
      """
    let d = date(text)
    XCTAssertEqual(d?.value, "XXXX")
    XCTAssertEqual(d?.display, "year unknown")
    XCTAssertTrue(d?.evidence.contains { $0.contains("2003") } ?? false)
    XCTAssertTrue(values(text).contains("2003=2003"))
  }

  func testAYearSaidTwiceOrEarlyStandsAsInferred() {
    let d = date("Sales slowed.\n\nIn 2004 sales fell. Profits also fell in 2004, the firm said.")
    XCTAssertEqual(d?.value, "2004")
    XCTAssertEqual(d?.display, "2004?")
  }

  func testPlansAndConditionsAreNoEvidence() {
    let d = date(
      "Trade talks\n\nThe country hopes to join early next year. That would allow membership from "
        + "January 2006, officials said.")
    XCTAssertNil(d, "\(String(describing: d))")
  }

  func testGivenYearForAnUndatedDateline() {
    let d = date("LONDON, March 23 - The council met.", year: 1987)
    XCTAssertEqual(d?.value, "1987-03-23")
    XCTAssertEqual(d?.source, .given)
    XCTAssertEqual(date("Nothing here.", year: 1987)?.value, "1987")
  }

  func testScheduledEventsInThePresentAreAhead() {
    // 1987-03-11 was a Wednesday.
    let v = values(
      "The board meets on Friday. The talks start at 10 a.m. on Thursday in Geneva.",
      given: "1987-03-11")
    XCTAssertTrue(v.contains("Friday=1987-03-13"), "\(v)")
    XCTAssertTrue(v.contains("Thursday=1987-03-12"), "\(v)")
    XCTAssertEqual(values("The minister said Friday that talks failed.", given: "1987-03-11"), ["Friday=1987-03-06"])
  }

  func testTenseGivesWayToAMuchNearerDate() {
    XCTAssertEqual(
      values("The committee asked him to testify on Feb. 10.", given: "2000-01-07"),
      ["Feb. 10=2000-02-10"])
    XCTAssertEqual(
      values("It will have bought shares through Sept. 29.", given: "1989-10-30"),
      ["Sept. 29=1989-09-29"])
    // a date far on both sides follows the tense
    XCTAssertEqual(values("The plant opened on June 5.", given: "2000-01-07"), ["June 5=1999-06-05"])
  }

  func testAWeekFromTodayIsOneExpression() {
    XCTAssertEqual(
      values("A week from today the company will report.", given: "1987-03-11"),
      ["A week from today=1987-03-18"])
  }

  func testADayOfTheMonthAlone() {
    XCTAssertEqual(values("The payment is due on the 3rd.", given: "1987-03-11"), ["3rd=1987-04-03"])
    XCTAssertEqual(values("The payment was made on the 3rd.", given: "1987-03-11"), ["3rd=1987-03-03"])
    XCTAssertEqual(values("He lives on the 3rd floor.", given: "1987-03-11"), [])
  }

  func testTheEndOfTheMonthWithAnUndatedDateline() {
    let v = values("LONDON, March 23 - Prices rose by the end of the month.")
    XCTAssertTrue(v.contains { $0.hasSuffix("=XXXX-03") }, "\(v)")
  }

  func testClockTimeAbbreviationDoesNotEndTheSentence() {
    let doc = Document(name: "x.txt", text: "The talks start at 10 a.m. on Thursday in Geneva. They end soon.")
    XCTAssertEqual(doc.sentences.count, 2)
  }

  /// The date a page or feed item states about itself is one source of the document date
  /// finder's (it was applied in Analysis.init alone, so the finder's other callers missed it):
  /// after a given date, before a dateline, a file name or a given year.
  func testMetadataDateIsEvidenceOfTheFinder() {
    let meta = DocumentMetadata(format: "html", published: "2019-11-19", publishedFrom: "json-ld")
    let doc = Document(
      name: "2001-01-01 page.html", title: "Storm hits coast",
      blocks: [(.body, "LONDON, March 23 - It rained on Thursday, as it did in 1983.")], metadata: meta)
    let d = TemporalTagger.documentDate(for: doc, given: nil, year: 1987)
    XCTAssertEqual(d?.value, "2019-11-19")
    XCTAssertEqual(d?.source, .metadata)
    XCTAssertEqual(d?.evidence, ["published (json-ld): 2019-11-19"])
    XCTAssertEqual(TemporalTagger.documentDate(for: doc, given: "2020-02-02")?.source, .given)
    // the analysis resolves against it, as before
    let a = Analysis(document: doc)
    XCTAssertEqual(a.documentDate?.value, "2019-11-19")
    XCTAssertTrue(a.timeExpressions.contains { $0.value == "2019-11-14" }, "\(a.timeExpressions.map(\.value))")
    // a page without a stated date falls back on the text
    let bare = Document(
      name: "page.html", title: "Storm", blocks: [(.body, "LONDON, March 23 - It rained.")],
      metadata: DocumentMetadata(format: "html"))
    XCTAssertEqual(TemporalTagger.documentDate(for: bare, given: nil)?.source, .dateline)
  }

  func testFolderDatesTable() throws {
    let t = try FolderDates.parse("# name\tdate\na.txt\t1987-03-11\nb.txt\t1987\n\n", path: "dates.tsv")
    XCTAssertEqual(t["a.txt"], FolderDates.Entry(date: "1987-03-11", year: nil))
    XCTAssertEqual(t["b.txt"], FolderDates.Entry(date: nil, year: 1987))
    XCTAssertThrowsError(try FolderDates.parse("a.txt\tMarch\n", path: "dates.tsv")) { e in
      XCTAssertEqual("\(e)", "dates.tsv:1: 'March' is not a date (YYYY-MM-DD or YYYY)")
    }
    XCTAssertThrowsError(try FolderDates.parse("a.txt 1987-03-11\n", path: "dates.tsv"))
  }
}
