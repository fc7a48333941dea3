/// Builds the timeline from the resolved expressions: an entry per dated event, in
/// chronological order (same value: text order), then SETs and vague references in text order.
/// Plain durations have no place on it; durations anchored by "since" do, at the time they
/// count back to, marked approximate.
enum TimelineBuilder {
  static func timeline(for doc: Document, expressions: [TimeExpression]) -> [TimelineEntry] {
    var dated: [(key: (Int, Int), order: Int, entry: TimelineEntry)] = []
    var undated: [TimelineEntry] = []
    for (order, e) in expressions.enumerated() {
      let sentenceIndex = doc.sentenceIndex(containing: e.span.start)
      let sentence = sentenceIndex.map { doc.sentences[$0].span } ?? e.span
      if e.type == .duration {
        guard let v = e.anchoredValue, let interval = interval(of: v) else { continue }
        let entry = TimelineEntry(
          value: v, type: .date, span: e.span, sentence: sentence, approximate: true,
          granularity: granularity(of: v), sentenceIndex: sentenceIndex)
        dated.append((interval, order, entry))
        continue
      }
      if e.type != .set, let interval = interval(of: e.value) {
        let entry = TimelineEntry(
          value: e.value, type: e.type, span: e.span, sentence: sentence,
          approximate: e.mod == "APPROX", granularity: granularity(of: e.value),
          sentenceIndex: sentenceIndex)
        dated.append((interval, order, entry))
      } else {
        undated.append(
          TimelineEntry(
            value: e.value, type: e.type, span: e.span, sentence: sentence, approximate: false,
            granularity: .none, sentenceIndex: sentenceIndex))
      }
    }
    dated.sort { a, b in
      if a.key.0 != b.key.0 { return a.key.0 < b.key.0 }
      if a.key.1 != b.key.1 { return a.key.1 > b.key.1 }  // the wider period first
      return a.order < b.order
    }
    return dated.map(\.entry) + undated
  }

  /// The granularity a value is written at.
  static func granularity(of v: String) -> TimeGranularity {
    let u = Array(v.utf8)
    if u.contains(84) { return .time }  // "T"
    switch u.count {
    case 2: return .century
    case 3: return .decade
    case 4: return .year
    default: break
    }
    if v.contains("-W") { return .week }
    if v.contains("-Q") { return .quarter }
    if v.contains("-H") { return .half }
    if u.count == 7 && (u[5] >= 65) { return .season }
    if u.count == 7 { return .month }
    return .day
  }

  /// The first and last day (day numbers) a value covers, or nil when it has no place on the
  /// calendar (X placeholders, references, durations).
  static func interval(of v: String) -> (Int, Int)? {
    let u = Array(v.utf8)
    guard u.count >= 2, u.allSatisfy({ $0 != 88 }) else { return nil }  // no "X"
    func num(_ a: Int, _ b: Int) -> Int? {
      guard b <= u.count, a < b else { return nil }
      var n = 0
      for k in a..<b {
        guard u[k] >= 48 && u[k] <= 57 else { return nil }
        n = n * 10 + Int(u[k] - 48)
      }
      return n
    }
    if u.count == 2, let c = num(0, 2) {
      return (CalendarDate(c * 100, 1, 1).dayNumber, CalendarDate(c * 100 + 99, 12, 31).dayNumber)
    }
    if u.count == 3, let d = num(0, 3) {
      return (CalendarDate(d * 10, 1, 1).dayNumber, CalendarDate(d * 10 + 9, 12, 31).dayNumber)
    }
    guard let y = num(0, 4) else { return nil }
    if u.count == 4 { return (CalendarDate(y, 1, 1).dayNumber, CalendarDate(y, 12, 31).dayNumber) }
    guard u[4] == 45, u.count >= 7 else { return nil }
    let tag = String(decoding: u[5..<7], as: UTF8.self)
    switch tag {
    case "Q1", "Q2", "Q3", "Q4":
      let q = Int(u[6] - 48)
      let a = CalendarDate(y, (q - 1) * 3 + 1, 1)
      return (a.dayNumber, a.adding(months: 3).dayNumber - 1)
    case "H1", "H2":
      let a = CalendarDate(y, u[6] == 49 ? 1 : 7, 1)
      return (a.dayNumber, a.adding(months: 6).dayNumber - 1)
    case "SP": return (CalendarDate(y, 3, 1).dayNumber, CalendarDate(y, 5, 31).dayNumber)
    case "SU": return (CalendarDate(y, 6, 1).dayNumber, CalendarDate(y, 8, 31).dayNumber)
    case "FA": return (CalendarDate(y, 9, 1).dayNumber, CalendarDate(y, 11, 30).dayNumber)
    case "WI": return (CalendarDate(y, 12, 1).dayNumber, CalendarDate(y + 1, 2, 1).dayNumber - 1)
    default: break
    }
    if u[5] == 87, let wk = num(6, 8) ?? num(6, 7) {  // "W12"
      let jan4 = CalendarDate(y, 1, 4)
      let monday = jan4.adding(days: 1 - jan4.weekday).adding(days: 7 * (wk - 1))
      if v.hasSuffix("-WE") { return (monday.dayNumber + 5, monday.dayNumber + 6) }
      return (monday.dayNumber, monday.dayNumber + 6)
    }
    guard let m = num(5, 7), (1...12).contains(m) else { return nil }
    if u.count == 7 {
      let a = CalendarDate(y, m, 1)
      return (a.dayNumber, a.adding(months: 1).dayNumber - 1)
    }
    guard u.count >= 10, u[7] == 45, let d = num(8, 10), CalendarDate.isValid(y, m, d) else {
      return nil
    }
    let n = CalendarDate(y, m, d).dayNumber
    return (n, n)
  }

  /// A year, month or day value moved by `n` units, at the coarser of the two granularities:
  /// "2008" + 2 years → "2010"; "2013-03-22" - 5 days → "2013-03-17"; nil when it cannot be.
  static func shift(_ v: String, unit: TimeLexicon.Unit, by n: Int) -> String? {
    guard interval(of: v) != nil else { return nil }
    let g = granularity(of: v)
    let u = Array(v.utf8)
    guard u.count >= 4, let y = Int(String(decoding: u[0..<4], as: UTF8.self)) else { return nil }
    let years: Int
    switch unit {
    case .year: years = n
    case .decade: years = 10 * n
    case .century: years = 100 * n
    default: years = 0
    }
    switch g {
    case .year:
      guard years != 0 else { return nil }
      return TimexFormat.pad4(y + years)
    case .month:
      guard let m = Int(String(decoding: u[5..<7], as: UTF8.self)) else { return nil }
      let months = unit == .month ? n : (unit == .quarter ? 3 * n : 12 * years)
      guard months != 0 else { return nil }
      let d = CalendarDate(y, m, 1).adding(months: months)
      return "\(TimexFormat.pad4(d.year))-\(TimexFormat.pad2(d.month))"
    case .day:
      guard let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
        let dd = Int(String(decoding: u[8..<10], as: UTF8.self))
      else { return nil }
      let date = CalendarDate(y, m, dd)
      switch unit {
      case .day: return date.adding(days: n).iso
      case .week: return date.adding(days: 7 * n).iso
      case .month: return date.adding(months: n).iso
      default: return years != 0 ? date.adding(months: 12 * years).iso : nil
      }
    default:
      return nil
    }
  }

  /// A resolved date as the reference for later anaphoric expressions.
  static func reference(value v: String, granularity: TimeGranularity, sentence: Int)
    -> TimexResolver.Reference?
  {
    guard interval(of: v) != nil else { return nil }
    let u = Array(v.utf8)
    guard u.count >= 4, let y = Int(String(decoding: u[0..<4], as: UTF8.self)) else { return nil }
    var r = TimexResolver.Reference(
      year: y, month: nil, day: nil, quarter: nil, granularity: granularity, sentence: sentence)
    if granularity == .quarter, u.count >= 7 { r.quarter = Int(u[6] - 48) }
    if granularity == .month || granularity == .day || granularity == .time, u.count >= 7 {
      r.month = Int(String(decoding: u[5..<7], as: UTF8.self))
      if u.count >= 10 { r.day = Int(String(decoding: u[8..<10], as: UTF8.self)) }
    }
    if granularity == .week, let (a, _) = interval(of: v) {
      let d = CalendarDate(dayNumber: a)
      r.month = d.month
      r.day = d.day
    }
    if granularity == .decade || granularity == .century { return nil }
    return r
  }
}
