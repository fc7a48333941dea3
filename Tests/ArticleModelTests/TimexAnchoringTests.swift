import XCTest

@testable import ArticleModel

/// Which reference time and which direction a relative expression takes: the quarter a
/// comparison is made with, the verb a weekday belongs to, "would", days put off "until".
/// Short made-up sentences, each failing before its rule.
final class TimexAnchoringTests: XCTestCase {
  func values(_ text: String, dct: String) -> [String] {
    let doc = Document(name: "test.txt", text: text)
    let date = TemporalTagger.documentDate(for: doc, given: dct)
    return TemporalTagger.expressions(in: doc, dct: date).map { "\(doc.string($0.span))=\($0.value)" }
  }

  /// A comparison ("a year earlier", "year-ago") is made with the period under discussion and
  /// does not replace it: the second one is the same quarter, not a year further back.
  func testComparisonsDoNotMoveTheReference() {
    XCTAssertEqual(
      values(
        "Third-quarter profit rose to $5 million from $4 million a year earlier. "
          + "Sales rose to $90 million from $80 million a year earlier.",
        dct: "2013-10-24"),
      ["Third-quarter=2013-Q3", "a year earlier=2012-Q3", "a year earlier=2012-Q3"])
    XCTAssertEqual(
      values(
        "Net income for the third quarter rose 9%. Year-earlier results included a gain, "
          + "and sales were flat from a year ago.",
        dct: "2013-10-24"),
      ["the third quarter=2013-Q3", "Year-earlier=2012-Q3", "a year ago=2012-Q3"])
  }

  /// "the year-ago quarter" is a quarter even when the last date mentioned is a year or a day,
  /// and its determiner is part of it (the phrase is headed by "quarter").
  func testYearAgoQuarter() {
    XCTAssertEqual(
      values("The company earned $3 million in the year-ago quarter.", dct: "2013-10-24"),
      ["the year-ago quarter=2012-Q3"])
    XCTAssertEqual(
      values(
        "In the quarter ended Sept. 30, sales fell from the year-earlier quarter.",
        dct: "2013-10-24"),
      ["the quarter=2013-Q3", "Sept. 30=2013-09-30", "the year-earlier quarter=2012-Q3"])
    XCTAssertEqual(
      values("Profit fell from the comparable year-ago quarter.", dct: "2013-10-24"),
      ["the comparable year-ago quarter=2012-Q3"])
    XCTAssertEqual(
      values("In the year-earlier period, the company lost money.", dct: "2013-10-24"),
      ["the year-earlier period=2012"])
  }

  /// The verb right after a weekday is its own ("a court Thursday refused"), unless a verb
  /// stands right before it ("said Friday").
  func testVerbRightAfterTheWeekday() {
    // DCT Friday 2013-03-22
    XCTAssertEqual(
      values(
        "The family will keep fighting even after an appeals court Thursday refused to hear "
          + "the case.", dct: "2013-03-22"),
      ["Thursday=2013-03-21"])
    XCTAssertEqual(
      values("The minister said Tuesday will be decisive.", dct: "2013-03-22"),
      ["Tuesday=2013-03-19"])
  }

  /// "would" looks ahead from the time of the report (TIMEX3.md §6, after HeidelTime's MD);
  /// "would have" looks back.
  func testWouldLooksAhead() {
    XCTAssertEqual(
      values("The airline said the new flights would start from August 6.", dct: "2013-03-22"),
      ["August 6=2013-08-06"])
    XCTAssertEqual(
      values("The airline said the deal would have closed in August.", dct: "2013-03-22"),
      ["August=2012-08"])
  }

  /// A day something is put off to lies ahead; "until" alone keeps the clause's tense.
  func testPutOffUntil() {
    // DCT Friday 2013-03-22
    XCTAssertEqual(
      values("Officials postponed until Tuesday any action on the request.", dct: "2013-03-22"),
      ["Tuesday=2013-03-26"])
    XCTAssertEqual(
      values("The court extended its deadline until 9 a.m. Tuesday.", dct: "2013-03-22"),
      ["9 a.m. Tuesday=2013-03-26T09:00"])
    XCTAssertEqual(
      values("Until Tuesday, they had not said a word.", dct: "2013-03-22"),
      ["Tuesday=2013-03-19"])
  }

  /// An -ed word after a determiner describes a noun, it is no past verb ("a still
  /// unspecified date"); a participle after "would still be" looks ahead like "would be".
  func testAdjectivesAndModalsBeforeADate() {
    XCTAssertEqual(
      values("Holders get the shares on a still unspecified date in January.", dct: "2013-10-24"),
      ["January=2014-01"])
    XCTAssertEqual(
      values("He said a ceremony would still be held on April 24.", dct: "2013-02-10"),
      ["April 24=2013-04-24"])
    XCTAssertEqual(
      values("He said a ceremony was held on April 24.", dct: "2013-02-10"),
      ["April 24=2012-04-24"])
  }

  /// Wire copy gives a clock time, the same time in another zone in parentheses, then the
  /// day: both clock times are on that day.
  func testClockTimeWithAnotherZoneBeforeTheDay() {
    // DCT Saturday 2013-03-23
    XCTAssertEqual(
      values("The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.", dct: "2013-03-23"),
      ["10:35 a.m.=2013-03-22T10:35", "0735 GMT=2013-03-22T07:35", "Friday=2013-03-22"])
    XCTAssertEqual(
      values("He will leave at 4 in the morning (4 a.m. EDT Sunday), he said.", dct: "2013-03-23"),
      ["4 in the morning=2013-03-24T04:00", "4 a.m. EDT Sunday=2013-03-24T04:00"])
  }

  /// "the quarter ended July 31" is the three months up to that date, named by the calendar
  /// quarter that holds most of them (May-July: Q2), whatever was mentioned before.
  func testQuarterEndedOnADate() {
    XCTAssertEqual(
      values(
        "Shares closed Friday at $3. In the quarter ended July 31, the company earned $1 million.",
        dct: "2013-10-28"),
      ["Friday=2013-10-25", "the quarter=2013-Q2", "July 31=2013-07-31"])
    XCTAssertEqual(
      values("For the quarter ending Jan. 31, sales rose.", dct: "2013-06-10"),
      ["the quarter=2012-Q4", "Jan. 31=2013-01-31"])
  }

  /// "the quarter a year ago", "the corresponding period last year": one noun phrase headed by
  /// a time word, with no signal inside (TIMEX3.md §5), and one value: the period under
  /// discussion a year back.
  func testPeriodAYearBackIsOneExpression() {
    XCTAssertEqual(
      values(
        "Net for the third quarter ended Sept. 30 rose to $5 million from $4 million for the "
          + "corresponding period last year.", dct: "2013-10-24"),
      ["the third quarter=2013-Q3", "Sept. 30=2013-09-30", "the corresponding period last year=2012-Q3"])
    XCTAssertEqual(
      values("For the quarter a year ago, the bank earned $16 million.", dct: "2013-10-24"),
      ["the quarter a year ago=2012-Q3"])
    XCTAssertEqual(
      values("Sales were flat from the same period of last year.", dct: "2013-10-24"),
      ["the same period of last year=2012"])
  }

  /// A day named after a verb of planning dates the planned event, which lies ahead; a day
  /// before the verb keeps the clause's tense. An adverb between a schedule verb and the day
  /// does not hide it.
  func testPlannedEventsLieAhead() {
    // DCT Friday 2013-03-22
    XCTAssertEqual(
      values("Protesters planned a large demonstration in the capital on Saturday.", dct: "2013-03-22"),
      ["Saturday=2013-03-23"])
    XCTAssertEqual(
      values("The police chief has scheduled a news conference Thursday.", dct: "2013-03-22"),
      ["Thursday=2013-03-28"])
    XCTAssertEqual(
      values("Officials did not plan to remove the boy on Thursday morning.", dct: "2013-03-20"),
      ["Thursday morning=2013-03-21TMO"])
    XCTAssertEqual(
      values("On Tuesday, the government planned to pay the families.", dct: "2013-03-22"),
      ["Tuesday=2013-03-19"])
    XCTAssertEqual(
      values("The two sides signed a cooperation plan Tuesday.", dct: "2013-03-22"),
      ["Tuesday=2013-03-19"])
    XCTAssertEqual(
      values("A memorial planned at the university for Tuesday was canceled.", dct: "2013-03-22"),
      ["Tuesday=2013-03-19"])
    XCTAssertEqual(
      values("The offensive began as previously planned Tuesday night.", dct: "2013-03-22"),
      ["Tuesday night=2013-03-19TNI"])
    XCTAssertEqual(
      values("The two leaders meet separately Monday with the envoy.", dct: "2013-03-22"),
      ["Monday=2013-03-25"])
  }

  /// A report's part of a year ("the nine months", "the first six months") puts the year under
  /// discussion: a comparison after it is a year, not the quarter discussed before.
  func testPartOfAYearPutsTheYearUnderDiscussion() {
    XCTAssertEqual(
      values(
        "Third-quarter profit rose to $5 million from $4 million a year earlier. "
          + "For the nine months, profit was $12 million, against $9 million a year earlier. "
          + "In the first nine months, sales rose from the 2012 period.",
        dct: "2013-10-24"),
      [
        "Third-quarter=2013-Q3", "a year earlier=2012-Q3", "the nine months=P9M",
        "a year earlier=2012", "the first nine months=P9M", "the 2012 period=2012",
      ])
    // a stretch of months that is no report's part of a year changes nothing
    XCTAssertEqual(
      values(
        "Third-quarter profit rose. He was jailed for nine months. Sales rose from a year ago.",
        dct: "2013-10-24"),
      ["Third-quarter=2013-Q3", "nine months=P9M", "a year ago=2012-Q3"])
  }

  /// "the latest quarter" is the quarter under discussion, else the one just ended (not the
  /// one holding a month just mentioned), and it stays under discussion after it.
  func testLatestQuarter() {
    XCTAssertEqual(
      values(
        "Fourth-quarter profit fell 47%. Sales in the latest period were $1.7 billion.",
        dct: "2013-11-02"),
      ["Fourth-quarter=2013-Q4", "the latest period=2013-Q4"])
    XCTAssertEqual(
      values(
        "The earthquake last month cost $10 million. Profit fell 59% in the latest quarter, "
          + "against a gain a year ago.",
        dct: "2013-11-02"),
      ["last month=2013-10", "the latest quarter=2013-Q3", "a year ago=2012-Q3"])
  }

  /// A quarter a report compares with or looks ahead to does not become the one under
  /// discussion: "after a flat second quarter", "through the third quarter of 2014", "will
  /// result in a fourth-quarter charge".
  func testComparedAndForecastQuartersDoNotMoveTheReference() {
    XCTAssertEqual(
      values(
        "Third-quarter net rose 20%. After a flat second quarter, the gain came from diapers. "
          + "Charges were taken in the year-earlier period.",
        dct: "2013-11-01"),
      ["Third-quarter=2013-Q3", "second quarter=2013-Q2", "the year-earlier period=2012-Q3"])
    XCTAssertEqual(
      values(
        "Third-quarter profit fell. Analysts see losses through the third quarter of 2014. "
          + "The quake will result in a fourth-quarter charge. In the year-ago period, it "
          + "earned $1 million.",
        dct: "2013-10-26"),
      [
        "Third-quarter=2013-Q3", "the third quarter of 2014=2014-Q3", "fourth-quarter=2013-Q4",
        "the year-ago period=2012-Q3",
      ])
  }

  /// "the previous Friday", "the following Monday" count from the last day the text named.
  func testPreviousAndFollowingWeekdayFromTheLastDayNamed() {
    // DCT Monday 1989-10-30
    XCTAssertEqual(
      values(
        "Stocks fell on Friday, Oct. 27, down 4.5% from the previous Friday.",
        dct: "1989-10-30"),
      ["Friday, Oct. 27=1989-10-27", "the previous Friday=1989-10-20"])
    XCTAssertEqual(
      values("The deal was signed on March 3, 1989. The following Monday, shares rose.", dct: "1989-10-30"),
      ["March 3, 1989=1989-03-03", "The following Monday=1989-03-06"])
    // with no day named before, the document date
    XCTAssertEqual(
      values("The previous Friday, shares rose.", dct: "1989-10-30"),
      ["The previous Friday=1989-10-27"])
  }

  /// "the day before last Tuesday" is one expression, a day before that Tuesday.
  func testTheDayBeforeOrAfterADay() {
    // DCT Thursday 2000-02-24
    XCTAssertEqual(
      values("The day before last Tuesday's hearing, he went to court.", dct: "2000-02-24"),
      ["The day before last Tuesday=2000-02-21"])
    XCTAssertEqual(
      values("They met the day after Christmas.", dct: "2000-02-24"),
      ["the day after Christmas=1999-12-26"])
  }

  /// "one day" after a modal or a hope is some day ahead, not a day-long stretch.
  func testOneDayAsSomeDay() {
    XCTAssertEqual(
      values("Islam will one day be the largest religion. He hopes to one day return.", dct: "1998-03-03"),
      ["one day=FUTURE_REF", "one day=FUTURE_REF"])
    XCTAssertEqual(
      values("The strike lasted one day. It will take one day to fix.", dct: "1998-03-03"),
      ["one day=P1D", "one day=P1D"])
  }
}
