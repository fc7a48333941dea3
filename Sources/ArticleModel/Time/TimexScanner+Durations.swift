/// Patterns for durations: "4 years", "10-day", "several months", and the hyphenated date
/// words ("mid-1990s", "year-earlier", "third-quarter").
extension TimexScanner {
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
      || w(k) == "consecutive" || w(k) == "long" || w(k) == "trading" || w(k) == "working"
      || w(k) == "business"
    {
      k += 1
    }
    guard let u = unit(k) else { return nil }
    // Singular only after one: "a year", not "a years"; plural after more: "two years"
    let plural = isPlural(k)
    if q.count == "1" && plural { return nil }
    if (q.count == "1" || q.count == "0.5") && u == .second && i + 1 < count
      && doc.tokens[k + 1 < count ? k + 1 : k].kind == .word
      && !["ago", "later", "earlier"].contains(w(k + 1))
    {
      return nil  // "a second term"
    }
    if w(k + 1) == "old" || (w(k + 1) == "of" && w(k + 2) == "age") { return nil }
    if u == .quarter && w(k + 1) == "of" && yearNumber(k + 2) == nil
      && (q.count == "1" || q.count == "3")
    {
      return nil  // "a quarter of", "three quarters of"
    }
    if w(i) == "a" || w(i) == "an" || w(i) == "per",
      !["ago", "earlier", "later", "before", "after", "or"].contains(w(k + 1))
    {
      // "$100 million a year", "five times a week": a frequency
      let prev = w(i - 1)
      if isNumber(i - 1)
        || [
          "million", "billion", "trillion", "thousand", "times", "%", "percent",
          "cents", "dollars", "once", "twice", "hundred",
        ].contains(prev)
      {
        return TimexCandidate(i, k, .set(u.duration("1")))
      }
    }
    // "he will one day be president", "hopes to one day return": some day ahead, no duration
    if w(i) == "one", u == .day, !plural,
      TimeLexicon.futureBeforeOneDay.contains(w(i - 1)),
      !["ago", "later", "earlier", "before", "after", "of", "in", "to", "a", "per"].contains(w(k + 1))
    {
      return TimexCandidate(i, k, .reference("FUTURE_REF"))
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
    guard let u = unit(i), isPlural(i), u >= .hour else { return nil }
    // "months ago": some time back, no count
    if w(i + 1) == "ago" { return TimexCandidate(i, i + 1, .reference("PAST_REF")) }
    guard
      ["for", "within", "in", "over", "after", "took", "take", "takes", "spent"].contains(w(i - 1))
    else { return nil }
    if w(i + 1) == "of" || w(i + 1) == "-" { return nil }  // "years of war" is left alone
    return TimexCandidate(i, i, .duration(u.duration("X")), unit: u, count: "X")
  }

  /// Hyphenated date words: "mid-1990s", "mid-1996", "mid-November", "year-end", "year-earlier",
  /// "year-ago", "third-quarter", "pre-1990", "post-1959", "mid-afternoon".
  func hyphenated(_ i: Int) -> TimexCandidate? {
    let s = w(i)
    guard let dash = s.firstIndex(of: "-") else { return nil }
    let head = String(s[..<dash])
    let tail = String(s[s.index(after: dash)...])
    // "a year-long study", "the decades-long battle": as long as the unit says
    if tail == "long", let u = TimeLexicon.units[head], u != .weekend, u != .quarter {
      let count = head.hasSuffix("s") ? "X" : "1"
      return TimexCandidate(i, i, .duration(u.duration(count)), unit: u, count: count)
    }
    switch head {
    case "mid", "pre", "post", "early", "late":
      let mod = ["mid": "MID", "pre": "BEFORE", "post": "AFTER", "early": "START", "late": "END"][
        head]
      let tu = Array(tail.utf8)
      if tu.count == 4, let y = Int(tail), y >= 1000, y <= 2199 {
        return TimexCandidate(i, i, .calendar(year: .explicit(y), month: nil, day: nil), mod: mod)
      }
      if tu.count == 5, tu[4] == 115, let y = Int(String(decoding: tu[0..<4], as: UTF8.self)) {
        return TimexCandidate(i, i, .decade(y / 10, twoDigit: false), mod: mod)
      }
      if let m = TimeLexicon.months[tail],
        !TimeLexicon.ambiguousMonthWords.contains(tail) || tail == "may"
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
        if Self.quarterOrdinals[w(i + 1)] != nil,
          let q = quarterPhrase(i + 1, yearRef: .relative(-1))
        {
          return TimexCandidate(i, q.last, q.meaning)
        }
        // "the year-ago quarter": the quarter under discussion (else the one just ended), a
        // year back, whatever granularity the last date mentioned had
        if w(i + 1) == "quarter" { return TimexCandidate(i, i + 1, .anaphoric(.quarter, offset: -4)) }
        var last = i
        if w(i + 1) == "period" { last = i + 1 }
        return TimexCandidate(i, last, .shifted(.year, count: 1, sign: -1, fromReference: false))
      }
      return nil
    default:
      if let q = quarterPhrase(i, yearRef: .unspecified) { return q }
      return nil
    }
  }
}
