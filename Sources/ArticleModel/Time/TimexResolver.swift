/// Turns what an expression says (`TimexMeaning`) into a TIMEX3 value, against the document
/// date, the tense of its clause and the last date the text mentioned.
///
/// The rules follow HeidelTime's news resolution (see docs/TIMEX3.md §6): a month without a
/// year takes the document's year, moved back a year in past tense when it lies after the
/// document month (forward in future tense when before it); a bare weekday is the latest one
/// up to the document date, or the next one in future tense; granularity follows the unit.
/// Without a document date, relative expressions keep X placeholders: nothing is guessed.
struct TimexResolver {
  enum Tense { case past, present, future, unknown }

  /// The document creation time, as precise as known.
  struct Anchor: Hashable {
    var year: Int
    var month: Int?
    var day: Int?

    /// False for a dateline with no year ("LONDON, March 23 -"): `year` is then
    /// `Anchor.unknownYear`, a stand-in for the arithmetic whose digits the tagger masks.
    var yearKnown = true

    /// The stand-in year of an anchor whose year is unknown: far from any year a text names,
    /// and not a leap year.
    static let unknownYear = 2401

    var date: CalendarDate? {
      guard let month, let day else { return nil }
      return CalendarDate(year, month, day)
    }

    /// The day, when the weekday it falls on is known (not with an unknown year).
    var weekdayDate: CalendarDate? { yearKnown ? date : nil }

    var quarter: Int? { month.map { ($0 - 1) / 3 + 1 } }

    /// Parses "2013-03-22", "2013-03-22T10:00", "2013-03" or "2013".
    init?(_ value: String) {
      let u = Array(value.utf8)
      func num(_ a: Int, _ b: Int) -> Int? {
        guard b <= u.count else { return nil }
        return Int(String(decoding: u[a..<b], as: UTF8.self))
      }
      guard u.count >= 4 else { return nil }
      if u.count >= 7, u[0..<4].elementsEqual("XXXX".utf8) {
        year = Self.unknownYear
        yearKnown = false
      } else {
        guard let y = num(0, 4) else { return nil }
        year = y
      }
      let y = year
      if u.count >= 7, u[4] == 45, let m = num(5, 7), (1...12).contains(m) {
        month = m
        if u.count >= 10, u[7] == 45, let d = num(8, 10), CalendarDate.isValid(y, m, d) { day = d }
      }
    }

    init(year: Int, month: Int?, day: Int?) {
      self.year = year
      self.month = month
      self.day = day
    }
  }

  /// The last date the text mentioned, for "a year earlier", "the quarter", "that day".
  struct Reference {
    var year: Int
    var month: Int?
    var day: Int?
    var quarter: Int?
    var granularity: TimeGranularity
    var sentence: Int
    /// A report's part of a year ("the first nine months"): the year is under discussion.
    var partOfYear = false
  }

  let dct: Anchor?

  /// A value worked out from an anchor whose year is unknown, with the stand-in year's
  /// digits replaced by X: "2401-03-21" → "XXXX-03-21", "2400" → "XXXX", "240" → "XXX".
  static func maskUnknownYear(_ v: String) -> String {
    let u = Array(v.utf8)
    func digits(_ n: Int) -> Int? {
      guard u.count >= n else { return nil }
      var x = 0
      for k in 0..<n {
        guard u[k] >= 48 && u[k] <= 57 else { return nil }
        x = x * 10 + Int(u[k] - 48)
      }
      return x
    }
    let y = Anchor.unknownYear
    if let x = digits(4), abs(x - y) <= 100, u.count == 4 || u[4] == 45 || u[4] == 84 {
      return "XXXX" + v.dropFirst(4)
    }
    if u.count == 3, let x = digits(3), abs(x - y / 10) <= 10 { return "XXX" }
    if u.count == 2, let x = digits(2), abs(x - y / 100) <= 1 { return "XX" }
    return v
  }

  // MARK: - Years

  func year(_ ref: TimexMeaning.YearRef) -> Int? {
    switch ref {
    case .explicit(let y): return y
    case .twoDigit(let yy):
      return Self.expandTwoDigit(yy, around: dct?.yearKnown == true ? dct?.year : nil)
    case .relative(let k): return dct.map { $0.year + k }
    case .unspecified: return dct?.year
    }
  }

  /// "'99" → 1999, "'05" → 2005: the century that puts the year at most ten years after the
  /// document date (or after 2030 when there is none).
  static func expandTwoDigit(_ yy: Int, around dctYear: Int?) -> Int {
    let pivot = (dctYear ?? 2020) + 10
    var y = (pivot / 100) * 100 + yy
    if y > pivot { y -= 100 }
    return y
  }

  // MARK: - Resolution

  /// The type, value and granularity of a candidate.
  func resolve(
    _ m: TimexMeaning, tense: Tense, reference: Reference?
  ) -> (TimexType, String, TimeGranularity) {
    switch m {
    case .calendar(let yr, let month, let day):
      return (.date, calendar(yr, month, day, tense: tense), granularity(month: month, day: day))
    case .weekday(let wd, let shift):
      guard let date = dct?.weekdayDate else { return (.date, "XXXX-WXX-\(wd)", .day) }
      return (.date, weekday(wd, shift: shift, from: date, tense: tense).iso, .day)
    case .dayOfMonth(let d):
      guard let dct, let m = dct.month else { return (.date, "XXXX-XX-\(TimexFormat.pad2(d))", .day) }
      let here = CalendarDate(dct.year, m, 1)
      func on(_ month: CalendarDate) -> CalendarDate? {
        CalendarDate.isValid(month.year, month.month, d) ? CalendarDate(month.year, month.month, d) : nil
      }
      let this = on(here)
      guard let today = dct.date else {
        return (.date, this?.iso ?? "XXXX-XX-\(TimexFormat.pad2(d))", .day)
      }
      // The occurrence the tense points to: ahead in future and present tense ("is due on
      // the 3rd"), behind in the past.
      var pick = this
      if tense == .future || tense == .present {
        if this == nil || this! < today { pick = on(here.adding(months: 1)) }
      } else if this == nil || today < this! {
        pick = on(here.adding(months: -1))
      }
      return (.date, pick?.iso ?? "XXXX-XX-\(TimexFormat.pad2(d))", .day)
    case .dayOffset(let k):
      guard let date = dct?.date else { return (.date, "XXXX-XX-XX", .day) }
      return (.date, date.adding(days: k).iso, .day)
    case .relative(let unit, let k):
      return relative(unit, k, tense: tense)
    case .monthShift(let month, let shift, let day):
      let m2 = TimexFormat.pad2(month)
      let dayPart = day.map { "-" + TimexFormat.pad2($0) } ?? ""
      guard let dct else { return (.date, "XXXX-\(m2)\(dayPart)", day == nil ? .month : .day) }
      var y = dct.year
      let dm = dct.month ?? 6
      if shift < 0 && month >= dm { y -= 1 }
      if shift > 0 && month <= dm { y += 1 }
      if dct.month == nil { y = dct.year + shift }
      return (.date, "\(TimexFormat.pad4(y))-\(m2)\(dayPart)", day == nil ? .month : .day)
    case .weekdayDate(let wd, let month, let day):
      if let dct, dct.yearKnown {
        let fits = [dct.year, dct.year - 1, dct.year + 1].filter {
          CalendarDate.isValid($0, month, day) && CalendarDate($0, month, day).weekday == wd
        }
        if let y = fits.first {
          return (.date, CalendarDate(y, month, day).iso, .day)
        }
      }
      return (.date, calendar(.unspecified, month, day, tense: tense), .day)
    case .weekOf(let inner):
      let (_, v, g) = resolve(inner, tense: tense, reference: reference)
      guard g == .day, let (a, _) = TimelineBuilder.interval(of: v) else {
        return (.date, "XXXX-WXX", .week)
      }
      let w = CalendarDate(dayNumber: a).isoWeek
      return (.date, "\(TimexFormat.pad4(w.year))-W\(TimexFormat.pad2(w.week))", .week)
    case .weekdayFromReference(let wd, let shift):
      var base = dct?.weekdayDate
      if let r = reference, r.granularity == .day || r.granularity == .time, let m = r.month,
        let d = r.day, dct?.yearKnown != false
      {
        base = CalendarDate(r.year, m, d)
      }
      guard let base else { return (.date, "XXXX-WXX-\(wd)", .day) }
      return (.date, weekday(wd, shift: shift, from: base, tense: tense).iso, .day)
    case .dayNextTo(let inner, let days):
      let (_, v, g) = resolve(inner, tense: tense, reference: reference)
      guard g == .day, let shifted = TimelineBuilder.shift(v, unit: .day, by: days) else {
        return (.date, "XXXX-XX-XX", .day)
      }
      return (.date, shifted, .day)
    case .quarter(0, let yr):
      // "the 1988 period", "last year's quarter": the quarter under discussion, in that year;
      // the year itself when a part of a year is ("the nine months ... the 1988 period")
      if let r = reference, r.partOfYear, let y = year(yr) {
        return (.date, TimexFormat.pad4(y), .year)
      }
      var q = dct?.quarter.map { $0 == 1 ? 4 : $0 - 1 }
      if let r = reference, let rq = r.quarter { q = rq }
      guard let q, let y = year(yr) else { return (.date, "XXXX-QX", .quarter) }
      return (.date, "\(TimexFormat.pad4(y))-Q\(q)", .quarter)
    case .quarter(let q, let yr):
      guard let y = periodYear(yr, index: q, current: dct?.quarter, tense: tense) else {
        return (.date, "XXXX-Q\(q)", .quarter)
      }
      return (.date, "\(TimexFormat.pad4(y))-Q\(q)", .quarter)
    case .half(let h, let yr):
      let current = dct?.month.map { $0 <= 6 ? 1 : 2 }
      guard let y = periodYear(yr, index: h, current: current, tense: tense) else {
        return (.date, "XXXX-H\(h)", .half)
      }
      return (.date, "\(TimexFormat.pad4(y))-H\(h)", .half)
    case .season(let code, .relative(let k)) where k != 0:
      // "last summer": the latest summer begun before the document date.
      guard let dct else { return (.date, "XXXX-\(code)", .season) }
      let start = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][code] ?? 6
      var y = dct.year
      let dm = dct.month ?? 6
      if k < 0 { y -= 1 }  // TimeBank: "last spring" in October is the previous year's
      if k > 0 && start <= dm { y += 1 }
      if dct.month == nil { y = dct.year + k }
      return (.date, "\(TimexFormat.pad4(y))-\(code)", .season)
    case .season(let code, let yr):
      guard let y = year(yr) else { return (.date, "XXXX-\(code)", .season) }
      return (.date, "\(TimexFormat.pad4(y))-\(code)", .season)
    case .decade(let d, let twoDigit):
      if twoDigit {
        let y = Self.expandTwoDigit(d * 10, around: dct?.yearKnown == true ? dct?.year : nil)
        return (.date, String(y / 10), .decade)
      }
      return (.date, String(d), .decade)
    case .century(let c):
      return (.date, TimexFormat.pad2(c), .century)
    case .shifted(let unit, let count, let sign, let fromReference):
      return shifted(
        unit, count: count, sign: sign, fromReference: fromReference, reference: reference)
    case .duration(let v):
      return (.duration, v, .none)
    case .set(let v):
      return (.set, v, .none)
    case .reference(let r):
      return (.date, r, .none)
    case .anaphoric(let unit, let k):
      return anaphoric(unit, k, reference: reference)
    case .latestQuarter:
      return anaphoric(.quarter, 0, reference: reference?.granularity == .quarter ? reference : nil)
    case .time(let clock, let day):
      var dayValue = "XXXX-XX-XX"
      if let day {
        let (_, v, g) = resolve(day, tense: tense, reference: reference)
        if g == .day {
          dayValue = v
        } else if g == .time, let t = v.firstIndex(of: "T") {
          dayValue = String(v[..<t])
        }
      } else if let d = dct?.date {
        dayValue = d.iso
      }
      return (.time, dayValue + clock, .time)
    case .holiday(let name, let yr):
      guard var y = year(yr) else { return (.date, "XXXX-XX-XX", .day) }
      if yr == .unspecified, let dct {
        y = nearestYear(dct: dct, tense: tense) { yy in
          let n = Self.holiday(name, year: yy)?.dayNumber ?? 0
          return (n, n)
        }
      }
      return (.date, Self.holiday(name, year: y)?.iso ?? "XXXX-XX-XX", .day)
    case .literal(let v):
      return (.date, v, .none)
    }
  }

  func granularity(month: Int?, day: Int?) -> TimeGranularity {
    day != nil ? .day : (month != nil ? .month : .year)
  }

  func calendar(_ yr: TimexMeaning.YearRef, _ month: Int?, _ day: Int?, tense: Tense) -> String {
    var y = year(yr)
    if yr == .unspecified, let dct, let month, dct.month != nil {
      y = nearestYear(month: month, day: day, dct: dct, tense: tense)
    }
    let ys = y.map { TimexFormat.pad4($0) } ?? "XXXX"
    guard let month else { return ys }
    guard let day else { return "\(ys)-\(TimexFormat.pad2(month))" }
    return "\(ys)-\(TimexFormat.pad2(month))-\(TimexFormat.pad2(day))"
  }

  /// The year of a month (and day) named without one: the occurrence before or after the
  /// document date that the tense points to, unless the other one is much closer (within
  /// about a month), as when a past-tense sentence names a deadline a few days ahead.
  func nearestYear(month: Int, day: Int?, dct: Anchor, tense: Tense) -> Int {
    nearestYear(dct: dct, tense: tense) { y in
      if let day {
        let n = CalendarDate(y, month, min(day, CalendarDate.daysIn(month: month, year: y)))
          .dayNumber
        return (n, n)
      }
      let a = CalendarDate(y, month, 1)
      return (a.dayNumber, a.adding(months: 1).dayNumber - 1)
    }
  }

  /// The same choice for any yearly period given by its first and last day in a year.
  func nearestYear(dct: Anchor, tense: Tense, span: (Int) -> (Int, Int)) -> Int {
    guard let dm = dct.month else { return dct.year }
    let ref = dct.date?.dayNumber ?? CalendarDate(dct.year, dm, 15).dayNumber
    let here = span(dct.year)
    if here.0 <= ref && ref <= here.1 { return dct.year }
    let (beforeYear, afterYear) = here.0 > ref ? (dct.year - 1, dct.year) : (dct.year, dct.year + 1)
    let before = ref - span(beforeYear).1
    let after = span(afterYear).0 - ref
    // The tense of a clause is a hint, not a rule: a date much nearer on the other side is
    // usually the one meant ("asked him to testify on Feb. 10" a month ahead; "bought shares
    // through Sept. 29" a month back).
    let near = 30
    switch tense {
    case .past: return (after <= near && before > near) || after * 5 < before ? afterYear : beforeYear
    case .future: return (before <= near && after > near) || before * 5 < after ? beforeYear : afterYear
    default: return after < before ? afterYear : beforeYear
    }
  }

  /// The year of a quarter or half named without one: the document's, or the one before when
  /// the period has not begun yet at the document date (in past or present tense).
  func periodYear(_ yr: TimexMeaning.YearRef, index: Int, current: Int?, tense: Tense) -> Int? {
    guard let y = year(yr) else { return nil }
    guard yr == .unspecified, let current else { return y }
    if index > current && tense != .future { return y - 1 }
    if current - index >= 2 && tense == .future { return y + 1 }
    return y
  }

  func weekday(_ wd: Int, shift: Int?, from date: CalendarDate, tense: Tense) -> CalendarDate {
    let today = date.weekday
    switch shift {
    case .some(let s) where s < 0:
      var delta = today - wd
      if delta <= 0 { delta += 7 }
      return date.adding(days: -delta)
    case .some(let s) where s > 0:
      var delta = wd - today
      if delta <= 0 { delta += 7 }
      return date.adding(days: delta)
    case .some:
      return date.adding(days: wd - today)  // the same ISO week
    case .none:
      if tense == .future {
        var delta = wd - today
        if delta <= 0 { delta += 7 }
        return date.adding(days: delta)
      }
      var delta = today - wd
      if delta < 0 { delta += 7 }
      return date.adding(days: -delta)
    }
  }

  func relative(_ unit: TimeLexicon.Unit, _ k: Int, tense: Tense) -> (
    TimexType, String, TimeGranularity
  ) {
    guard let dct else {
      switch unit {
      case .year: return (.date, "XXXX", .year)
      case .month: return (.date, "XXXX-XX", .month)
      case .week, .weekend: return (.date, "XXXX-WXX", .week)
      case .quarter: return (.date, "XXXX-QX", .quarter)
      default: return (.date, "XXXX-XX-XX", .day)
      }
    }
    switch unit {
    case .year, .half:
      return (.date, TimexFormat.pad4(dct.year + k), .year)
    case .decade:
      return (.date, String(dct.year / 10 + k), .decade)
    case .century, .millennium:
      return (.date, TimexFormat.pad2(dct.year / 100 + k), .century)
    case .month:
      guard let m = dct.month else { return (.date, "\(TimexFormat.pad4(dct.year))-XX", .month) }
      let d = CalendarDate(dct.year, m, 1).adding(months: k)
      return (.date, "\(TimexFormat.pad4(d.year))-\(TimexFormat.pad2(d.month))", .month)
    case .quarter:
      guard let q = dct.quarter else {
        return (.date, "\(TimexFormat.pad4(dct.year))-QX", .quarter)
      }
      let total = dct.year * 4 + (q - 1) + k
      return (.date, "\(TimexFormat.pad4(total / 4))-Q\(total % 4 + 1)", .quarter)
    case .week, .weekend:
      guard let date = dct.weekdayDate else { return (.date, "\(TimexFormat.pad4(dct.year))-WXX", .week) }
      var shift = k
      if unit == .weekend && k == 0 && tense == .past && date.weekday < 6 { shift = -1 }
      let w = date.adding(days: 7 * shift).isoWeek
      let v =
        "\(TimexFormat.pad4(w.year))-W\(TimexFormat.pad2(w.week))" + (unit == .weekend ? "-WE" : "")
      return (.date, v, .week)
    case .day:
      guard let date = dct.date else { return (.date, "XXXX-XX-XX", .day) }
      return (.date, date.adding(days: k).iso, .day)
    case .hour, .minute, .second:
      return (.date, "PRESENT_REF", .none)
    }
  }

  func shifted(
    _ unit: TimeLexicon.Unit, count: Int?, sign: Int, fromReference: Bool, reference: Reference?
  ) -> (TimexType, String, TimeGranularity) {
    guard let n = count else { return (.date, sign < 0 ? "PAST_REF" : "FUTURE_REF", .none) }
    // The base: the reference for "earlier/later" (else the document date).
    var base: Anchor? = dct
    var baseQuarter: Int? = dct?.quarter
    var quarterContext = false
    // "a year earlier" after a bare year ("in 1988 ... a year earlier") is read from the
    // document date; after a quarter, month or day it is read from that.
    if let r = reference,
      (fromReference && !(unit == .year && r.granularity == .year))
        || (unit == .year && r.granularity == .quarter)
    {
      if fromReference || r.granularity == .quarter {
        base = Anchor(year: r.year, month: r.month, day: r.day)
        baseQuarter = r.quarter
        quarterContext = r.granularity == .quarter && unit == .year
      }
    }
    guard let b = base else {
      switch unit {
      case .year, .decade, .century: return (.date, "XXXX", .year)
      case .month: return (.date, "XXXX-XX", .month)
      case .week: return (.date, "XXXX-WXX", .week)
      default: return (.date, "XXXX-XX-XX", .day)
      }
    }
    let delta = sign * n
    if quarterContext, let q = baseQuarter {
      return (.date, "\(TimexFormat.pad4(b.year + delta))-Q\(q)", .quarter)
    }
    switch unit {
    case .year, .half:
      let years = unit == .half ? delta / 2 : delta
      return (.date, TimexFormat.pad4(b.year + years), .year)
    case .decade:
      return (.date, TimexFormat.pad4(b.year + 10 * delta), .year)
    case .century, .millennium:
      return (.date, TimexFormat.pad4(b.year + (unit == .century ? 100 : 1000) * delta), .year)
    case .quarter:
      guard let q = baseQuarter else { return (.date, "\(TimexFormat.pad4(b.year))-QX", .quarter) }
      let total = b.year * 4 + (q - 1) + delta
      return (.date, "\(TimexFormat.pad4(total / 4))-Q\(total % 4 + 1)", .quarter)
    case .month:
      guard let m = b.month else { return (.date, "\(TimexFormat.pad4(b.year))-XX", .month) }
      let d = CalendarDate(b.year, m, 1).adding(months: delta)
      return (.date, "\(TimexFormat.pad4(d.year))-\(TimexFormat.pad2(d.month))", .month)
    case .week, .weekend:
      guard let date = b.date else { return (.date, "XXXX-WXX", .week) }
      let w = date.adding(days: 7 * delta).isoWeek
      return (.date, "\(TimexFormat.pad4(w.year))-W\(TimexFormat.pad2(w.week))", .week)
    case .day:
      guard let date = b.date else { return (.date, "XXXX-XX-XX", .day) }
      return (.date, date.adding(days: delta).iso, .day)
    case .hour, .minute, .second:
      guard let date = b.date else { return (.date, "XXXX-XX-XX", .day) }
      return (.date, date.iso, .day)
    }
  }

  func anaphoric(
    _ unit: TimeLexicon.Unit, _ k: Int, reference: Reference?
  ) -> (TimexType, String, TimeGranularity) {
    var base: Anchor?
    var q: Int?
    if let r = reference, unit != .quarter || r.quarter != nil || r.month != nil {
      base = Anchor(year: r.year, month: r.month, day: r.day)
      q = r.quarter ?? r.month.map { ($0 - 1) / 3 + 1 }
    } else if let dct {
      base = dct
      // "the quarter" in a report: the one that has just ended.
      if unit == .quarter, let dq = dct.quarter {
        let total = dct.year * 4 + (dq - 1) - 1
        base = Anchor(year: total / 4, month: (total % 4) * 3 + 1, day: nil)
        q = total % 4 + 1
      }
    }
    guard let b = base else { return relative(unit, k, tense: .unknown) }
    switch unit {
    case .quarter:
      guard let q else { return (.date, "\(TimexFormat.pad4(b.year))-QX", .quarter) }
      let total = b.year * 4 + (q - 1) + k
      return (.date, "\(TimexFormat.pad4(total / 4))-Q\(total % 4 + 1)", .quarter)
    case .year:
      return (.date, TimexFormat.pad4(b.year + k), .year)
    case .month:
      guard let m = b.month else { return (.date, "\(TimexFormat.pad4(b.year))-XX", .month) }
      let d = CalendarDate(b.year, m, 1).adding(months: k)
      return (.date, "\(TimexFormat.pad4(d.year))-\(TimexFormat.pad2(d.month))", .month)
    case .week, .weekend:
      guard let date = b.date else { return (.date, "\(TimexFormat.pad4(b.year))-WXX", .week) }
      let w = date.adding(days: 7 * k).isoWeek
      return (.date, "\(TimexFormat.pad4(w.year))-W\(TimexFormat.pad2(w.week))", .week)
    case .day:
      guard let date = b.date else {
        // "that same day" after "last October": a day of that month
        if k == 0, let m = b.month {
          return (.date, "\(TimexFormat.pad4(b.year))-\(TimexFormat.pad2(m))-XX", .day)
        }
        return (.date, "XXXX-XX-XX", .day)
      }
      return (.date, date.adding(days: k).iso, .day)
    default:
      return (.date, TimexFormat.pad4(b.year + k), .year)
    }
  }

  // MARK: - Holidays

  static func holiday(_ name: String, year y: Int) -> CalendarDate? {
    switch name {
    case "christmas": return CalendarDate(y, 12, 25)
    case "christmas-eve": return CalendarDate(y, 12, 24)
    case "new-year": return CalendarDate(y, 1, 1)
    case "new-year-eve": return CalendarDate(y, 12, 31)
    case "halloween": return CalendarDate(y, 10, 31)
    case "independence": return CalendarDate(y, 7, 4)
    case "valentine": return CalendarDate(y, 2, 14)
    case "thanksgiving": return nthWeekday(4, 4, month: 11, year: y)
    case "labor": return nthWeekday(1, 1, month: 9, year: y)
    case "memorial":
      let lastDay = CalendarDate(y, 5, 31)
      return lastDay.adding(days: -((lastDay.weekday - 1 + 7) % 7))
    case "easter":
      // Anonymous Gregorian algorithm.
      let a = y % 19
      let b = y / 100
      let c = y % 100
      let d = b / 4
      let e = b % 4
      let f = (b + 8) / 25
      let g = (b - f + 1) / 3
      let h = (19 * a + b - d - g + 15) % 30
      let i = c / 4
      let k = c % 4
      let l = (32 + 2 * e + 2 * i - h - k) % 7
      let m = (a + 11 * h + 22 * l) / 451
      let month = (h + l - 7 * m + 114) / 31
      let day = (h + l - 7 * m + 114) % 31 + 1
      return CalendarDate(y, month, day)
    default: return nil
    }
  }

  /// The n-th given weekday of a month.
  static func nthWeekday(_ n: Int, _ wd: Int, month: Int, year: Int) -> CalendarDate {
    let first = CalendarDate(year, month, 1)
    let offset = (wd - first.weekday + 7) % 7
    return first.adding(days: offset + 7 * (n - 1))
  }
}
