/// What a time expression says, before it is resolved against the document date.
///
/// The scanner produces these from the tokens; `TimexResolver` turns them into TIMEX3 values.
/// Keeping the two apart lets one phrase ("last June") be resolved differently for different
/// document dates and tenses, and lets tests check each half.
indirect enum TimexMeaning: Hashable, Sendable {
  /// How a year is given.
  enum YearRef: Hashable, Sendable {
    case explicit(Int)
    /// "'99", "3/4/99": resolved against the document date's century.
    case twoDigit(Int)
    /// "this year" 0, "last year" -1, "next year" +1.
    case relative(Int)
    /// Not said: taken from the document date and the tense.
    case unspecified
  }

  /// A calendar date: year, month and day, each possibly missing ("June", "March 15", "2008").
  case calendar(year: YearRef, month: Int?, day: Int?)
  /// A weekday; `shift` nil when bare, -1 "last", +1 "next", 0 "this".
  case weekday(Int, shift: Int?)
  /// A day of the month named alone: "on the 3rd" (the month is the document's, or the one
  /// before or after as the tense says).
  case dayOfMonth(Int)
  /// "today" 0, "yesterday" -1, "tomorrow" +1.
  case dayOffset(Int)
  /// "this year" 0, "last week" -1, "next month" +1; unit year, month, week, weekend, quarter...
  case relative(TimeLexicon.Unit, offset: Int)
  /// "last June" (-1), "next January" (+1), "this September" (0).
  case monthShift(Int, shift: Int, day: Int?)
  /// "Friday, March 3" without a year: the year near the document date whose March 3 is a
  /// Friday, when there is one.
  case weekdayDate(Int, month: Int, day: Int)
  /// "the week of March 6": the ISO week holding a day.
  case weekOf(TimexMeaning)
  /// "the previous Friday" (-1), "the following Monday" (+1): counted from the last day the
  /// text mentioned (else the document date).
  case weekdayFromReference(Int, shift: Int)
  /// "the day before last Tuesday" (-1), "the day after Christmas" (+1): a day next to a day.
  case dayNextTo(TimexMeaning, days: Int)
  case quarter(Int, year: YearRef)
  case half(Int, year: YearRef)
  case season(String, year: YearRef)
  /// "the 1990s" 199; `twoDigit` for "the '80s".
  case decade(Int, twoDigit: Bool)
  /// "the 20th century" 19.
  case century(Int)
  /// A duration counted from the document date ("two weeks ago", sign -1; "two weeks from
  /// now", +1) or from the last date mentioned ("a year earlier", `fromReference`).
  case shifted(TimeLexicon.Unit, count: Int?, sign: Int, fromReference: Bool)
  /// A TIMEX3 duration value ("P4Y").
  case duration(String)
  /// A TIMEX3 set value ("P1Y", "XXXX-WXX-2").
  case set(String)
  /// PRESENT_REF, PAST_REF, FUTURE_REF.
  case reference(String)
  /// "the quarter", "that year", "the same day": the last date mentioned (or the document date),
  /// shifted by `offset` units.
  case anaphoric(TimeLexicon.Unit, offset: Int)
  /// "the latest quarter/period": the quarter under discussion, else the one just ended (not
  /// the one holding a month or day just mentioned). It names the period, so it stays under
  /// discussion after it.
  case latestQuarter
  /// A clock time ("T15:30") or part of the day ("TMO"), on a day (nil: the reference day).
  case time(String, day: TimexMeaning?)
  /// A fixed holiday: month and day ("Christmas"), or a rule ("thanksgiving", "easter").
  case holiday(String, year: YearRef)
  /// A date the scanner could read but not place: a TIMEX3 value with X placeholders.
  case literal(String)

  /// The TIMEX3 type this meaning has.
  var type: TimexType {
    switch self {
    case .duration: return .duration
    case .set: return .set
    case .time(_, _): return .time
    default: return .date
    }
  }
}

/// A time expression found by the scanner: token range (inclusive), meaning and modifier.
struct TimexCandidate: Sendable {
  var first: Int
  var last: Int
  var meaning: TimexMeaning
  var mod: String?
  /// Character span override (for parts of one token, as in "1992-1995").
  var span: Span?
  /// True when a numeric date like 3/4/2014 could be read day-first or month-first.
  var ambiguousOrder = false
  /// A duration followed by "since": the time it is counted back from the document date.
  var anchoredBySince = false
  /// For a counted duration ("4 years"): its unit and count ("X" when vague).
  var unit: TimeLexicon.Unit?
  var count: String?

  init(
    _ first: Int, _ last: Int, _ meaning: TimexMeaning, mod: String? = nil,
    unit: TimeLexicon.Unit? = nil, count: String? = nil
  ) {
    self.first = first
    self.last = last
    self.meaning = meaning
    self.mod = mod
    self.unit = unit
    self.count = count
  }
}
