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

  /// "the Sunday Times", "Bloody Sunday" aside: a weekday before one of these is a title.
  static let nameFollowersForDays: Set<String> = [
    "times", "telegraph", "express", "mirror", "herald", "post", "mail", "tribune", "independent",
    "observer", "sport", "live", "school", "league", "people", "world", "business", "magazine",
    "review", "edition", "service", "club",
  ]

  // MARK: - Dispatch

  /// A possessive "'s" at token i (one token, or an apostrophe and "s"): its last token.
  func possessive(_ i: Int) -> Int? {
    if w(i) == "'s" { return i }
    if i >= 1, w(i) == "'", w(i + 1) == "s", i + 1 < count,
      doc.tokens[i + 1].start == doc.tokens[i].end,
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
      if best == nil { consider(dayOfMonthAlone(i)) }
      return best
    }
    if s == "'" {
      consider(apostropheYear(i))
      return best
    }
    if let m = month(i) { consider(monthPhrase(i, m)) }
    if let d = TimeLexicon.weekdays[s], capitalised[i] || lowercaseText,
      !(capitalised[i + 1 < count ? i + 1 : i] && Self.nameFollowersForDays.contains(w(i + 1)))
    {
      consider(weekdayPhrase(i, weekday: d, shift: nil, first: i))
    }
    if s.hasSuffix("s"), let d = TimeLexicon.weekdays[String(s.dropLast())],
      capitalised[i] || lowercaseText
    {
      consider(TimexCandidate(i, i, .set("XXXX-WXX-\(d)")))  // "on Sundays"
    }
    if let set = TimeLexicon.setAdverbs[s] {
      // "daily" and "quarterly" before a noun are adjectives ("quarterly dividend"), not sets.
      let adjective =
        s != "annually" && i + 1 < count && doc.tokens[i + 1].kind == .word
        && w(i + 1) != "basis"  // "on a daily basis" is a set
        && !["and", "or", "since", "for", "in", "on", "at", "to", "from", "by", "until"].contains(
          w(i + 1))
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
        ![
          "account", "accounts", "affairs", "events", "density", "flow", "flows", "sea", "river",
          "ocean",
          "-", "'s",
        ].contains(w(i + 1))
      {
        consider(TimexCandidate(i, i, .reference("PRESENT_REF")))
      }
    case "future":
      if unit(i + 1) != nil, isPlural(i + 1) {
        consider(TimexCandidate(i, i + 1, .reference("FUTURE_REF")))
      }
    case "year":
      // "year end", "year's end"
      if w(i + 1) == "end" {
        consider(TimexCandidate(i, i + 1, .relative(.year, offset: 0), mod: "END"))
      }
      if let p = possessive(i + 1), w(p + 1) == "end" {
        consider(TimexCandidate(i, p + 1, .relative(.year, offset: 0), mod: "END"))
      }
    case "a":
      if w(i + 1) == "while" { consider(TimexCandidate(i, i + 1, .duration("PXX"))) }
      if w(i + 2) == "date", let r = ["later": "FUTURE_REF", "earlier": "PAST_REF"][w(i + 1)] {
        consider(TimexCandidate(i, i + 2, .reference(r)))  // "at a later date"
      }
    case "every", "each":
      consider(every(i))
    case "once", "twice", "thrice":
      consider(frequency(i))
    case "noon", "midnight", "midday":
      // "J Noon" in a team sheet is a name
      if !(capitalised[i] && i > 0 && capitalised[i - 1] && doc.tokens[i - 1].kind == .word),
        w(i - 1) != "high"  // "high noon"
      {
        consider(timeOfDay(i))
      }
    case "fiscal", "fy":
      consider(fiscal(i))
    case "mid":
      if let code = partOfDay(i + 1) {
        consider(TimexCandidate(i, i + 1, .time(code, day: nil), mod: "MID"))
      }
    case "nineteen", "twenty":
      consider(yearInWords(i))
    default:
      break
    }
    if best == nil { consider(hyphenated(i)) }
    if best == nil, Self.quarterOrdinals[s] != nil {
      consider(quarterPhrase(i, yearRef: .unspecified))
    }
    if best == nil, TimeLexicon.ordinal(s) != nil, w(i + 1) == "century" {
      consider(centuryPhrase(i))
    }
    if best == nil, let code = TimeLexicon.seasons[s] { consider(seasonPhrase(i, code: code)) }
    if best == nil, let holiday = holiday(i) { consider(holiday) }
    consider(counted(i))
    if best == nil { consider(barePlural(i)) }
    return best
  }
}

extension TimexScanner {
  /// "on the 3rd", "by the 21st": an ordinal day after a preposition and "the", with nothing
  /// after it that it could count ("the 3rd floor", "the 21st century" are no dates).
  func dayOfMonthAlone(_ i: Int) -> TimexCandidate? {
    guard w(i - 1) == "the", ["on", "by", "until", "till", "from", "since", "before", "after"]
      .contains(w(i - 2)),
      TimeLexicon.ordinal(w(i)) != nil, let d = day(i)
    else { return nil }
    if i + 1 < count, doc.tokens[i + 1].kind == .word || doc.tokens[i + 1].kind == .number,
      adjacent(i, i + 1), !["and", "or", "to", "when", "at"].contains(w(i + 1))
    {
      return nil
    }
    return TimexCandidate(i, i, .dayOfMonth(d))
  }
}
