/// Patterns for relative and vague expressions: "last week", "the quarter", "every day",
/// "twice a year", "now".
extension TimexScanner {
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
    if s == "this" && next == "coming" {
      return shifted(j, shift: 1, first: first)  // "this coming Sunday"
    }
    if (s == "last" || s == "next") && first == i, j < count, let h = holiday(j),
      case .holiday = h.meaning
    {
      return TimexCandidate(first, h.last, h.meaning)  // "last Thanksgiving"; its tense: below
    }
    if s == "this" && next == "past" {
      if let code = TimeLexicon.seasons[w(j + 1)] {
        return TimexCandidate(first, j + 1, .season(code, year: .relative(0)))  // the latest one
      }
      return shifted(j, shift: -1, first: first)
    }
    if let u = unit(j), !isPlural(j) {
      if capitalised[j] && !lowercaseText { return nil }  // "This Week", a programme's name
      // "the next day, he left": the day after the last one named (not "over the next day")
      if s == "next", first < i, u == .day,
        !["over", "for", "within", "during", "in", "throughout"].contains(w(first - 1))
      {
        return TimexCandidate(first, j, .anaphoric(.day, offset: 1))
      }
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
      var c = weekdayPhrase(j, weekday: wd, shift: shift, first: first)
      if s == "previous" || s == "following", case .weekday(wd, shift) = c?.meaning {
        c?.meaning = .weekdayFromReference(wd, shift: shift)
      }
      return c
    }
    if let m = TimeLexicon.months[next], capitalised[j] || lowercaseText, s != "past" {
      if let d = day(j + 1), adjacent(j, j + 1) {
        return TimexCandidate(first, j + 1, .monthShift(m, shift: shift, day: d))  // "last Oct. 23"
      }
      return TimexCandidate(first, j, .monthShift(m, shift: shift, day: nil))
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
      return TimexCandidate(
        first, q.last + 1, .duration(u.duration(q.count)), unit: u, count: q.count)
    }
    if s == "coming", unit(j) != nil, isPlural(j) {
      return TimexCandidate(first, j, .reference("FUTURE_REF"))  // "in coming months"
    }
    if s == "past" || s == "last" || s == "next", let u = unit(j), isPlural(j) {
      // "the past years"
      if first < i {
        return TimexCandidate(first, j, .duration(u.duration("X")), unit: u, count: "X")
      }
      // "in past years", like "in recent years"
      if s == "past", u >= .year { return TimexCandidate(first, j, .reference("PAST_REF")) }
    }
    return nil
  }

  /// Phrases that start with a determiner: "the third quarter", "the 1990s", "the quarter",
  /// "the year", "that day", "the weekend", "the past", "the future", "the next few days".
  func theFirst(_ i: Int) -> TimexCandidate? {
    let d = w(i)
    let j = i + 1
    let s = w(j)
    if d == "these", s == "days" { return TimexCandidate(i, j, .reference("PRESENT_REF")) }
    if d == "this" { return nil }  // handled by `shifted`
    if d == "the", let c = periodAYearBack(i) { return c }
    // "the same day", "that same year"
    if s == "same", d == "the" || d == "that", let u = unit(j + 1), !isPlural(j + 1) {
      return TimexCandidate(i, j + 1, .anaphoric(u, offset: 0))
    }
    if d == "the", w(j + 1) == "two", w(j + 2) == "quarters",
      let q = quarterPhrase(j, yearRef: .unspecified)
    {
      return TimexCandidate(i, q.last, q.meaning)  // "the first two quarters of 1990"
    }
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
        // "the next morning", "the previous night": a part of the day after or before the last
        // day named
        if shift != 0, s != "last", s != "past", let code = partOfDay(j + 1) {
          return TimexCandidate(i, j + 1, .time(code, day: .anaphoric(.day, offset: shift)))
        }
        return shifted(j, shift: shift, first: i)
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
      if s == "day", w(j + 1) == "before", w(j + 2) == "yesterday" {
        return TimexCandidate(i, j + 2, .dayOffset(-2))
      }
      if s == "day", w(j + 1) == "after", w(j + 2) == "tomorrow" {
        return TimexCandidate(i, j + 2, .dayOffset(2))
      }
      if s == "weekend" { return TimexCandidate(i, j, .relative(.weekend, offset: 0)) }
      // "over the years", "the early years", "the first hours": a vague stretch of time
      if let u = unit(j + 1), isPlural(j + 1), ["early", "first", "final", "closing"].contains(s),
        !["of", "when", "that", "before", "after"].contains(w(j + 2))
      {
        return TimexCandidate(i, j + 1, .duration(u.duration("X")), unit: u, count: "X")
      }
      if let u = unit(j), isPlural(j), u >= .day,
        ["over", "through", "throughout", "down"].contains(w(i - 1)), w(j + 1) != "of"
      {
        return TimexCandidate(i, j, .duration(u.duration("X")), unit: u, count: "X")
      }
      if let u = unit(j), isPlural(j), w(j + 1) == "ahead" {
        return TimexCandidate(i, j + 1, .duration(u.duration("X")), unit: u, count: "X")  // "the weeks ahead"
      }
      if ["morning", "afternoon", "evening"].contains(s),
        ["in", "during", "early", "late"].contains(w(i - 1)),
        !(doc.tokens.indices.contains(j + 1) && doc.tokens[j + 1].kind == .word
          && w(j + 1) != "and")
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
            if unitWord == "year" {
              return TimexCandidate(i, k, .duration("P1Y"), unit: .year, count: "1")
            }
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
      if ["first", "final", "latest", "initial", "remaining", "last", "recent", "first"].contains(s)
      {
        k += 1
      }
      if let q = quantity(k), q.count != "1" || w(k) != "a", let u = unit(q.last + 1),
        isPlural(q.last + 1) || q.count == "1"
      {
        if w(k) == "a" || w(k) == "an" { return nil }
        return TimexCandidate(
          i, q.last + 1, .duration(u.duration(q.count)), unit: u, count: q.count)
      }
      if s == "latest" || s == "recent", w(j + 1) == "quarter" || w(j + 1) == "period" {
        return TimexCandidate(i, j + 1, .latestQuarter)
      }
      if s == "period" && w(j + 1) != "of" { return nil }
    }
    // "that year", "the quarter", "its fourth quarter", "the week"
    if d == "its" || d == "the" {
      if Self.quarterOrdinals[s] != nil || s == "fiscal" {
        // "its fourth quarter": the possessive stays out
        if let q = quarterPhrase(j, yearRef: .unspecified) {
          return TimexCandidate(d == "its" ? j : i, q.last, q.meaning, mod: q.mod)
        }
      }
    }
    if let u = unit(j), !isPlural(j),
      [.year, .quarter, .week, .month].contains(u) || (d == "that" && u == .day)
    {
      if d == "its" { return nil }
      if w(j + 1) == "-"
        || (doc.tokens.indices.contains(j + 1) && doc.tokens[j + 1].kind == .word
          && (Self.unitCompounds.contains(w(j + 1))
            || (u != .quarter && d == "the"
              && ![
                "ago", "before", "earlier", "later", "after", "and", "or", "to", "as", "when",
                "that",
                "in", "on", "for", "ended", "ending", "through", "before", "is", "was", "will",
                "has", "had", "it", "they", "he", "she", "we", "the", "but",
              ].contains(w(j + 1)))))
      {
        return nil  // "the year's", "the month-long", "the quarter point"
      }
      if d == "the" && u == .year && possessive(j + 1) != nil { return nil }
      if d == "the" && w(j + 1) == "of" { return nil }
      // "player of the year" is generic; "the end of the year" is a date
      if d == "the", w(i - 1) == "of", Self.ofModifiers[w(i - 2)] == nil, w(i - 2) != "rest",
        !(u == .year && unit(i - 2) != nil && countsFromAnEnd(i - 3))
      {
        // "the first nine months of the year", "the final week of the year" are dates; "42
        // weeks of the year", "the film of the year" are not
        return nil
      }
      return TimexCandidate(i, j, .anaphoric(u, offset: 0))
    }
    return nil
  }

  /// "first", "last three", "final": a part counted from one end of a period, a few words
  /// before token `k` (inclusive).
  func countsFromAnEnd(_ k: Int) -> Bool {
    var j = k
    while j >= 0 && j >= k - 2 {
      if ["first", "last", "final", "opening", "closing", "latest", "past"].contains(w(j)) {
        return true
      }
      j -= 1
    }
    return false
  }

  /// "the quarter a year ago", "the same period last year", "the corresponding quarter of the
  /// previous year": one phrase (no signal inside), the period under discussion a year back.
  func periodAYearBack(_ i: Int) -> TimexCandidate? {
    var h = i + 1
    if ["same", "corresponding", "comparable"].contains(w(h)) { h += 1 }
    guard w(h) == "quarter" || w(h) == "period" else { return nil }
    var k = h + 1
    if w(k) == "of" { k += 1 }
    var end: Int?
    if (w(k) == "a" || w(k) == "one") && w(k + 1) == "year",
      ["ago", "earlier", "before"].contains(w(k + 2))
    {
      end = k + 2
    } else if w(k) == "last" && w(k + 1) == "year" {
      end = k + 1
    } else if w(k) == "the", ["previous", "prior"].contains(w(k + 1)), w(k + 2) == "year" {
      end = k + 2
    }
    guard let end else { return nil }
    if w(h) == "quarter" { return TimexCandidate(i, end, .anaphoric(.quarter, offset: -4)) }
    return TimexCandidate(i, end, .shifted(.year, count: 1, sign: -1, fromReference: false))
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
      if let code = partOfDay(j + 1) {
        return TimexCandidate(i, j + 1, .set("XXXX-WXX-\(d)\(code)"))
      }
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
}
