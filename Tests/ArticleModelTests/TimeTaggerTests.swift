import XCTest

@testable import ArticleModel

/// Unit tests of the temporal tagger on short sentences, with a fixed document date.
final class TimeTaggerTests: XCTestCase {
  /// 2013-03-22 was a Friday.
  static let dct = "2013-03-22"

  func tag(_ text: String, dct: String? = TimeTaggerTests.dct) -> [(String, TimeExpression)] {
    let doc = Document(name: "test.txt", text: text)
    let date = TemporalTagger.documentDate(for: doc, given: dct)
    return TemporalTagger.expressions(in: doc, dct: date).map { (doc.string($0.span), $0) }
  }

  /// The (text, value) pairs found.
  func values(_ text: String, dct: String? = TimeTaggerTests.dct) -> [String] {
    tag(text, dct: dct).map { "\($0.0)=\($0.1.value)" }
  }

  func testEveryMonthName() {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    for (i, name) in names.enumerated() {
      let m = String(format: "%02d", i + 1)
      XCTAssertEqual(
        values("The vote was held on \(name) 15, 2011."), ["\(name) 15, 2011=2011-\(m)-15"])
      XCTAssertEqual(values("It happened in \(name) 2009."), ["\(name) 2009=2009-\(m)"])
    }
    let abbreviations = [
      "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]
    let numbers = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]
    for (a, n) in zip(abbreviations, numbers) {
      XCTAssertEqual(
        values("Payable \(a) 3, 2012."), ["\(a) 3, 2012=2012-\(String(format: "%02d", n))-03"])
    }
    // "may" the verb is not a month; "May" with a day is.
    XCTAssertEqual(values("Prices may rise."), [])
    XCTAssertEqual(values("June Carter sang in the Sunday Times piece."), [])
    XCTAssertEqual(values("In June Carter performed."), ["June=2012-06"])
    XCTAssertEqual(values("They met on May 24."), ["May 24=2012-05-24"])
    // A date a few days ahead in a past-tense sentence is a deadline, not last year's.
    XCTAssertEqual(values("The offer had been set to expire April 2."), ["April 2=2013-04-02"])
  }

  func testEveryWeekdayName() {
    // DCT Friday 2013-03-22; past tense takes the latest such day, future the next one.
    let past = [
      ("Monday", "2013-03-18"), ("Tuesday", "2013-03-19"), ("Wednesday", "2013-03-20"),
      ("Thursday", "2013-03-21"), ("Friday", "2013-03-22"), ("Saturday", "2013-03-16"),
      ("Sunday", "2013-03-17"),
    ]
    for (name, value) in past {
      XCTAssertEqual(values("The minister said \(name) that talks failed."), ["\(name)=\(value)"])
    }
    let future = [
      ("Monday", "2013-03-25"), ("Tuesday", "2013-03-26"), ("Wednesday", "2013-03-27"),
      ("Thursday", "2013-03-28"), ("Friday", "2013-03-29"), ("Saturday", "2013-03-23"),
      ("Sunday", "2013-03-24"),
    ]
    for (name, value) in future {
      XCTAssertEqual(values("The minister will meet them \(name)."), ["\(name)=\(value)"])
    }
    XCTAssertEqual(values("They met last Friday."), ["last Friday=2013-03-15"])
    // The weekday picks the year: 2 January was a Wednesday in 2013, a Monday in 2012.
    XCTAssertEqual(
      values("It opened on Wednesday, January 2."), ["Wednesday, January 2=2013-01-02"])
    XCTAssertEqual(values("It opened on Monday, 2 January."), ["Monday, 2 January=2012-01-02"])
    XCTAssertEqual(values("They will meet next Tuesday."), ["next Tuesday=2013-03-26"])
    XCTAssertEqual(values("The office was closed on Friday."), ["Friday=2013-03-22"])
  }

  func testNumbersInWords() {
    XCTAssertEqual(values("He was held for two weeks."), ["two weeks=P2W"])
    XCTAssertEqual(values("The war lasted twenty-five years."), ["twenty-five years=P25Y"])
    XCTAssertEqual(values("It took a dozen years."), ["a dozen years=P12Y"])
    XCTAssertEqual(values("She waited nearly forty years."), ["nearly forty years=P40Y"])
    XCTAssertEqual(values("It was built one hundred years ago."), ["one hundred years ago=1913"])
    XCTAssertEqual(values("He was born in nineteen ninety-six."), ["nineteen ninety-six=1996"])
    XCTAssertEqual(values("They stayed for several days."), ["several days=PXD"])
    XCTAssertEqual(values("It changed over the years."), ["the years=PXY"])
    XCTAssertEqual(values("Just months ago it was failing."), ["months ago=PAST_REF"])
    XCTAssertEqual(values("It lasted 2 1/2 years."), ["2 1/2 years=P2Y6M"])
    XCTAssertEqual(values("A 10-day visit began."), ["10-day=P10D"])
    XCTAssertEqual(values("A 59-year-old man was arrested."), [])
  }

  func testTwoDigitYears() {
    XCTAssertEqual(values("The class of '99 met again."), ["'99=1999"])
    XCTAssertEqual(values("Music of the '80s is back."), ["the '80s=198"])
    XCTAssertEqual(values("The form was dated 3/14/05."), ["3/14/05=2005-03-14"])
    XCTAssertEqual(TimexResolver.expandTwoDigit(99, around: 2013), 1999)
    XCTAssertEqual(TimexResolver.expandTwoDigit(5, around: 2013), 2005)
    XCTAssertEqual(TimexResolver.expandTwoDigit(23, around: 2013), 2023)
    XCTAssertEqual(TimexResolver.expandTwoDigit(24, around: 2013), 1924)
    XCTAssertEqual(TimexResolver.expandTwoDigit(30, around: 1998), 1930)
  }

  func testAmbiguousDayMonthOrderIsFlaggedNotFlipped() {
    let a = tag("The deal was signed on 3/4/2014.")
    XCTAssertEqual(a.count, 1)
    XCTAssertEqual(a.first?.1.value, "2014-03-04")
    XCTAssertEqual(a.first?.1.ambiguousDayMonth, true)
    let b = tag("The deal was signed on 22/3/2013.")
    XCTAssertEqual(b.first?.1.value, "2013-03-22")
    XCTAssertEqual(b.first?.1.ambiguousDayMonth, false)
    let c = tag("The deal was signed on 12/12/2012.")
    XCTAssertEqual(c.first?.1.value, "2012-12-12")
    XCTAssertEqual(c.first?.1.ambiguousDayMonth, false)
    XCTAssertFalse(tag("It was dated 31/31/2012.").contains { $0.1.granularity == .day })
  }

  func testRelativeExpressions() {
    XCTAssertEqual(values("Sales rose last year."), ["last year=2012"])
    XCTAssertEqual(values("Prices fell last month."), ["last month=2013-02"])
    XCTAssertEqual(values("Shares fell last week."), ["last week=2013-W11"])
    XCTAssertEqual(values("He arrived yesterday."), ["yesterday=2013-03-21"])
    XCTAssertEqual(
      values("He arrived the day before yesterday."), ["the day before yesterday=2013-03-20"])
    XCTAssertEqual(values("He was seen two weeks ago."), ["two weeks ago=2013-W10"])
    XCTAssertEqual(values("It opened three years ago."), ["three years ago=2010"])
    XCTAssertEqual(values("It was elected in June."), ["June=2012-06"])
    XCTAssertEqual(values("They will vote in June."), ["June=2013-06"])
    XCTAssertEqual(
      values("Results for the fourth quarter were weak."), ["the fourth quarter=2012-Q4"])
    XCTAssertEqual(values("Growth slowed in the 1990s."), ["the 1990s=199"])
    XCTAssertEqual(values("It began in the early 1990s."), ["the early 1990s=199"])
    XCTAssertEqual(values("He left this morning."), ["this morning=2013-03-22TMO"])
    XCTAssertEqual(values("He left last night."), ["last night=2013-03-21TNI"])
    XCTAssertEqual(
      values("The vote is at 3:30 p.m. Friday."), ["3:30 p.m. Friday=2013-03-22T15:30"])
    XCTAssertEqual(values("It happened in the 20th century."), ["the 20th century=19"])
    XCTAssertEqual(values("Profits rose in early 2012."), ["early 2012=2012"])
    XCTAssertEqual(values("Prices were high last summer."), ["last summer=2012-SU"])
    XCTAssertEqual(values("He was shot last Oct. 23 at home."), ["last Oct. 23=2012-10-23"])
    XCTAssertEqual(
      values("A hearing is set for the week of March 6."), ["the week of March 6=2013-W10"])
  }

  func testAnchoredDurationsOnTheTimeline() {
    let doc = Document(
      name: "x.txt",
      text:
        "Two years after 2008 the bank failed. It has grown in the 10 years since the war ended. "
        + "He waited for three weeks.")
    let a = Analysis(document: doc, date: "2013-03-22")
    let dated = a.timeline.filter(\.isDated)
    XCTAssertTrue(dated.contains { $0.value == "2010" && $0.approximate })
    XCTAssertTrue(dated.contains { $0.value == "2003" && $0.approximate })
    XCTAssertTrue(dated.contains { $0.value == "2008" && !$0.approximate })
    XCTAssertFalse(a.timeline.contains { doc.string($0.span) == "three weeks" })  // plain duration
    XCTAssertEqual(TimelineBuilder.shift("2013-03-22", unit: .day, by: -5), "2013-03-17")
    XCTAssertEqual(TimelineBuilder.shift("2013-03", unit: .year, by: 1), "2014-03")
    XCTAssertNil(TimelineBuilder.shift("PRESENT_REF", unit: .year, by: 1))
  }

  func testRangesClockTokensAndCenturies() {
    XCTAssertEqual(values("The war of 1992-1995 ended."), ["1992=1992", "1995=1995"])
    XCTAssertEqual(values("The 2014-15 season began."), ["2014=2014", "15=2015"])
    // two days of one month: each its own expression (TimeML splits ranges and conjunctions)
    XCTAssertEqual(
      values("The summit meets on April 24 and 25."), ["April 24=2013-04-24", "25=2013-04-25"])
    XCTAssertEqual(
      values("Talks ran from March 3 to 5, 2012, in Rome."),
      ["March 3=2012-03-03", "5, 2012=2012-03-05"])
    XCTAssertEqual(values("Prices peaked on June 3-4."), ["June 3=2012-06-03", "4=2012-06-04"])
    XCTAssertEqual(
      values("The show runs from 14 to 17 February."),
      ["14=2013-02-14", "17 February=2013-02-17"])
    XCTAssertEqual(
      values("A reading could follow on 16 or 17 March 2014."),
      ["16=2014-03-16", "17 March 2014=2014-03-17"])
    XCTAssertEqual(values("It ran 10-12 June 2012."), ["10=2012-06-10", "12 June 2012=2012-06-12"])
    // a number that counts something is no day
    XCTAssertEqual(values("On April 24 and 25 people died."), ["April 24=2013-04-24"])
    XCTAssertEqual(values("It rose on May 2 and 3 percent fell."), ["May 2=2013-05-02"])
    // durations in a range stay one expression, as the corpora mostly tag them
    XCTAssertEqual(values("It takes two to three weeks."), ["three weeks=P3W"])
    XCTAssertEqual(values("Talks end at 3pm."), ["3pm=2013-03-22T15:00"])
    XCTAssertEqual(
      values("It happened at 9:15 a.m. local time on Sunday."),
      ["9:15 a.m.=2013-03-17T09:15", "Sunday=2013-03-17"])
    XCTAssertEqual(values("Talks end at 10.30am."), ["10.30am=2013-03-22T10:30"])
    XCTAssertEqual(values("Talks end at 3:30pm."), ["3:30pm=2013-03-22T15:30"])
    XCTAssertEqual(values("Shares rose by 1200 GMT."), ["1200 GMT=2013-03-22T12:00"])
    XCTAssertEqual(values("Profits rose in the 2000s."), ["the 2000s=200"])
    XCTAssertEqual(values("It was built in the 1800s."), ["the 1800s=18"])
  }

  func testSetsDurationsAndReferences() {
    XCTAssertEqual(tag("It pays 100 million USD annually.").map { $0.1.type }, [.set])
    XCTAssertEqual(values("It pays 100 million USD annually."), ["annually=P1Y"])
    XCTAssertEqual(values("They meet every week."), ["every week=P1W"])
    XCTAssertEqual(values("The shop shuts on Sundays."), ["Sundays=XXXX-WXX-7"])
    XCTAssertEqual(values("Flights leave on Tuesday nights."), ["Tuesday nights=XXXX-WXX-2TNI"])
    // the first of two days shares the second's recurrence
    XCTAssertEqual(
      values("Flights will leave on Monday and Tuesday nights."),
      ["Monday=XXXX-WXX-1TNI", "Tuesday nights=XXXX-WXX-2TNI"])
    XCTAssertEqual(
      values("They met on Monday and Tuesday."), ["Monday=2013-03-18", "Tuesday=2013-03-19"])
    XCTAssertEqual(values("The talks lasted 24 hours."), ["24 hours=PT24H"])
    XCTAssertEqual(values("It is raining now."), ["now=PRESENT_REF"])
    XCTAssertEqual(values("Prices have recently fallen."), ["recently=PAST_REF"])
    XCTAssertEqual(values("Prices will soon fall."), ["soon=FUTURE_REF"])
    XCTAssertEqual(values("He was arrested and soon released."), [])
    XCTAssertFalse(values("He told CBS's '60 Minutes' about it.").contains("'60=1960"))
    XCTAssertEqual(values("It was tabled since 2008."), ["2008=2008"])  // "since" stays out
  }

  func testWithoutDocumentDateRelativeExpressionsStayUnresolved() {
    XCTAssertEqual(values("Sales rose last year.", dct: nil), ["last year=XXXX"])
    XCTAssertEqual(values("He arrived yesterday.", dct: nil), ["yesterday=XXXX-XX-XX"])
    XCTAssertEqual(
      values("The minister said Monday that talks failed.", dct: nil), ["Monday=XXXX-WXX-1"])
    XCTAssertEqual(values("It was elected in June.", dct: nil), ["June=XXXX-06"])
    XCTAssertEqual(values("It was founded in 1990.", dct: nil), ["1990=1990"])
  }

  func testDocumentDateSources() {
    let given = Document(name: "a.txt", text: "Nothing here.")
    XCTAssertEqual(TemporalTagger.documentDate(for: given, given: "2013-03-22")?.source, .given)
    XCTAssertNil(TemporalTagger.documentDate(for: given, given: nil))
    let named = Document(name: "news/20130322-story.txt", text: "Nothing here.")
    XCTAssertEqual(TemporalTagger.documentDate(for: named, given: nil)?.value, "2013-03-22")
    XCTAssertEqual(TemporalTagger.documentDate(for: named, given: nil)?.source, .filename)
    let dashed = Document(name: "2013-03-22 story.txt", text: "Nothing here.")
    XCTAssertEqual(TemporalTagger.documentDate(for: dashed, given: nil)?.value, "2013-03-22")
    let meta = Document(name: "x.txt", text: "Title\n\nDate: March 5, 2011\n\nThe story was told.")
    XCTAssertEqual(TemporalTagger.documentDate(for: meta, given: nil)?.value, "2011-03-05")
    XCTAssertEqual(TemporalTagger.documentDate(for: meta, given: nil)?.source, .metadata)
    let updated = Document(
      name: "x.txt", text: "Storm hits coast\n\nUpdated 14 June 2012\n\nIt rained.")
    XCTAssertEqual(TemporalTagger.documentDate(for: updated, given: nil)?.value, "2012-06-14")
    let dateLine = Document(
      name: "x.txt", text: "Storm hits coast\nFriday, 22 March 2013 10:05 GMT\n\nIt rained in 2011."
    )
    XCTAssertEqual(TemporalTagger.documentDate(for: dateLine, given: nil)?.value, "2013-03-22")
    XCTAssertEqual(TemporalTagger.documentDate(for: dateLine, given: nil)?.source, .metadata)
    let sentence = Document(name: "x.txt", text: "Storm hits coast\n\nIt rained on 3 March 2011.")
    XCTAssertEqual(TemporalTagger.documentDate(for: sentence, given: nil)?.source, .inferred)
    let dateline = Document(
      name: "x.txt", text: "WASHINGTON, March 3, 2011 (AP) — The vote was held on Friday.")
    XCTAssertEqual(TemporalTagger.documentDate(for: dateline, given: nil)?.value, "2011-03-03")
    XCTAssertEqual(TemporalTagger.documentDate(for: dateline, given: nil)?.source, .dateline)
    let datelineNoYear = Document(
      name: "x.txt", text: "WASHINGTON, March 3 (AP) — The law of 2012 was repealed on Friday.")
    XCTAssertEqual(
      TemporalTagger.documentDate(for: datelineNoYear, given: nil)?.value, "2012-03-03")
    let inferred = Document(
      name: "x.txt", text: "It began in 2001. It ended in May 2004. It will end by 2030.")
    XCTAssertEqual(TemporalTagger.documentDate(for: inferred, given: nil)?.value, "2004")
    XCTAssertEqual(TemporalTagger.documentDate(for: inferred, given: nil)?.source, .inferred)
  }

  func testCalendarArithmetic() {
    XCTAssertEqual(CalendarDate(2013, 3, 22).weekday, 5)
    XCTAssertEqual(CalendarDate(1970, 1, 1).dayNumber, 0)
    XCTAssertEqual(
      CalendarDate(dayNumber: CalendarDate(2000, 2, 29).dayNumber), CalendarDate(2000, 2, 29))
    XCTAssertEqual(CalendarDate(2013, 3, 22).isoWeek.week, 12)
    XCTAssertEqual(CalendarDate(2010, 1, 3).isoWeek.year, 2009)
    XCTAssertEqual(CalendarDate(2013, 1, 31).adding(months: 1), CalendarDate(2013, 2, 28))
    XCTAssertEqual(TimexResolver.holiday("easter", year: 2013), CalendarDate(2013, 3, 31))
    XCTAssertEqual(TimexResolver.holiday("thanksgiving", year: 2013), CalendarDate(2013, 11, 28))
  }

  /// A time word capitalised inside a sentence after a word, number or possessive is part of a
  /// name: "USA Today", "Radio 4's Today programme", CBS's "60 Minutes".
  func testTimeWordsInsideNames() {
    XCTAssertEqual(values("He told USA Today that he would stay."), [])
    XCTAssertEqual(values("She told BBC Radio 4's Today programme the plan was dead."), [])
    XCTAssertEqual(values("Gonzalez said on CBS's \"60 Minutes\" that he was sad."), [])
    XCTAssertEqual(values("Today, the court ruled."), ["Today=2013-03-22"])
    XCTAssertEqual(values("The talks lasted 60 minutes."), ["60 minutes=PT60M"])
  }

  /// "[the first two quarters of 1990]" is its first half and "[the last half of the '80s]"
  /// the decade's end: one phrase each, "of" joining its parts as in "[October of 1963]".
  func testPartsOfAYearOrDecade() {
    XCTAssertEqual(
      values("Demand will stay weak through the first two quarters of 1990."),
      ["the first two quarters of 1990=1990-H1"])
    XCTAssertEqual(
      values("Revenue fell 4% in the first nine months of the year."),
      ["the first nine months=P9M", "the year=2013"])
    XCTAssertEqual(values("It was the best film of the year."), [])
    XCTAssertEqual(values("We play 42 weeks of the year."), ["42 weeks=P42W"])
    XCTAssertEqual(
      values("Sales improved in the second quarter of the year.", dct: "2013-10-24"),
      ["the second quarter of the year=2013-Q2"])
    let e = tag("Sales have been flat in the last half of the '80s.")
    XCTAssertEqual(e.map { "\($0.0)=\($0.1.value)" }, ["the last half of the '80s=198"])
    XCTAssertEqual(e.first?.1.mod, "END")
  }

  /// Extents of phrases headed by a time word or with a modifier that belongs to them
  /// (TIMEX3.md §5): "[Easter week]", "[last Thanksgiving]", "[this coming Sunday]", and the
  /// clock time "[4 in the morning]".
  func testWholePhrases() {
    // DCT Friday 2013-03-22; Easter 2013 was March 31 (ISO week 13)
    XCTAssertEqual(values("Crowds gathered as Easter week began."), ["Easter week=2013-W13"])
    XCTAssertEqual(
      values("He has not spoken to her since last Thanksgiving."), ["last Thanksgiving=2012-11-22"])
    XCTAssertEqual(
      values("They say they will marry next Christmas."), ["next Christmas=2013-12-25"])
    XCTAssertEqual(values("Last Christmas, it snowed."), ["Last Christmas=2012-12-25"])
    XCTAssertEqual(values("They sang Wham's Last Christmas twice."), [])
    XCTAssertEqual(values("The vote is this coming Sunday."), ["this coming Sunday=2013-03-24"])
    XCTAssertEqual(
      values("The father will leave at 4 in the morning, Castro said Friday."),
      ["4 in the morning=2013-03-22T04:00", "Friday=2013-03-22"])
    XCTAssertEqual(
      values("Talks ran until 3 in the afternoon."), ["3 in the afternoon=2013-03-22T15:00"])
  }

  /// Lengths, reckonings and vague times news writes often: "a year-long study", "five working
  /// days", "on a daily basis", "at a later date", "in past years", "that same day".
  func testLengthsAndVagueTimes() {
    XCTAssertEqual(
      values("A year-long study and the decades-long feud ended after an hour-long talk."),
      ["year-long=P1Y", "decades-long=PXE", "hour-long=PT1H"])
    XCTAssertEqual(
      values("Refunds take five working days; shares fell for two trading days."),
      ["five working days=P5D", "two trading days=P2D"])
    XCTAssertEqual(values("It changed to a calendar year."), [])
    XCTAssertEqual(values("He runs the firm on a daily basis."), ["daily=P1D"])
    XCTAssertEqual(values("The daily newspaper said so."), [])
    XCTAssertEqual(
      values("The bonds will be sold at a later date. There were sales in past years."),
      ["a later date=FUTURE_REF", "past years=PAST_REF"])
    XCTAssertEqual(
      values("The site opened on March 3. It was closed that same day."),
      ["March 3=2013-03-03", "that same day=2013-03-03"])
    XCTAssertEqual(
      values("He was killed last October. The site was closed that same day."),
      ["last October=2012-10", "that same day=2012-10-XX"])
    // a day or a part of one after or before the last day named
    XCTAssertEqual(
      values("He appeared on March 3. The next morning he left; the next day he spoke."),
      ["March 3=2013-03-03", "The next morning=2013-03-04TMO", "the next day=2013-03-05"])
    XCTAssertEqual(
      values("Rain is due over the next day."), ["the next day=P1D"])
  }
}

/// Hostile and odd input: no crash, spans inside the text, values never empty.
final class TimeRobustnessTests: XCTestCase {
  func testTokenSoupNeverCrashes() {
    let pieces = [
      "the", "last", "next", "2014", "1e300", "99999999999999999999", "years", "ago", "since",
      "May",
      "Friday", "night", "'", "80s", "'99", "3/4/14", "31/31/2012", "2013-02-30", "10-day",
      "9999999999-year", "a", "half", "quarter", "of", "early", "mid-", "mid-1990s", "the", "end",
      "1200", "GMT", "noon", "12:99", "25:00", "p.m.", ",", ".", "\n", "every", "twice", "week",
      "fiscal", "third-quarter", "year-earlier", "Christmas", "Easter", "2199", "0000", "-", "—",
      "nineteen", "ninety-nine", "twentieth", "century", "1,000,000,000,000,000,000,000", "recent",
      "s", "'s", "3pm", "13.75pm", "2014-15", "1992-1995", "Sundays", "the week of", "last Oct.",
      "23",
    ]
    var seed: UInt64 = 42
    for _ in 0..<300 {
      var words: [String] = []
      for _ in 0..<40 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        words.append(pieces[Int(seed >> 33) % pieces.count])
      }
      let doc = Document(name: "soup.txt", text: words.joined(separator: " "))
      for dct in [nil, "2013-03-22", "2014"] as [String?] {
        let date = TemporalTagger.documentDate(for: doc, given: dct)
        let found = TemporalTagger.expressions(in: doc, dct: date)
        for e in found {
          XCTAssertTrue(e.span.start < e.span.end && e.span.end <= doc.scalars.count)
          XCTAssertFalse(e.value.isEmpty)
        }
        _ = TemporalTagger.timeline(for: doc, expressions: found)
      }
    }
  }
}
