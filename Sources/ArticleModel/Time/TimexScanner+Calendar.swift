/// Patterns for calendar dates and clock times: numeric dates, years, months, weekdays,
/// days, quarters, halves, seasons, centuries and holidays.
extension TimexScanner {
  // MARK: - Numbers first

  /// "2013-03-22", "03/22/2013", "22/3/2013", "3/4/14".
  func numericDate(_ i: Int) -> TimexCandidate? {
    let s = w(i)
    let u = Array(s.utf8)
    if u.count == 10, u[4] == 45, u[7] == 45,
      let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
      let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
      let d = Int(String(decoding: u[8..<10], as: UTF8.self)), CalendarDate.isValid(y, m, d)
    {
      return TimexCandidate(i, i, .calendar(year: .explicit(y), month: m, day: d))
    }
    if u.count == 8, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let y = Int(String(decoding: u[0..<4], as: UTF8.self)), y >= 1900, y <= 2099,
      let m = Int(String(decoding: u[4..<6], as: UTF8.self)),
      let d = Int(String(decoding: u[6..<8], as: UTF8.self)), CalendarDate.isValid(y, m, d)
    {
      return TimexCandidate(i, i, .calendar(year: .explicit(y), month: m, day: d))
    }
    // a/b/c
    guard let a = int(i), digitCount(i) <= 2, w(i + 1) == "/", let b = int(i + 2),
      digitCount(i + 2) <= 2, w(i + 3) == "/", let c = int(i + 4),
      adjacent(i, i + 4), doc.tokens[i + 4].start == doc.tokens[i + 3].end
    else { return nil }
    let yearRef: TimexMeaning.YearRef
    switch digitCount(i + 4) {
    case 4: yearRef = .explicit(c)
    case 2: yearRef = .twoDigit(c)
    default: return nil
    }
    var month = a
    var day = b
    var ambiguous = false
    if a > 12 && b <= 12 {
      month = b
      day = a
    } else if a <= 12 && b <= 12 && a != b {
      ambiguous = true  // month first, as US news writes it; flagged
    }
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    var c0 = TimexCandidate(i, i + 4, .calendar(year: yearRef, month: month, day: day))
    c0.ambiguousOrder = ambiguous
    return c0
  }

  /// "2008", "1990s", "1990's", "2008-09" (a range token: its first year).
  func yearPhrase(_ i: Int) -> TimexCandidate? {
    let s = w(i)
    let u = Array(s.utf8)
    // decades: "1990s"
    if u.count == 5, u[4] == 115, let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
      y >= 1000, y <= 2190, y % 10 == 0
    {
      // "the 1800s" is a century; "the 2000s" the decade 2000-2009
      if y % 100 == 0, y < 2000, w(i - 1) == "the" || w(i - 1) == "early" || w(i - 1) == "late" {
        return TimexCandidate(i, i, .century(y / 100))
      }
      return TimexCandidate(i, i, .decade(y / 10, twoDigit: false))
    }
    guard let y = yearNumber(i) else { return nil }
    let prev = w(i - 1)
    if Self.yearBlockers.contains(prev) { return nil }
    if isNumber(i - 1) && adjacent(i - 1, i) && prev != "," { return nil }
    let next = w(i + 1)
    if next == "%" || next == "percent" || next == "per" || next == "-" && isNumber(i + 2) {
      return nil
    }
    if Self.timeZones.contains(next) || next == "hours" || next == "hrs" || next == "local" {
      return nil  // "1200 GMT": a clock time
    }
    if let p = possessive(i + 1), y % 10 == 0, ["the", "early", "late", "mid"].contains(prev) {
      return TimexCandidate(i, p, .decade(y / 10, twoDigit: false))
    }
    if i + 1 < count, doc.tokens[i + 1].kind == .word, !capitalised[i + 1],
      next.utf8.count > 3, next.hasSuffix("s"), !next.hasSuffix("'s"), !next.hasSuffix("ss"),
      !Self.yearFollowers.contains(next)
    {
      return nil  // "2000 soldiers"
    }
    if i >= 2, capitalised[i - 1], doc.tokens[i - 1].kind == .word, doc.tokens[i - 2].kind == .word,
      TimeLexicon.months[prev] == nil, TimeLexicon.seasons[prev] == nil, !lowercaseText,
      !["in", "since", "by", "until", "fy", "fiscal", "christmas", "easter", "of", "the"].contains(
        prev)
    {
      return nil  // "Orion 1980", "Windows 2000": part of a name
    }
    if y < 1800 {
      let preps: Set<String> = [
        "in", "since", "of", "by", "until", "from", "to", "before", "after", "during", "year",
        "circa",
      ]
      guard preps.contains(prev) else { return nil }
    }
    // "1988 third quarter", "1989's first half"
    var j = i + 1
    if let p = possessive(j) { j = p + 1 }
    if Self.quarterOrdinals[w(j)] != nil || w(j) == "fiscal" {
      if let q = quarterPhrase(j, yearRef: .explicit(y)) {
        return TimexCandidate(i, q.last, q.meaning)
      }
    }
    return TimexCandidate(i, i, .calendar(year: .explicit(y), month: nil, day: nil))
  }

  /// "'80s" → decade; "'99" → year 1999.
  func apostropheYear(_ i: Int) -> TimexCandidate? {
    let s = w(i + 1)
    guard adjacent(i, i + 1), doc.tokens[i + 1].start == doc.tokens[i].end else { return nil }
    let u = Array(s.utf8)
    if u.count == 3, u[2] == 115, let d = Int(String(decoding: u[0..<2], as: UTF8.self)),
      d % 10 == 0
    {
      return TimexCandidate(i, i + 1, .decade(d / 10, twoDigit: true))
    }
    if u.count == 2, let y = int(i + 1) {
      // not "'60 Minutes" (a title) nor a quoted number before a unit
      if unit(i + 2) != nil
        || (i + 2 < count && capitalised[i + 2] && doc.tokens[i + 2].kind == .word)
      {
        return nil
      }
      return TimexCandidate(i, i + 1, .calendar(year: .twoDigit(y), month: nil, day: nil))
    }
    return nil
  }

  /// A clock time written as one token: "3pm", "10am", "10.30am", "3:30pm" → "T15:00"...
  func compactClock(_ s: String) -> String? {
    var u = Array(s.utf8)
    guard u.count >= 3, u.count <= 8 else { return nil }
    let suffix = String(decoding: u[(u.count - 2)...], as: UTF8.self)
    guard suffix == "am" || suffix == "pm" else { return nil }
    u.removeLast(2)
    var hour = 0
    var minute = 0
    var k = 0
    var digits = 0
    while k < u.count, u[k] >= 48, u[k] <= 57 {
      hour = hour * 10 + Int(u[k] - 48)
      k += 1
      digits += 1
    }
    guard digits >= 1, digits <= 2, hour >= 1, hour <= 12 else { return nil }
    if k < u.count {
      guard u[k] == 46 || u[k] == 58, u.count - k == 3 else { return nil }  // ".30" or ":30"
      guard let m = Int(String(decoding: u[(k + 1)...], as: UTF8.self)), m < 60 else { return nil }
      minute = m
    }
    if suffix == "pm" && hour < 12 { hour += 12 }
    if suffix == "am" && hour == 12 { hour = 0 }
    return "T\(TimexFormat.pad2(hour)):\(TimexFormat.pad2(minute))"
  }

  /// "22 March 2013", "22nd of March".
  func dayMonth(_ i: Int) -> TimexCandidate? {
    guard let d = day(i) else { return nil }
    var j = i + 1
    if w(j) == "of" { j += 1 }
    guard let m = TimeLexicon.months[w(j)], capitalised[j] || lowercaseText, adjacent(i, j) else {
      return nil
    }
    var last = j
    var year = TimexMeaning.YearRef.unspecified
    if let y = yearNumber(j + 1) {
      year = .explicit(y)
      last = j + 1
    } else if w(j + 1) == ",", let y = yearNumber(j + 2) {
      year = .explicit(y)
      last = j + 2
    }
    return TimexCandidate(i, last, .calendar(year: year, month: m, day: d))
  }

  /// "3 p.m.", "3:30 p.m. EST", "15:30", "noon", "10 o'clock", then an optional day.
  func timeOfDay(_ i: Int) -> TimexCandidate? {
    var clock: String
    var last = i
    switch w(i) {
    case "noon", "midday":
      clock = "T12:00"
    case "midnight":
      clock = "T24:00"
    default:
      if digitCount(i) == 4, let hhmm = int(i), hhmm / 100 <= 23, hhmm % 100 < 60,
        Self.timeZones.contains(w(i + 1)) || w(i + 1) == "hours" || w(i + 1) == "hrs"
      {
        // "1200 GMT", "0735 GMT", "1800 hours"
        clock = "T\(TimexFormat.pad2(hhmm / 100)):\(TimexFormat.pad2(hhmm % 100))"
        last = i + 1
        break
      }
      if let compact = compactClock(w(i)) {
        // "3pm", "10.30am", "3:30pm" (the minutes token "30pm")
        clock = compact
        break
      }
      if w(i + 1) == ":", doc.tokens[i + 1].start == doc.tokens[i].end, let h = int(i), h >= 1,
        h <= 12,
        let tail = compactClock("\(h):" + w(i + 2)), isNumber(i + 2)
      {
        clock = tail
        last = i + 2
        break
      }
      guard let h = int(i), digitCount(i) <= 2, h <= 24 else { return nil }
      var minute = 0
      var hasMinute = false
      var second: Int?
      if w(i + 1) == ":", let m = int(i + 2), digitCount(i + 2) == 2, m < 60,
        doc.tokens[i + 1].start == doc.tokens[i].end
      {
        minute = m
        hasMinute = true
        last = i + 2
        if w(i + 3) == ":", let sec = int(i + 4), digitCount(i + 4) == 2, sec < 60 {
          second = sec
          last = i + 4
        }
      }
      var hour = h
      let marker = w(last + 1)
      if ["a.m.", "am", "a.m", "p.m.", "pm", "p.m"].contains(marker) {
        guard h >= 1 && h <= 12 else { return nil }
        if marker.hasPrefix("p") && h < 12 { hour += 12 }
        if marker.hasPrefix("a") && h == 12 { hour = 0 }
        last += 1
      } else if marker == "o'clock" {
        last += 1
      } else if !hasMinute, h >= 1, h <= 12, w(last + 1) == "in", w(last + 2) == "the",
        let code = TimeLexicon.partsOfDay[w(last + 3)], code != "TNI",
        ["at", "by", "until", "till", "from", "around", "about", "before", "after", "since"]
          .contains(w(i - 1))
      {
        // "at 4 in the morning", "until 2 in the afternoon": one clock time
        if code != "TMO" && h < 12 { hour += 12 }
        if code == "TMO" && h == 12 { hour = 0 }
        last += 3
      } else if !hasMinute {
        return nil
      }
      clock = "T\(TimexFormat.pad2(hour)):\(TimexFormat.pad2(minute))"
      if let second { clock += ":\(TimexFormat.pad2(second))" }
    }
    if Self.timeZones.contains(w(last + 1)) { last += 1 }
    // An optional day after the time, with no signal between.
    var j = last + 1
    if w(j) == "," { j += 1 }
    var day: TimexMeaning?
    if adjacent(last, j) {
      if let dd = deictic(j), case .dayOffset = dd.meaning {
        day = dd.meaning
        last = dd.last
      } else if let wd = TimeLexicon.weekdays[w(j)], capitalised[j] || lowercaseText,
        let p = weekdayPhrase(j, weekday: wd, shift: nil, first: j)
      {
        day = p.meaning
        last = p.last
      } else if let m = month(j), let p = monthPhrase(j, m),
        case .calendar(_, _, let d) = p.meaning,
        d != nil
      {
        day = p.meaning
        last = p.last
      }
    }
    return TimexCandidate(i, last, .time(clock, day: day))
  }

  // MARK: - Names first

  /// "March 15", "March 15, 2013", "April, 2014", "July 1997", "October of 1963", "June",
  /// "January this year", "June last year".
  func monthPhrase(_ i: Int, _ m: Int) -> TimexCandidate? {
    var last = i
    var dayValue: Int?
    var year = TimexMeaning.YearRef.unspecified
    var j = i + 1
    if let d = day(j), adjacent(i, j), !((w(j + 1) == ":" && isNumber(j + 2)) || unit(j + 1) != nil)
    {
      dayValue = d
      last = j
      j += 1
      if w(j) == "," { j += 1 }
    } else if w(j) == "the", let d = day(j + 1) {
      dayValue = d  // "March the 3rd"
      last = j + 1
      j += 2
      if w(j) == "," { j += 1 }
    } else if w(j) == "," || w(j) == "of" {
      j += 1
    }
    if let y = yearNumber(j), adjacent(last, j), !(w(j + 1) == ":") {
      year = .explicit(y)
      last = j
    } else if w(j) == "'", digitCount(j + 1) == 2, let y = int(j + 1) {
      year = .twoDigit(y)
      last = j + 1
    } else if let words = yearInWords(j), case .calendar(let yy, _, _) = words.meaning {
      year = yy
      last = words.last
    } else if j == last + 1, let shift = ["this": 0, "last": -1, "next": 1][w(j)],
      w(j + 1) == "year"
    {
      year = .relative(shift)
      last = j + 1
    }
    return TimexCandidate(i, last, .calendar(year: year, month: m, day: dayValue))
  }

  /// "Friday", "Friday, March 22", "Friday night", "Tuesday the 18th".
  func weekdayPhrase(_ i: Int, weekday: Int, shift: Int?, first: Int) -> TimexCandidate? {
    var j = i + 1
    if w(j) == "," { j += 1 }
    // "Friday, March 22", "Friday 22 March", "Sunday, 27 February"
    if adjacent(i, j), let p = (month(j).flatMap { monthPhrase(j, $0) } ?? dayMonth(j)),
      case .calendar(let y, let m?, let d?) = p.meaning
    {
      if y == .unspecified {
        return TimexCandidate(first, p.last, .weekdayDate(weekday, month: m, day: d))
      }
      return TimexCandidate(first, p.last, .calendar(year: y, month: m, day: d))
    }
    // "Tuesday the 18th": the weekday says enough to place it
    if w(i + 1) == "the", day(i + 2) != nil, TimeLexicon.ordinal(w(i + 2)) != nil {
      return TimexCandidate(first, i + 2, .weekday(weekday, shift: shift))
    }
    // "Tuesday nights": a set
    if shift == nil,
      w(i + 1) == "nights" || w(i + 1) == "mornings" || w(i + 1) == "evenings"
        || w(i + 1) == "afternoons"
    {
      let code = partOfDay(i + 1) ?? TimeLexicon.partsOfDay[String(w(i + 1).dropLast())] ?? ""
      return TimexCandidate(first, i + 1, .set("XXXX-WXX-\(weekday)\(code)"))
    }
    // "on Monday and Tuesday nights": the first day shares the second's recurrence
    if shift == nil, w(i + 1) == "and" || w(i + 1) == "or", TimeLexicon.weekdays[w(i + 2)] != nil,
      ["nights", "mornings", "evenings", "afternoons"].contains(w(i + 3))
    {
      let code = TimeLexicon.partsOfDay[String(w(i + 3).dropLast())] ?? ""
      return TimexCandidate(first, i, .set("XXXX-WXX-\(weekday)\(code)"))
    }
    let base = TimexMeaning.weekday(weekday, shift: shift)
    if let code = partOfDay(i + 1), adjacent(i, i + 1) {
      return TimexCandidate(first, i + 1, .time(code, day: base))
    }
    return TimexCandidate(first, i, base)
  }

  /// A time word written with a capital inside a sentence, right after a word, a number or a
  /// possessive: part of a name ("USA Today", "BBC Radio 4's Today programme", "60 Minutes",
  /// "Are You Lonesome Tonight"), which running text would not capitalise.
  func isCapitalInsideName(_ i: Int) -> Bool {
    guard i >= 1, i < count, capitalised[i], !lowercaseText, adjacent(i - 1, i) else { return false }
    // an all-capitals word (a headline, "TODAY") says nothing
    if words[i].utf8.count > 1, doc.tokens[i].end - doc.tokens[i].start > 1,
      CharacterClass.isUpper(doc.scalars[doc.tokens[i].start + 1])
    {
      return false
    }
    let k = doc.tokens[i - 1].kind
    return k == .word || k == .number || w(i - 1) == "'s"
  }

  /// The TIMEX3 code of a part-of-day word ("morning" → "TMO").
  func partOfDay(_ i: Int) -> String? {
    let s = w(i)
    guard let code = TimeLexicon.partsOfDay[s] else { return nil }
    if s == "noon" || s == "midnight" || s == "midday" { return nil }
    return code
  }

  /// "today", "yesterday morning", "tomorrow", "tonight".
  func deictic(_ i: Int) -> TimexCandidate? {
    if isCapitalInsideName(i) { return nil }  // "USA Today", "Radio 4's Today programme"
    let offset: Int
    switch w(i) {
    case "today": offset = 0
    case "yesterday": offset = -1
    case "tomorrow": offset = 1
    case "tonight": return TimexCandidate(i, i, .time("TNI", day: .dayOffset(0)))
    default: return nil
    }
    if let code = partOfDay(i + 1), adjacent(i, i + 1) {
      return TimexCandidate(i, i + 1, .time(code, day: .dayOffset(offset)))
    }
    return TimexCandidate(i, i, .dayOffset(offset))
  }

  /// "fiscal 1989", "fiscal year 1990", "FY1989", "fiscal 1990 first quarter".
  func fiscal(_ i: Int) -> TimexCandidate? {
    var j = i + 1
    if w(i) == "fiscal" && w(j) == "year" { j += 1 }
    if let y = yearNumber(j) {
      if let q = quarterPhrase(j + 1, yearRef: .explicit(y)) {
        return TimexCandidate(i, q.last, q.meaning)
      }
      return TimexCandidate(i, j, .calendar(year: .explicit(y), month: nil, day: nil))
    }
    if w(i) == "fiscal", Self.quarterOrdinals[w(j)] != nil,
      let q = quarterPhrase(j, yearRef: .unspecified)
    {
      return TimexCandidate(i, q.last, q.meaning)
    }
    return nil
  }

  /// "nineteen ninety-six", "nineteen seventy-nine".
  func yearInWords(_ i: Int) -> TimexCandidate? {
    guard let century = TimeLexicon.cardinals[w(i)], century == 19 || century == 20,
      let rest = TimeLexicon.cardinal(w(i + 1)), rest >= 10, rest < 100
    else { return nil }
    return TimexCandidate(
      i, i + 1, .calendar(year: .explicit(century * 100 + rest), month: nil, day: nil))
  }

  // MARK: - Quarters, halves, centuries, seasons, holidays

  static let quarterOrdinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4,
  ]

  /// "third quarter", "third-quarter", "fiscal first quarter", "first half", "first half of 1990".
  func quarterPhrase(_ i: Int, yearRef: TimexMeaning.YearRef) -> TimexCandidate? {
    var j = i
    if w(j) == "fiscal" { j += 1 }
    // "the first two quarters of 1990": its first half
    if let h = ["first": 1, "last": 2, "final": 2][w(j)], w(j + 1) == "two",
      w(j + 2) == "quarters", w(j + 3) == "of", let y = yearNumber(j + 4)
    {
      return TimexCandidate(i, j + 4, .half(h, year: .explicit(y)))
    }
    // "the last half of the '80s": the decade, its end
    if let h = ["first": 1, "second": 2, "last": 2, "latter": 2][w(j)], w(j + 1) == "half",
      w(j + 2) == "of", w(j + 3) == "the",
      let d = w(j + 4) == "'" ? apostropheYear(j + 4) : yearPhrase(j + 4), case .decade = d.meaning
    {
      return TimexCandidate(i, d.last, d.meaning, mod: h == 1 ? "START" : "END")
    }
    var n: Int
    var isHalf = false
    var last: Int
    if let q = Self.quarterOrdinals[w(j)] {
      n = q
      var k = j + 1
      if w(k) == "fiscal" || w(k) == "-" { k += 1 }
      if w(k) == "quarter" {
        last = k
      } else if w(k) == "half" && q <= 2 || (w(k) == "half" && (w(j) == "last" || w(j) == "final"))
      {
        isHalf = true
        n = q == 1 ? 1 : 2
        last = k
      } else {
        return nil
      }
      if w(j) == "last" || w(j) == "final", yearRef == .unspecified, w(last + 1) != "of" {
        return nil
      }
    } else {
      // "third-quarter", "first-half", "second-quarter"
      let s = w(j)
      guard let dash = s.firstIndex(of: "-") else { return nil }
      let head = String(s[..<dash])
      let tail = String(s[s.index(after: dash)...])
      guard let q = Self.quarterOrdinals[head], tail == "quarter" || tail == "half" else {
        return nil
      }
      n = q
      isHalf = tail == "half"
      if isHalf { n = q == 1 ? 1 : 2 }
      last = j
    }
    var year = yearRef
    if isHalf, yearRef == .unspecified, !(w(last + 1) == "of" || yearNumber(last + 1) != nil),
      !nearFinanceWord(i)
    {
      return nil  // "the second half" of a match
    }
    if w(last + 1) == "of" || w(last + 1) == ",", let y = yearNumber(last + 2) {
      year = .explicit(y)
      last += 2
    } else if w(last + 1) == "of", let shift = ["this": 0, "last": -1, "next": 1][w(last + 2)],
      w(last + 3) == "year"
    {
      year = .relative(shift)
      last += 3
    } else if w(last + 1) == "of", w(last + 2) == "the", w(last + 3) == "year",
      possessive(last + 4) == nil
    {
      last += 3  // "the second quarter of the year": the year under discussion
    } else if let y = yearNumber(last + 1), adjacent(last, last + 1) {
      year = .explicit(y)
      last += 1
    }
    return TimexCandidate(i, last, isHalf ? .half(n, year: year) : .quarter(n, year: year))
  }

  static let financeWords: Set<String> = [
    "profit", "profits", "sales", "earnings", "revenue", "revenues", "growth", "economy",
    "quarter", "results", "fiscal", "financial", "output", "inflation", "prices", "shares",
    "income", "loss", "losses", "demand", "gdp", "spending", "investment", "market", "markets",
  ]

  /// A money or economy word within a few tokens: "profits rose in the second half".
  func nearFinanceWord(_ i: Int) -> Bool {
    for k in max(0, i - 12)..<min(count, i + 12) where Self.financeWords.contains(words[k]) {
      return true
    }
    return false
  }

  /// "20th century", "twentieth century".
  func centuryPhrase(_ i: Int) -> TimexCandidate? {
    guard let n = TimeLexicon.ordinal(w(i)), n >= 1, n <= 21, w(i + 1) == "century" else {
      return nil
    }
    return TimexCandidate(i, i + 1, .century(n - 1))
  }

  /// "summer", "the summer of 2014", "spring 2013" (needs a year or a determiner to be a season).
  func seasonPhrase(_ i: Int, code: String) -> TimexCandidate? {
    let prev = w(i - 1)
    var last = i
    var year = TimexMeaning.YearRef.unspecified
    if w(i + 1) == "of" || w(i + 1) == ",", let y = yearNumber(i + 2) {
      year = .explicit(y)
      last = i + 2
    } else if let y = yearNumber(i + 1) {
      year = .explicit(y)
      last = i + 1
    } else if w(i + 1) == "of", w(i + 2) == "nineteen", let yc = yearInWords(i + 2),
      case .calendar(let yy, _, _) = yc.meaning
    {
      year = yy
      last = yc.last
    }
    if year == .unspecified {
      let allowed: Set<String> =
        w(i) == "fall"
        ? ["the", "early", "late", "in", "this", "last", "next", "mid"]
        : [
          "the", "early", "late", "in", "this", "last", "next", "mid", "during", "since", "until",
          "by", "over", "through", "and",
        ]
      guard allowed.contains(prev) else { return nil }
      if w(i) == "fall", prev == "the", w(i + 1) == "of" { return nil }
      if i + 1 < count, doc.tokens[i + 1].kind == .word,
        !["and", "or", "when", "as"].contains(w(i + 1)),
        w(i + 1) != "of"
      {
        return nil  // "summer camp", "the spring festival"
      }
      if w(i + 1) == "of" { return nil }
    }
    return TimexCandidate(i, last, .season(code, year: year))
  }

  /// Holidays with fixed or computed dates.
  func holiday(_ i: Int) -> TimexCandidate? {
    guard capitalised[i] || lowercaseText else { return nil }
    // "Wham's Last Christmas": a capital "Last"/"Next" inside a sentence makes a title
    if ["last", "next"].contains(w(i - 1)), capitalised[i - 1], i >= 2,
      ![".", "!", "?", ":", "\"", "``", "''", "'"].contains(w(i - 2)), adjacent(i - 2, i - 1)
    {
      return nil
    }
    let s = w(i)
    var name: String?
    var last = i
    switch s {
    case "christmas":
      if w(i + 1) == "eve" {
        name = "christmas-eve"
        last = i + 1
      } else if w(i + 1) == "day" {
        name = "christmas"
        last = i + 1
      } else {
        name = "christmas"
      }
      if w(i + 1) != "eve" && i + 1 < count && doc.tokens[i + 1].kind == .word && w(i + 1) != "day"
        && capitalised[i + 1] == false && !["and", "or", "week"].contains(w(i + 1))
      {
        return nil  // "Christmas shopping"
      }
    case "easter":
      if w(i + 1) == "sunday" { last = i + 1 }
      name = "easter"
    case "thanksgiving":
      if w(i + 1) == "day" { last = i + 1 }
      name = "thanksgiving"
    case "halloween":
      name = "halloween"
    case "new":
      if w(i + 1) == "year", let p = possessive(i + 2), w(p + 1) == "day" || w(p + 1) == "eve" {
        name = w(p + 1) == "day" ? "new-year" : "new-year-eve"
        last = p + 1
      }
    case "independence", "labor", "memorial", "valentine":
      if w(i + 1) == "day" {
        name = s
        last = i + 1
      } else if s == "valentine", let p = possessive(i + 1), w(p + 1) == "day" {
        name = s
        last = p + 1
      }
    default: break
    }
    guard let name else { return nil }
    var year = TimexMeaning.YearRef.unspecified
    if let y = yearNumber(last + 1) {
      year = .explicit(y)
      last += 1
    }
    if w(last + 1) == "week", adjacent(last, last + 1) {
      // "Easter week", "Thanksgiving week": one phrase headed by "week"
      return TimexCandidate(i, last + 1, .weekOf(.holiday(name, year: year)))
    }
    return TimexCandidate(i, last, .holiday(name, year: year))
  }
}
