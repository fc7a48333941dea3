/// The finite patterns of the scanner, one function per family of expressions.
extension TimexScanner {
  typealias Unit = TimeLexicon.Unit

  static let shiftWords: [String: Int] = [
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
    "following": 1,
  ]

  static let timeZones: Set<String> = [
    "est", "edt", "gmt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "utc", "bst", "cet", "cest",
  ]

  /// Plural-looking words after a four-digit number that still let it be a year.
  static let yearFollowers: Set<String> = [
    "was", "has", "is", "does", "saw", "as", "its", "his", "this", "us", "plus", "versus", "vs",
    "thus", "across", "towards", "afterwards", "elections", "olympics", "games", "finals",
    "levels", "figures", "results", "earnings", "sales", "profits", "rates", "prices", "losses",
    "series", "rules", "talks", "riots", "attacks", "bombings", "protests", "floods", "accords",
  ]

  /// Words before a four-digit number that make it not a year.
  static let yearBlockers: Set<String> = [
    "$", "#", "no.", "number", "room", "flight", "route", "highway", "£", "€", "¥", "us$",
    "page", "pages", "apartment", "suite", "box", "bus", "interstate", "rs", "rs.", "code",
  ]

  // MARK: - Dispatch

  /// A possessive "'s" at token i (one token, or an apostrophe and "s"): its last token.
  func possessive(_ i: Int) -> Int? {
    if w(i) == "'s" { return i }
    if w(i) == "'", w(i + 1) == "s", i + 1 < count, doc.tokens[i + 1].start == doc.tokens[i].end,
      doc.tokens[i].start == doc.tokens[i - 1].end
    {
      return i + 1
    }
    return nil
  }

  /// The longest core expression starting at token i.
  func core(at i: Int) -> TimexCandidate? {
    var best: TimexCandidate?
    func consider(_ c: TimexCandidate?) {
      guard let c else { return }
      if best == nil || c.last > best!.last { best = c }
    }
    let s = w(i)
    if isNumber(i) {
      consider(numericDate(i))
      consider(yearPhrase(i))
      consider(timeOfDay(i))
      consider(dayMonth(i))
      consider(counted(i))
      if w(i + 1) == "century" { consider(centuryPhrase(i)) }
      return best
    }
    if s == "'" {
      consider(apostropheYear(i))
      return best
    }
    if let m = month(i) { consider(monthPhrase(i, m)) }
    if let d = TimeLexicon.weekdays[s], capitalised[i] || lowercaseText {
      consider(weekdayPhrase(i, weekday: d, shift: nil, first: i))
    }
    if let set = TimeLexicon.setAdverbs[s] {
      // "daily" and "quarterly" before a noun are adjectives ("quarterly dividend"), not sets.
      let adjective = s != "annually" && i + 1 < count && doc.tokens[i + 1].kind == .word
        && !["and", "or", "since", "for", "in", "on", "at", "to", "from", "by", "until"].contains(w(i + 1))
      if !adjective { consider(TimexCandidate(i, i, .set(set))) }
    }
    if let shift = Self.shiftWords[s] { consider(shifted(i, shift: shift, first: i)) }
    switch s {
    case "the", "that", "its", "this", "these":
      consider(theFirst(i))
    case "today", "yesterday", "tomorrow", "tonight":
      consider(deictic(i))
    case "now", "currently", "nowadays", "presently", "recently", "lately", "previously",
      "formerly", "soon":
      consider(reference(i))
    case "recent":
      // TimeBank: "recent years" is a past reference, "recent months" a vague duration.
      if let u = unit(i + 1), isPlural(i + 1), u >= .day {
        if u >= .year {
          consider(TimexCandidate(i, i + 1, .reference("PAST_REF")))
        } else {
          consider(TimexCandidate(i, i + 1, .duration(u.duration("X")), unit: u, count: "X"))
        }
      }
    case "current":
      // "current" alone is a present reference, unless it names something else.
      if Self.shiftWords[w(i)] != nil, unit(i + 1) == nil, w(i + 1) != "fiscal",
        !["account", "accounts", "affairs", "events", "density", "flow", "flows", "sea", "river", "ocean",
          "-", "'s"].contains(w(i + 1))
      {
        consider(TimexCandidate(i, i, .reference("PRESENT_REF")))
      }
    case "future":
      if let u = unit(i + 1), isPlural(i + 1) { consider(TimexCandidate(i, i + 1, .reference("FUTURE_REF"))) }
    case "year":
      // "year end", "year's end"
      if w(i + 1) == "end" { consider(TimexCandidate(i, i + 1, .relative(.year, offset: 0), mod: "END")) }
      if let p = possessive(i + 1), w(p + 1) == "end" {
        consider(TimexCandidate(i, p + 1, .relative(.year, offset: 0), mod: "END"))
      }
    case "a":
      if w(i + 1) == "while" { consider(TimexCandidate(i, i + 1, .duration("PXX"))) }
    case "every", "each":
      consider(every(i))
    case "once", "twice", "thrice":
      consider(frequency(i))
    case "noon", "midnight", "midday":
      consider(timeOfDay(i))
    case "fiscal", "fy":
      consider(fiscal(i))
    case "mid":
      if let code = partOfDay(i + 1) { consider(TimexCandidate(i, i + 1, .time(code, day: nil), mod: "MID")) }
    case "nineteen", "twenty":
      consider(yearInWords(i))
    case "future", "present":
      break
    default:
      break
    }
    if best == nil { consider(hyphenated(i)) }
    if best == nil, Self.quarterOrdinals[s] != nil { consider(quarterPhrase(i, yearRef: .unspecified)) }
    if best == nil, TimeLexicon.ordinal(s) != nil, w(i + 1) == "century" { consider(centuryPhrase(i)) }
    if best == nil, let code = TimeLexicon.seasons[s] { consider(seasonPhrase(i, code: code)) }
    if best == nil, let holiday = holiday(i) { consider(holiday) }
    consider(counted(i))
    if best == nil { consider(barePlural(i)) }
    return best
  }

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
      if y % 100 == 0, w(i - 1) == "the" || w(i - 1) == "early" || w(i - 1) == "late" {
        return TimexCandidate(i, i, .century(y / 100))
      }
      return TimexCandidate(i, i, .decade(y / 10, twoDigit: false))
    }
    guard let y = yearNumber(i) else { return nil }
    let prev = w(i - 1)
    if Self.yearBlockers.contains(prev) { return nil }
    if isNumber(i - 1) && adjacent(i - 1, i) && prev != "," { return nil }
    let next = w(i + 1)
    if next == "%" || next == "percent" || next == "per" || next == "-" && isNumber(i + 2) { return nil }
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
      !["in", "since", "by", "until", "fy", "fiscal", "christmas", "easter", "of", "the"].contains(prev)
    {
      return nil  // "Orion 1980", "Windows 2000": part of a name
    }
    if y < 1800 {
      let preps: Set<String> = [
        "in", "since", "of", "by", "until", "from", "to", "before", "after", "during", "year", "circa",
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
    if u.count == 3, u[2] == 115, let d = Int(String(decoding: u[0..<2], as: UTF8.self)), d % 10 == 0 {
      return TimexCandidate(i, i + 1, .decade(d / 10, twoDigit: true))
    }
    if u.count == 2, let y = int(i + 1) {
      return TimexCandidate(i, i + 1, .calendar(year: .twoDigit(y), month: nil, day: nil))
    }
    return nil
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
      } else if let m = month(j), let p = monthPhrase(j, m), case .calendar(_, _, let d) = p.meaning,
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
    if let d = day(j), adjacent(i, j), !((w(j + 1) == ":" && isNumber(j + 2)) || unit(j + 1) != nil) {
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
    } else if j == last + 1, let shift = ["this": 0, "last": -1, "next": 1][w(j)], w(j + 1) == "year" {
      year = .relative(shift)
      last = j + 1
    }
    return TimexCandidate(i, last, .calendar(year: year, month: m, day: dayValue))
  }

  /// "Friday", "Friday, March 22", "Friday night", "Tuesday the 18th".
  func weekdayPhrase(_ i: Int, weekday: Int, shift: Int?, first: Int) -> TimexCandidate? {
    var j = i + 1
    if w(j) == "," { j += 1 }
    if adjacent(i, j), let m = month(j), let p = monthPhrase(j, m),
      case .calendar(let y, let mm, let d) = p.meaning, d != nil
    {
      return TimexCandidate(first, p.last, .calendar(year: y, month: mm, day: d))
    }
    if adjacent(i, j), let d = day(j), w(j + 1) != ":", unit(j + 1) == nil, !isNumber(j + 1),
      w(j) != "," || j > i + 1
    {
      if j == i + 1 || w(i + 1) == "," {
        // "Tuesday, 18" is rare; take "Friday 22" only when a month cannot follow
        if let m = month(j + 1) {
          let p = monthPhrase(j + 1, m)!
          if case .calendar(let y, _, _) = p.meaning {
            return TimexCandidate(first, p.last, .calendar(year: y, month: m, day: d))
          }
        }
      }
    }
    if w(i + 1) == "the", let d = day(i + 2), TimeLexicon.ordinal(w(i + 2)) != nil {
      _ = d
      return TimexCandidate(first, i + 2, .weekday(weekday, shift: shift))
    }
    let base = TimexMeaning.weekday(weekday, shift: shift)
    if let code = partOfDay(i + 1), adjacent(i, i + 1) {
      return TimexCandidate(first, i + 1, .time(code, day: base))
    }
    return TimexCandidate(first, i, base)
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

  /// "now", "recently", "soon"...
  func reference(_ i: Int) -> TimexCandidate? {
    guard let r = TimeLexicon.references[w(i)], !r.isEmpty else { return nil }
    if w(i) == "soon" && (w(i - 1) == "as" || w(i + 1) == "after") { return nil }
    if w(i) == "now" && (w(i - 1) == "right" || w(i - 1) == "just") && adjacent(i - 1, i) {
      return TimexCandidate(i - 1, i, .reference(r))
    }
    // "now" as a conjunction ("now that") is still a present reference in TimeML.
    return TimexCandidate(i, i, .reference(r))
  }

  /// "this year", "last week", "next June", "last Friday", "this morning", "last night",
  /// "past three years", "next few days".
  func shifted(_ i: Int, shift: Int, first: Int) -> TimexCandidate? {
    let s = w(i)
    let j = i + 1
    let next = w(j)
    if s == "this" && next == "past" {
      if let code = TimeLexicon.seasons[w(j + 1)] {
        return TimexCandidate(first, j + 1, .season(code, year: .relative(0)))  // the latest one
      }
      return shifted(j, shift: -1, first: first)
    }
    if let u = unit(j), !isPlural(j) {
      if capitalised[j] && !lowercaseText { return nil }  // "This Week", a programme's name
      if s == "past" || (s == "last" && first < i) || (s == "next" && first < i)
        || (s == "coming" && first < i)
      {
        // "the past year", "the next year": a duration
        return TimexCandidate(first, j, .duration(u.duration("1")), unit: u, count: "1")
      }
      if s == "following" || s == "previous" {
        return TimexCandidate(first, j, .anaphoric(u, offset: shift))
      }
      if u == .year, let p = possessive(j + 1) {
        // "this year's third quarter", "last year's quarter"
        if let q = quarterPhrase(p + 1, yearRef: .relative(shift)) {
          return TimexCandidate(first, q.last, q.meaning)
        }
        if w(p + 1) == "quarter" || w(p + 1) == "period" {
          return TimexCandidate(first, p + 1, .quarter(0, year: .relative(shift)))
        }
      }
      return TimexCandidate(first, j, .relative(u, offset: shift))
    }
    if next == "fiscal", w(j + 1) == "year" {
      return TimexCandidate(first, j + 1, .relative(.year, offset: shift))
    }
    if let wd = TimeLexicon.weekdays[next], s != "past" {
      return weekdayPhrase(j, weekday: wd, shift: shift, first: first)
    }
    if let m = TimeLexicon.months[next], capitalised[j] || lowercaseText, s != "past" {
      return TimexCandidate(first, j, .monthShift(m, shift: shift))
    }
    if let code = TimeLexicon.seasons[next] {
      return TimexCandidate(first, j, .season(code, year: .relative(shift)))
    }
    if let code = partOfDay(j) {
      let dayOffset = s == "last" && next == "night" ? -1 : (s == "this" ? 0 : nil)
      if let dayOffset {
        return TimexCandidate(first, j, .time(code, day: .dayOffset(dayOffset)))
      }
    }
    // "past three years", "next few days", "last 12 months"
    if s != "this", s != "current", let q = quantity(j), let u = unit(q.last + 1) {
      if q.count == "1" && isPlural(q.last + 1) { return nil }
      return TimexCandidate(first, q.last + 1, .duration(u.duration(q.count)), unit: u, count: q.count)
    }
    if s == "coming", let u = unit(j), isPlural(j) {
      return TimexCandidate(first, j, .reference("FUTURE_REF"))  // "in coming months"
    }
    if s == "past" || s == "last" || s == "next", let u = unit(j), isPlural(j) {
      // "the past years"
      if first < i {
        return TimexCandidate(first, j, .duration(u.duration("X")), unit: u, count: "X")
      }
    }
    return nil
  }

  /// Phrases that start with a determiner: "the third quarter", "the 1990s", "the quarter",
  /// "the year", "that day", "the weekend", "the past", "the future", "the next few days".
  func theFirst(_ i: Int) -> TimexCandidate? {
    let d = w(i)
    var j = i + 1
    let s = w(j)
    if d == "these", s == "days" { return TimexCandidate(i, j, .reference("PRESENT_REF")) }
    if d == "this" { return nil }  // handled by `shifted`
    if d == "the" {
      if s == "past", !(quantity(j + 1) != nil || unit(j + 1) != nil || w(j + 1) == "few") {
        return TimexCandidate(i, j, .reference("PAST_REF"))
      }
      if s == "future" { return TimexCandidate(i, j, .reference("FUTURE_REF")) }
      if s == "near" || s == "distant" || s == "foreseeable", w(j + 1) == "future" {
        return TimexCandidate(i, j + 1, .reference("FUTURE_REF"))
      }
      if s == "present", !(doc.tokens.indices.contains(j + 1) && doc.tokens[j + 1].kind == .word) {
        return TimexCandidate(i, j, .reference("PRESENT_REF"))
      }
      if let shift = Self.shiftWords[s] {
        if s == "same" { return nil }
        return shifted(j, shift: shift, first: i)
      }
      if s == "same", let u = unit(j + 1), !isPlural(j + 1) {
        return TimexCandidate(i, j + 1, .anaphoric(u, offset: 0))
      }
      if let deca = TimeLexicon.decadeWords[s] {
        return TimexCandidate(i, j, .decade(190 + deca, twoDigit: false))
      }
      if s == "year", let y = yearNumber(j + 1) {
        return TimexCandidate(i, j + 1, .calendar(year: .explicit(y), month: nil, day: nil))
      }
      if s == "year", w(j + 1) == "two", w(j + 2) == "thousand" {
        return TimexCandidate(i, j + 2, .calendar(year: .explicit(2000), month: nil, day: nil))
      }
      if s == "weekend" { return TimexCandidate(i, j, .relative(.weekend, offset: 0)) }
      if let u = unit(j), isPlural(j), w(j + 1) == "ahead" {
        return TimexCandidate(i, j + 1, .duration(u.duration("X")), unit: u, count: "X")  // "the weeks ahead"
      }
      if ["morning", "afternoon", "evening"].contains(s), ["in", "during", "early", "late"].contains(w(i - 1)),
        !(doc.tokens.indices.contains(j + 1) && doc.tokens[j + 1].kind == .word && w(j + 1) != "and")
      {
        return TimexCandidate(i, j, .time(partOfDay(j)!, day: nil))  // "in the morning"
      }
      if s == "near" || s == "short", w(j + 1) == "term" {
        return TimexCandidate(i, j + 1, .reference("FUTURE_REF"))  // "in the near term"
      }
      // "the fiscal year", "the full year", "the year ended Sept. 30" (a reporting period)
      if s == "fiscal" || s == "full" || s == "year" || s == "quarter" {
        let k = s == "year" || s == "quarter" ? j : j + 1
        if w(k) == "year" || w(k) == "quarter" {
          let unitWord = w(k)
          if w(k + 1) == "ended" || w(k + 1) == "ending" {
            if unitWord == "year" { return TimexCandidate(i, k, .duration("P1Y"), unit: .year, count: "1") }
            return TimexCandidate(i, k, .anaphoric(.quarter, offset: 0))
          }
          if s != unitWord && unitWord == "year" {
            return TimexCandidate(i, k, .relative(.year, offset: 0))
          }
        }
      }
      // "the 1988 quarter", "the 1989 period"
      if let y = yearNumber(j), w(j + 1) == "quarter" || w(j + 1) == "period" {
        return TimexCandidate(i, j + 1, .quarter(0, year: .explicit(y)))
      }
      if let y = yearNumber(j), Self.quarterOrdinals[w(j + 1)] != nil,
        let q = quarterPhrase(j + 1, yearRef: .explicit(y))
      {
        return TimexCandidate(i, q.last, q.meaning)
      }
      // "the first nine months", "the latest nine months", "the nine months"
      var k = j
      if ["first", "final", "latest", "initial", "remaining", "last", "recent", "first"].contains(s) {
        k += 1
      }
      if let q = quantity(k), q.count != "1" || w(k) != "a", let u = unit(q.last + 1),
        isPlural(q.last + 1) || q.count == "1"
      {
        if w(k) == "a" || w(k) == "an" { return nil }
        return TimexCandidate(i, q.last + 1, .duration(u.duration(q.count)), unit: u, count: q.count)
      }
      if s == "latest" || s == "recent", w(j + 1) == "quarter" || w(j + 1) == "period" {
        return TimexCandidate(i, j + 1, .relative(.quarter, offset: -1))
      }
      if s == "period" && w(j + 1) != "of" { return nil }
    }
    // "that year", "the quarter", "its fourth quarter", "the week"
    if d == "its" || d == "the" {
      if Self.quarterOrdinals[s] != nil || s == "fiscal" {
        // "its fourth quarter": the possessive stays out
        if let q = quarterPhrase(j, yearRef: .unspecified) {
          return TimexCandidate(d == "its" ? j : i, q.last, q.meaning)
        }
      }
    }
    if let u = unit(j), !isPlural(j), [.year, .quarter, .week, .month].contains(u) || (d == "that" && u == .day) {
      if d == "its" { return nil }
      if w(j + 1) == "-" || (doc.tokens.indices.contains(j + 1) && doc.tokens[j + 1].kind == .word
        && (Self.unitCompounds.contains(w(j + 1)) || (u != .quarter && d == "the"
          && !["ago", "before", "earlier", "later", "after", "and", "or", "to", "as", "when", "that",
            "in", "on", "for", "ended", "ending", "through", "before", "is", "was", "will",
            "has", "had", "it", "they", "he", "she", "we", "the", "but"].contains(w(j + 1)))))
      {
        return nil  // "the year's", "the month-long", "the quarter point"
      }
      if d == "the" && u == .year && possessive(j + 1) != nil { return nil }
      if d == "the" && w(j + 1) == "of" { return nil }
      j += 0
      return TimexCandidate(i, j, .anaphoric(u, offset: 0))
    }
    _ = j
    return nil
  }

  /// Nouns that make "the quarter"/"the year" part of a compound, not a time.
  static let unitCompounds: Set<String> = [
    "point", "points", "mark", "high", "low", "total", "average", "number", "round", "old",
    "long", "final", "finals", "end", "award", "awards", "prize", "title", "rate", "share",
  ]

  /// "every day", "each year", "every two weeks", "every Monday", "every October".
  func every(_ i: Int) -> TimexCandidate? {
    let j = i + 1
    if let u = unit(j), !isPlural(j) { return TimexCandidate(i, j, .set(u.duration("1"))) }
    if let q = quantity(j), let u = unit(q.last + 1) {
      return TimexCandidate(i, q.last + 1, .set(u.duration(q.count)))
    }
    if let d = TimeLexicon.weekdays[w(j)] {
      if let code = partOfDay(j + 1) { return TimexCandidate(i, j + 1, .set("XXXX-WXX-\(d)\(code)")) }
      return TimexCandidate(i, j, .set("XXXX-WXX-\(d)"))
    }
    if let m = TimeLexicon.months[w(j)], capitalised[j] || lowercaseText {
      return TimexCandidate(i, j, .set("XXXX-\(TimexFormat.pad2(m))"))
    }
    if let code = partOfDay(j) { return TimexCandidate(i, j, .set("XXXX-XX-XX\(code)")) }
    if let code = TimeLexicon.seasons[w(j)], w(j) != "fall" {
      return TimexCandidate(i, j, .set("XXXX-\(code)"))
    }
    return nil
  }

  /// "twice a week", "once a year", "once every two weeks".
  func frequency(_ i: Int) -> TimexCandidate? {
    var j = i + 1
    guard ["a", "an", "per", "every", "each"].contains(w(j)) else { return nil }
    j += 1
    if let u = unit(j), !isPlural(j) { return TimexCandidate(i, j, .set(u.duration("1"))) }
    if w(j - 1) == "every", let q = quantity(j), let u = unit(q.last + 1) {
      return TimexCandidate(i, q.last + 1, .set(u.duration(q.count)))
    }
    return nil
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
    if w(i) == "fiscal", Self.quarterOrdinals[w(j)] != nil, let q = quarterPhrase(j, yearRef: .unspecified) {
      return TimexCandidate(i, q.last, q.meaning)
    }
    return nil
  }

  /// "nineteen ninety-six", "nineteen seventy-nine".
  func yearInWords(_ i: Int) -> TimexCandidate? {
    guard let century = TimeLexicon.cardinals[w(i)], century == 19 || century == 20,
      let rest = TimeLexicon.cardinal(w(i + 1)), rest >= 10, rest < 100
    else { return nil }
    return TimexCandidate(i, i + 1, .calendar(year: .explicit(century * 100 + rest), month: nil, day: nil))
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
    var n: Int
    var isHalf = false
    var last: Int
    if let q = Self.quarterOrdinals[w(j)] {
      n = q
      var k = j + 1
      if w(k) == "fiscal" || w(k) == "-" { k += 1 }
      if w(k) == "quarter" {
        last = k
      } else if w(k) == "half" && q <= 2 || (w(k) == "half" && (w(j) == "last" || w(j) == "final")) {
        isHalf = true
        n = q == 1 ? 1 : 2
        last = k
      } else {
        return nil
      }
      if w(j) == "last" || w(j) == "final", yearRef == .unspecified, w(last + 1) != "of" { return nil }
    } else {
      // "third-quarter", "first-half", "second-quarter"
      let s = w(j)
      guard let dash = s.firstIndex(of: "-") else { return nil }
      let head = String(s[..<dash])
      let tail = String(s[s.index(after: dash)...])
      guard let q = Self.quarterOrdinals[head], tail == "quarter" || tail == "half" else { return nil }
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
    guard let n = TimeLexicon.ordinal(w(i)), n >= 1, n <= 21, w(i + 1) == "century" else { return nil }
    return TimexCandidate(i, i + 1, .century(n - 1))
  }

  /// "summer", "the summer of 2014", "spring 2013" (needs a year or a determiner to be a season).
  func seasonPhrase(_ i: Int, code: String) -> TimexCandidate? {
    let prev = w(i - 1)
    var last = i
    var year = TimexMeaning.YearRef.unspecified
    if (w(i + 1) == "of" || w(i + 1) == ","), let y = yearNumber(i + 2) {
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
      let allowed: Set<String> = w(i) == "fall"
        ? ["the", "early", "late", "in", "this", "last", "next", "mid"]
        : ["the", "early", "late", "in", "this", "last", "next", "mid", "during", "since", "until",
          "by", "over", "through", "and"]
      guard allowed.contains(prev) else { return nil }
      if w(i) == "fall", prev == "the", w(i + 1) == "of" { return nil }
      if i + 1 < count, doc.tokens[i + 1].kind == .word, !["and", "or", "when", "as"].contains(w(i + 1)),
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
    let s = w(i)
    var name: String?
    var last = i
    switch s {
    case "christmas":
      if w(i + 1) == "eve" { name = "christmas-eve"; last = i + 1 } else if w(i + 1) == "day" {
        name = "christmas"; last = i + 1
      } else { name = "christmas" }
      if w(i + 1) != "eve" && i + 1 < count && doc.tokens[i + 1].kind == .word && w(i + 1) != "day"
        && capitalised[i + 1] == false && !["and", "or"].contains(w(i + 1))
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
    return TimexCandidate(i, last, .holiday(name, year: year))
  }

  // MARK: - Durations

  /// "4 years", "two weeks", "a year", "several months", "24 hours", "10-day", "2 1/2 years".
  func counted(_ i: Int) -> TimexCandidate? {
    if let (n, u) = hyphenatedDuration(i) {
      if w(i + 1) == "old" { return nil }
      return TimexCandidate(i, i, .duration(u.duration(n)), unit: u, count: n)
    }
    guard let q = quantity(i) else { return nil }
    var k = q.last + 1
    if w(k) == "more" || w(k) == "additional" || w(k) == "full" || w(k) == "straight"
      || w(k) == "consecutive" || w(k) == "long"
    {
      k += 1
    }
    guard let u = unit(k) else { return nil }
    // Singular only after one: "a year", not "a years"; plural after more: "two years"
    let plural = isPlural(k)
    if q.count == "1" && plural { return nil }
    if (q.count == "1" || q.count == "0.5") && u == .second && i + 1 < count
      && doc.tokens[k + 1 < count ? k + 1 : k].kind == .word && !["ago", "later", "earlier"].contains(w(k + 1))
    {
      return nil  // "a second term"
    }
    if w(k + 1) == "old" || (w(k + 1) == "of" && w(k + 2) == "age") { return nil }
    if u == .quarter && w(k + 1) == "of" && yearNumber(k + 2) == nil && (q.count == "1" || q.count == "3")
    {
      return nil  // "a quarter of", "three quarters of"
    }
    if w(i) == "a" || w(i) == "an" || w(i) == "per",
      !["ago", "earlier", "later", "before", "after", "or"].contains(w(k + 1))
    {
      // "$100 million a year", "five times a week": a frequency
      let prev = w(i - 1)
      if isNumber(i - 1) || ["million", "billion", "trillion", "thousand", "times", "%", "percent",
        "cents", "dollars", "once", "twice", "hundred"].contains(prev)
      {
        return TimexCandidate(i, k, .set(u.duration("1")))
      }
    }
    var last = k
    var count = q.count
    // "a year and a half", "two and a half years" (the latter is rare; skip)
    if w(k + 1) == "and", w(k + 2) == "a", w(k + 3) == "half", let n = Int(count) {
      count = "\(n).5"
      last = k + 3
    }
    return TimexCandidate(i, last, .duration(u.duration(count)), unit: u, count: count)
  }

  /// "years", "decades" after "for", "in", "within", "over": a vague duration.
  func barePlural(_ i: Int) -> TimexCandidate? {
    guard let u = unit(i), isPlural(i), u >= .hour,
      ["for", "within", "in", "over", "after", "took", "take", "takes", "spent"].contains(w(i - 1))
    else { return nil }
    if w(i + 1) == "of" || w(i + 1) == "-" { return u >= .decade ? nil : nil }
    return TimexCandidate(i, i, .duration(u.duration("X")), unit: u, count: "X")
  }

  /// Hyphenated date words: "mid-1990s", "mid-1996", "mid-November", "year-end", "year-earlier",
  /// "year-ago", "third-quarter", "pre-1990", "post-1959", "mid-afternoon".
  func hyphenated(_ i: Int) -> TimexCandidate? {
    let s = w(i)
    guard let dash = s.firstIndex(of: "-") else { return nil }
    let head = String(s[..<dash])
    let tail = String(s[s.index(after: dash)...])
    switch head {
    case "mid", "pre", "post", "early", "late":
      let mod = ["mid": "MID", "pre": "BEFORE", "post": "AFTER", "early": "START", "late": "END"][head]
      let tu = Array(tail.utf8)
      if tu.count == 4, let y = Int(tail), y >= 1000, y <= 2199 {
        return TimexCandidate(i, i, .calendar(year: .explicit(y), month: nil, day: nil), mod: mod)
      }
      if tu.count == 5, tu[4] == 115, let y = Int(String(decoding: tu[0..<4], as: UTF8.self)) {
        return TimexCandidate(i, i, .decade(y / 10, twoDigit: false), mod: mod)
      }
      if let m = TimeLexicon.months[tail], !TimeLexicon.ambiguousMonthWords.contains(tail) || tail == "may"
        || tail == "march"
      {
        var last = i
        var year = TimexMeaning.YearRef.unspecified
        if let y = yearNumber(i + 1) {
          year = .explicit(y)
          last = i + 1
        }
        return TimexCandidate(i, last, .calendar(year: year, month: m, day: nil), mod: mod)
      }
      if head == "mid", tail == "afternoon" || tail == "morning" {
        let code = tail == "morning" ? "TMO" : "TAF"
        if let d = deictic(i + 1), case .dayOffset = d.meaning {
          return TimexCandidate(i, d.last, .time(code, day: d.meaning), mod: "MID")
        }
        return TimexCandidate(i, i, .time(code, day: nil), mod: "MID")
      }
      if head == "mid", tail == "year" || tail == "decade" || tail == "century" || tail == "week" {
        let u = TimeLexicon.units[tail]!
        return TimexCandidate(i, i, .relative(u, offset: 0), mod: "MID")
      }
      return nil
    case "year":
      if tail == "end" { return TimexCandidate(i, i, .relative(.year, offset: 0), mod: "END") }
      if tail == "earlier" || tail == "ago" {
        if Self.quarterOrdinals[w(i + 1)] != nil, let q = quarterPhrase(i + 1, yearRef: .relative(-1)) {
          return TimexCandidate(i, q.last, q.meaning)
        }
        var last = i
        if w(i + 1) == "quarter" || w(i + 1) == "period" { last = i + 1 }
        return TimexCandidate(i, last, .shifted(.year, count: 1, sign: -1, fromReference: false))
      }
      return nil
    default:
      if let q = quarterPhrase(i, yearRef: .unspecified) { return q }
      return nil
    }
  }
}
