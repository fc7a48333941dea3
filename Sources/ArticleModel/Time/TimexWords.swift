/// TIMEX3 values in people's words: "PRESENT_REF" is "now", "XXXX-WXX-7" "a Sunday" (or "every
/// Sunday" for a set), "1986-W10" "week 10 of 1986", "198" "the 1980s", "1987-03-26"
/// "26 March 1987". The explorer's Timeline pane and `lede dump` show these, with the exact
/// value beside them. A value it cannot read is returned as it is, never invented.
public enum TimexWords {
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  static let seasons = ["SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"]
  static let partsOfDay = [
    "MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime",
  ]
  static let ordinals = ["first", "second", "third", "fourth"]

  /// `value` in words. `type` tells a set ("every Sunday") from a date ("a Sunday"); `mod`
  /// (TIMEX3 mod: START, END, APPROX...) adds "early", "late", "about"; `uncertain` (the year
  /// comes from an inferred document date) adds a "?".
  public static func describe(
    _ value: String, type: TimexType, mod: String? = nil, approximate: Bool = false,
    uncertain: Bool = false
  ) -> String {
    let words: String?
    switch type {
    case .duration: words = duration(value)
    case .set: words = set(value)
    case .date, .time: words = date(value)
    }
    var out = words ?? value
    switch mod {
    case "START": out = "early " + out
    case "MID": out = "mid " + out
    case "END": out = "late " + out
    case "BEFORE": out = "before " + out
    case "AFTER": out = "after " + out
    case "ON_OR_BEFORE": out = "by " + out
    case "ON_OR_AFTER": out = "from " + out
    case "LESS_THAN": out = "less than " + out
    case "MORE_THAN": out = "more than " + out
    case "EQUAL_OR_LESS": out = "at most " + out
    case "EQUAL_OR_MORE": out = "at least " + out
    default: break
    }
    if approximate || mod == "APPROX" { out = "about " + out }
    if uncertain && (type == .date || type == .time) && words != nil && yearDigits(value) != nil {
      out += "?"
    }
    return out
  }

  /// Whether a value's year was taken from a guessed document date: the document date is
  /// inferred and the expression's own words do not state the year ("June" in an article dated
  /// "2014?" is "June 2014?", "April, 2014" is certain).
  public static func yearIsGuessed(value: String, text: String, documentDate: DocumentDate?) -> Bool {
    guard documentDate?.source == .inferred, let year = yearDigits(value) else { return false }
    return !text.contains(year)
  }

  /// The four year digits a value starts with ("2014-06" → "2014"), nil for none. Decades and
  /// centuries ("198", "18") are left out: their words state them ("the seventies").
  static func yearDigits(_ value: String) -> String? {
    let digits = value.prefix { $0.isASCII && $0.isNumber }
    return digits.count == 4 ? String(digits) : nil
  }

  /// The words for a timeline entry of an analysis.
  public static func describe(_ t: TimelineEntry, in a: Analysis) -> String {
    let text = a.document.string(t.span)
    return describe(
      t.value, type: t.type, approximate: t.approximate,
      uncertain: yearIsGuessed(value: t.value, text: text, documentDate: a.documentDate))
  }

  /// The words for a time expression of an analysis.
  public static func describe(_ t: TimeExpression, in a: Analysis) -> String {
    let text = a.document.string(t.span)
    return describe(
      t.value, type: t.type, mod: t.mod,
      uncertain: yearIsGuessed(value: t.value, text: text, documentDate: a.documentDate))
  }

  // MARK: - Dates and times

  static func date(_ v: String) -> String? {
    switch v {
    case "PRESENT_REF": return "now"
    case "PAST_REF": return "the past"
    case "FUTURE_REF": return "the future"
    default: break
    }
    let (d, time) = splitTime(v)
    guard let day = calendar(d) else { return nil }
    guard let time else { return day }
    guard let t = timeOfDay(time) else { return nil }
    if day == "an unknown day" { return partsOfDay[time] == nil ? "at " + t : "in the " + t }
    return partsOfDay[time] == nil ? "\(day) at \(t)" : "\(day) \(t)"
  }

  /// "1987-03-26" → "26 March 1987"; X placeholders become "a"/"an unknown ..." words.
  static func calendar(_ v: String) -> String? {
    let p = v.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let yearPart = p.first, !yearPart.isEmpty else { return nil }
    let year = yearWords(yearPart)
    guard let year else { return nil }
    if p.count == 1 { return year.known ? year.text : "an unknown year" }
    let y = year.known ? " " + year.text : ""
    let of = year.known ? " of " + year.text : ""
    let second = p[1]
    if p.count == 2 {
      if let m = Int(second), (1...12).contains(m) { return months[m - 1] + y }
      if second == "XX" { return year.known ? "a month of \(year.text)" : "a month" }
      if second == "QX" { return year.known ? "a quarter of \(year.text)" : "a quarter" }
      if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q) {
        return "the \(ordinals[q - 1]) quarter\(of)"
      }
      if second.hasPrefix("H"), let h = Int(second.dropFirst()), (1...2).contains(h) {
        return "the \(ordinals[h - 1]) half\(of)"
      }
      if let s = seasons[second] { return s + y }
      if second == "WXX" { return year.known ? "a week of \(year.text)" : "a week" }
      if second.hasPrefix("W"), let w = Int(second.dropFirst()) { return "week \(w)\(of)" }
      return nil
    }
    if p.count == 3 {
      let third = p[2]
      if second.hasPrefix("W") {
        let week: String
        if second == "WXX" {
          week = ""
        } else if let w = Int(second.dropFirst()) {
          week = " of week \(w)" + of
        } else {
          return nil
        }
        if third == "WE" { return week.isEmpty ? "a weekend" : "the weekend" + week }
        guard let wd = Int(third), (1...7).contains(wd) else { return nil }
        if week.isEmpty {
          return year.known ? "a \(weekdays[wd - 1]) in \(year.text)" : "a \(weekdays[wd - 1])"
        }
        return weekdays[wd - 1] + week
      }
      let monthName: String?
      if let m = Int(second), (1...12).contains(m) {
        monthName = months[m - 1]
      } else if second == "XX" {
        monthName = nil
      } else {
        return nil
      }
      if third == "XX" {
        if let monthName { return "a day in \(monthName)\(y)" }
        return year.known ? "a day in \(year.text)" : "an unknown day"
      }
      guard let day = Int(third), (1...31).contains(day) else { return nil }
      guard let monthName else { return "the \(day)\(suffix(day))" + (year.known ? " of a month of \(year.text)" : "") }
      return "\(day) \(monthName)\(y)"
    }
    return nil
  }

  /// A year, decade or century: "1987", "the 1980s", "the 1800s", "the 20th century"?
  /// TIMEX3 writes the 19th century as "18", the 1980s as "198". X stands for an unknown digit.
  static func yearWords(_ s: String) -> (text: String, known: Bool)? {
    let u = Array(s.utf8)
    guard u.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 88 }) else { return nil }
    if u.allSatisfy({ $0 == 88 }) { return ("", false) }
    guard u.allSatisfy({ $0 != 88 }) else { return nil }
    switch u.count {
    case 4: return (s, true)
    case 3: return ("the \(s)0s", true)
    case 2: return ("the \(s)00s", true)
    default: return nil
    }
  }

  static func suffix(_ n: Int) -> String {
    if (11...13).contains(n % 100) { return "th" }
    switch n % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  static func splitTime(_ v: String) -> (String, String?) {
    guard let t = v.firstIndex(of: "T") else { return (v, nil) }
    return (String(v[..<t]), String(v[v.index(after: t)...]))
  }

  /// "10:00" → "10:00", "MO" → "morning".
  static func timeOfDay(_ t: String) -> String? {
    if let part = partsOfDay[t] { return part }
    let hm = t.split(separator: ":")
    guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1].prefix(2)), h < 25, m < 60 else {
      return nil
    }
    return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
  }

  // MARK: - Durations and sets

  static let units: [Character: (String, String)] = [
    "Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"),
    "D": ("day", "days"), "Q": ("quarter", "quarters"), "E": ("decade", "decades"),
    "C": ("century", "centuries"),
  ]
  static let timeUnits: [Character: (String, String)] = [
    "H": ("hour", "hours"), "M": ("minute", "minutes"), "S": ("second", "seconds"),
  ]

  /// "P3Y" → "3 years", "PT2H" → "2 hours", "PXY" → "years", "P1DE" → "1 decade".
  static func duration(_ v: String) -> String? {
    guard let parsed = durationParts(v) else { return nil }
    return parsed.map { n, unit in
      guard let n else { return unit.1 }
      return n == "1" ? "1 \(unit.0)" : "\(n) \(unit.1)"
    }.joined(separator: " ")
  }

  static func durationParts(_ v: String) -> [(String?, (String, String))]? {
    guard v.hasPrefix("P"), v.count >= 3 else { return nil }
    var rest = Substring(v.dropFirst())
    var inTime = false
    var parts: [(String?, (String, String))] = []
    while !rest.isEmpty {
      if rest.first == "T" {
        inTime = true
        rest = rest.dropFirst()
        continue
      }
      let number = rest.prefix { $0.isNumber || $0 == "." || $0 == "X" }
      rest = rest.dropFirst(number.count)
      // "DE" (decade) and "CE" (century) are two letters in TIMEX3.
      var unitKey: Character
      if rest.hasPrefix("DE") {
        unitKey = "E"
        rest = rest.dropFirst(2)
      } else if rest.hasPrefix("CE") {
        unitKey = "C"
        rest = rest.dropFirst(2)
      } else if let c = rest.first {
        unitKey = c
        rest = rest.dropFirst()
      } else {
        return nil
      }
      guard !number.isEmpty, let unit = (inTime ? timeUnits : units)[unitKey] else { return nil }
      parts.append((number.allSatisfy({ $0 == "X" }) ? nil : String(number), unit))
    }
    return parts.isEmpty ? nil : parts
  }

  /// "P1Y" → "every year", "P2W" → "every 2 weeks", "XXXX-WXX-7" → "every Sunday",
  /// "XXXX-WXX-3TMO" → "every Wednesday morning".
  static func set(_ v: String) -> String? {
    if let parts = durationParts(v), parts.count == 1 {
      let (n, unit) = parts[0]
      if n == nil || n == "1" { return "every " + unit.0 }
      return "every \(n!) \(unit.1)"
    }
    let (d, time) = splitTime(v)
    var part = ""
    if let time {
      guard let t = timeOfDay(time) else { return nil }
      part = t
    }
    let p = d.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    if p.count == 3, p[1] == "WXX", let wd = Int(p[2]), (1...7).contains(wd) {
      return "every \(weekdays[wd - 1])" + (part.isEmpty ? "" : " " + part)
    }
    if p.count == 3, p[1] == "WXX", p[2] == "WE" { return "every weekend" }
    if p.count == 2, p[0] == "XXXX", let m = Int(p[1]), (1...12).contains(m) {
      return "every \(months[m - 1])"
    }
    if p.count == 3, p[0] == "XXXX", p[1] == "XX", p[2] == "XX" {
      return "every day" + (part.isEmpty ? "" : " in the " + part)
    }
    if d.isEmpty || d == "XXXX-XX-XX", !part.isEmpty { return "every " + part }
    return nil
  }
}
