/// Proleptic Gregorian day arithmetic on plain integers: day numbers, weekdays, ISO weeks.
///
/// Foundation's `Calendar` is slow and locale-laden; the tagger only needs these few rules.
public struct CalendarDate: Hashable, Comparable, Sendable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days n: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + n) }

  /// Adds months, clamping the day to the new month's length.
  public func adding(months n: Int) -> CalendarDate {
    let total = year * 12 + (month - 1) + n
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    let m = total - y * 12 + 1
    return CalendarDate(y, m, min(day, CalendarDate.daysIn(month: m, year: y)))
  }

  /// The ISO-8601 week: (week-based year, week number 1…53).
  public var isoWeek: (year: Int, week: Int) {
    // The Thursday of this week decides the year.
    let thursday = adding(days: 4 - weekday)
    let jan1 = CalendarDate(thursday.year, 1, 1).dayNumber
    return (thursday.year, (thursday.dayNumber - jan1) / 7 + 1)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month m: Int, year y: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isValid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
    (1...12).contains(m) && d >= 1 && d <= daysIn(month: m, year: y)
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

  /// "2013-03-22".
  public var iso: String {
    "\(TimexFormat.pad4(year))-\(TimexFormat.pad2(month))-\(TimexFormat.pad2(day))"
  }
}

/// Zero padding for TIMEX3 values.
enum TimexFormat {
  static func pad2(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
  static func pad4(_ n: Int) -> String {
    if n >= 1000 || n < 0 { return "\(n)" }
    let s = "\(n)"
    return String(repeating: "0", count: 4 - s.count) + s
  }
}
