/// Finds time expressions in a document's tokens, with TimeML extents.
///
/// A single left-to-right pass: at each token that can start a time phrase (a month, weekday,
/// number, unit, "last", "today"...) a few finite patterns are tried and the longest match is
/// kept; then determiners and modifiers to its left ("the", "early", "about", "the end of") and
/// "ago"/"earlier"/"later" to its right are taken in. No regular expressions, no backtracking
/// beyond a handful of tokens.
struct TimexScanner {
  let doc: Document
  /// Lower-cased token texts ("" for very long tokens).
  let words: [String]
  /// Whether each token starts with a capital letter.
  let capitalised: [Bool]
  /// The text is mostly lower-case (no capitals to rely on for month names).
  let lowercaseText: Bool

  init(_ doc: Document) {
    self.doc = doc
    var words: [String] = []
    var caps: [Bool] = []
    words.reserveCapacity(doc.tokens.count)
    caps.reserveCapacity(doc.tokens.count)
    var capitalCount = 0
    for t in doc.tokens {
      let s0 = doc.scalars[t.start]
      let cap = CharacterClass.isUpper(s0)
      if cap { capitalCount += 1 }
      caps.append(cap)
      if t.end - t.start > 24 {
        words.append("")
        continue
      }
      var v = String.UnicodeScalarView()
      for k in t.start..<t.end {
        let s = doc.scalars[k]
        let x = s.value
        if x >= 0x41 && x <= 0x5A {
          v.append(Unicode.Scalar(x + 32)!)
        } else if x == 0x2019 {
          v.append("'")  // curly apostrophe, as in "’80s" or "year’s"
        } else if x < 0x80 {
          v.append(s)
        } else {
          v.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
        }
      }
      words.append(String(v))
    }
    self.words = words
    self.capitalised = caps
    self.lowercaseText = doc.tokens.count > 50 && capitalCount * 200 < doc.tokens.count
  }

  // MARK: - Token access

  var count: Int { words.count }

  @inline(__always) func w(_ i: Int) -> String { i >= 0 && i < words.count ? words[i] : "" }

  @inline(__always) func isNumber(_ i: Int) -> Bool {
    i >= 0 && i < words.count && doc.tokens[i].kind == .number
  }

  /// An all-digit number token's value.
  func int(_ i: Int) -> Int? {
    guard isNumber(i) else { return nil }
    let s = words[i]
    guard s.utf8.count <= 9, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(s)
  }

  /// Number of digits of an all-digit token, or 0.
  func digitCount(_ i: Int) -> Int {
    guard isNumber(i) else { return 0 }
    let u = words[i].utf8
    return u.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? u.count : 0
  }

  /// Tokens i and j are on the same line with only spaces between them.
  func adjacent(_ i: Int, _ j: Int) -> Bool {
    guard i >= 0, j < doc.tokens.count, i < j else { return false }
    var k = doc.tokens[i].end
    let end = doc.tokens[j].start
    while k < end {
      if doc.scalars[k] == "\n" { return false }
      k += 1
    }
    return true
  }

  // MARK: - Lexical tests

  /// The month named by token i, when it is used as a month here.
  func month(_ i: Int) -> Int? {
    let s = w(i)
    guard let m = TimeLexicon.months[s] else { return nil }
    if !capitalised[i] && !lowercaseText { return nil }
    if isFirstName(i) { return nil }
    if TimeLexicon.ambiguousMonthWords.contains(s) {
      // "May", "March", "Jan" without a full stop: only next to a number or a time word.
      let next = i + 1
      if day(next) != nil || yearNumber(next) != nil { return m }
      if w(next) == "," && yearNumber(next + 1) != nil { return m }
      if w(next) == "'" && digitCount(next + 1) == 2 { return m }
      if s == "may" || s == "march" {
        let prev = w(i - 1)
        if [
          "in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid",
          "of", "from", "through", "during", "before", "after", "end", "beginning", "middle",
          "and", "or", "to", "between", "mid-", "-", "since", "around",
        ].contains(prev) {
          if s == "march" && (w(next) == "on" || w(next) == "to" || w(next) == "through") {
            return nil
          }
          return m
        }
        if s == "may" { return nil }
        if i + 1 < count, words[i + 1] == "," || words[i + 1] == "." { return m }
        return nil
      }
      return nil
    }
    return m
  }

  /// A month or weekday word used as a name: "June Carter", "the Sunday Times". True when a
  /// capitalised word follows that is not itself a date word, and no preposition comes before.
  func isFirstName(_ i: Int) -> Bool {
    guard !lowercaseText, i + 1 < count, capitalised[i + 1], doc.tokens[i + 1].kind == .word,
      adjacent(i, i + 1)
    else { return false }
    let next = words[i + 1]
    if TimeLexicon.months[next] != nil || TimeLexicon.weekdays[next] != nil
      || TimeLexicon.partsOfDay[next] != nil || next == "last" || next == "next" || next == "this"
    {
      return false
    }
    if Self.nameFollowers.contains(next) { return true }
    let prev = w(i - 1)
    return ![
      "in", "on", "since", "until", "by", "from", "to", "of", "last", "next", "this",
      "early", "late", "mid", "during", "before", "after", "through", "and", ",",
    ].contains(prev)
  }

  /// Words after a weekday or month that make a title: "Sunday Times", "Saturday Night Live".
  static let nameFollowers: Set<String> = [
    "times", "telegraph", "express", "mirror", "herald", "post", "mail", "tribune", "independent",
    "observer", "sport", "live", "school", "league", "night", "people", "world", "business",
    "politics", "review", "magazine", "edition", "service", "club",
  ]

  /// A day of the month: "22", "22nd", "1st".
  func day(_ i: Int) -> Int? {
    if let n = int(i), digitCount(i) <= 2, n >= 1, n <= 31 { return n }
    if isNumber(i), let n = TimeLexicon.ordinal(w(i)), n >= 1, n <= 31 { return n }
    return nil
  }

  /// A four-digit year (1000…2199) token.
  func yearNumber(_ i: Int) -> Int? {
    guard digitCount(i) == 4, let n = int(i), n >= 1000, n <= 2199 else { return nil }
    return n
  }

  /// A quantity: digits, a decimal, a number in words, "a"/"an" (1); X for "several", "a few".
  /// Returns the count (nil = unknown) and the last token of the quantity.
  func quantity(_ i: Int) -> (count: String, last: Int)? {
    let s = w(i)
    if isNumber(i) {
      if digitCount(i) > 0, let n = int(i) {
        // "2 1/2 years"
        if int(i + 1) == 1, w(i + 2) == "/", int(i + 3) == 2, adjacent(i, i + 1) {
          return ("\(n).5", i + 3)
        }
        return (String(n), i)
      }
      // "3.5", "1,200"
      let cleaned = s.replacingOccurrences(of: ",", with: "")
      if let d = Double(cleaned), d.isFinite, d >= 0, d < 1e9 {
        return (d == d.rounded() ? String(Int(d)) : cleaned, i)
      }
      return nil
    }
    switch s {
    case "a", "an":
      if w(i + 1) == "few" { return ("X", i + 1) }
      if w(i + 1) == "couple" && w(i + 2) == "of" { return ("2", i + 2) }
      if w(i + 1) == "dozen" { return ("12", i + 1) }
      if w(i + 1) == "half" { return nil }
      if w(i + 1) == "hundred" { return ("100", i + 1) }
      if w(i + 1) == "thousand" { return ("1000", i + 1) }
      return ("1", i)
    case "several", "few", "many", "some", "couple":
      if s == "couple" && w(i + 1) == "of" { return ("2", i + 1) }
      return ("X", i)
    case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
      break
    case "half":
      if w(i + 1) == "a" || w(i + 1) == "an" { return ("0.5", i + 1) }
      return nil
    case "dozens", "hundreds", "thousands":
      if w(i + 1) == "of" { return ("X", i + 1) }
      return nil
    default: break
    }
    if var n = TimeLexicon.cardinal(s) {
      var last = i
      // "twenty five", "one hundred", "two thousand"
      if n >= 20, n < 100, n % 10 == 0, let u = TimeLexicon.cardinals[w(i + 1)], u >= 1, u <= 9 {
        n += u
        last = i + 1
      }
      if w(last + 1) == "hundred" {
        n *= 100
        last += 1
      } else if w(last + 1) == "thousand" {
        n *= 1000
        last += 1
      }
      return (String(n), last)
    }
    return nil
  }

  /// A unit noun at i, not part of an age ("59-year-old") or a compound noun we know.
  func unit(_ i: Int) -> TimeLexicon.Unit? {
    guard let u = TimeLexicon.units[w(i)] else { return nil }
    if w(i + 1) == "-" && w(i + 2) == "old" { return nil }
    if isCapitalInsideName(i) { return nil }  // CBS's "60 Minutes"
    return u
  }

  /// Whether the unit word is plural.
  func isPlural(_ i: Int) -> Bool {
    let s = w(i)
    return s.hasSuffix("s") || s == "millennia" || s == "centuries"
  }

  /// A hyphenated "10-day", "two-year" token: count and unit.
  func hyphenatedDuration(_ i: Int) -> (String, TimeLexicon.Unit)? {
    let s = w(i)
    guard let dash = s.lastIndex(of: "-") else { return nil }
    let head = String(s[..<dash])
    let tail = String(s[s.index(after: dash)...])
    guard let u = TimeLexicon.units[tail], !tail.hasSuffix("s") || tail == "days" else {
      return nil
    }
    if w(i + 1) == "-" && w(i + 2) == "old" { return nil }
    if head.utf8.count <= 9, head.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(head) {
      return (String(n), u)
    }
    if let n = TimeLexicon.cardinal(head) { return (String(n), u) }
    if head == "several" || head == "multi" || head == "many" { return ("X", u) }
    if head.hasSuffix("-and-a-half") {
      let base = String(head.dropLast("-and-a-half".count))
      if let n = TimeLexicon.cardinal(base) ?? Int(base) { return ("\(n).5", u) }
    }
    return nil
  }

  // MARK: - Scan

  /// All candidates, in text order, not overlapping.
  func scan() -> [TimexCandidate] {
    var out: [TimexCandidate] = []
    var i = 0
    let n = count
    while i < n {
      let t = doc.tokens[i].kind
      if (t == .punctuation || t == .symbol) && words[i] != "'" {
        i += 1
        continue
      }
      if t == .word && !TimeLexicon.triggers.contains(words[i]) && !words[i].utf8.contains(45) {
        i += 1  // not a word a time expression starts with
        continue
      }
      if t == .number, let pair = yearRange(i) {
        out.append(contentsOf: pair)  // "1992-1995": two dates, as TimeML splits them
        i += 1
        continue
      }
      if t == .number || isNumber(i + 1), let pair = dayRange(i) {
        out.append(contentsOf: pair)  // "June 3-4", "10-12 June": two days, as TimeML splits ranges
        i = pair[1].last + 1
        continue
      }
      if var c = core(at: i) {
        extendRight(&c)
        extendLeft(&c, floor: out.last.map { $0.last + 1 } ?? 0)
        if let first = elidedFirstDay(before: c, floor: out.last.map { $0.last + 1 } ?? 0) {
          out.append(first)  // "[24] to [26 February]"
        }
        out.append(c)
        i = c.last + 1
        if var second = elidedSecond(after: &out[out.count - 1]) {
          extendRight(&second)
          out.append(second)  // "April 24 and [25]": the second day's own tag
          i = second.last + 1
        }
      } else {
        i += 1
      }
    }
    return out
  }

  /// "June 3-4", "June 3-4, 1999", "10-12 June 2005": a month and a range of days written as
  /// one token. Two candidates, each with its own span (the month goes with its neighbour).
  func dayRange(_ i: Int) -> [TimexCandidate]? {
    let monthFirst = doc.tokens[i].kind == .word
    let r = monthFirst ? i + 1 : i  // the range token
    let mi = monthFirst ? i : i + 1  // the month
    // cheap tests first: this runs at every number and every word a time can start with
    guard isNumber(r), words[r].utf8.contains(45), let m = month(mi),
      capitalised[mi] || lowercaseText, adjacent(min(r, mi), max(r, mi))
    else { return nil }
    let u = Array(w(r).utf8)
    guard let dash = u.firstIndex(of: 45), dash >= 1, dash <= 2, u.count - dash - 1 >= 1,
      u.count - dash - 1 <= 2,
      let a = Int(String(decoding: u[..<dash], as: UTF8.self)),
      let b = Int(String(decoding: u[(dash + 1)...], as: UTF8.self)), a >= 1, a < b, b <= 31
    else { return nil }
    var last = max(r, mi)
    var year = TimexMeaning.YearRef.unspecified
    let j = w(last + 1) == "," ? last + 2 : last + 1
    if let y = yearNumber(j), adjacent(last, j) || w(last + 1) == "," {
      year = .explicit(y)
      last = j
    }
    let t = doc.tokens[r]
    var first = TimexCandidate(monthFirst ? i : r, r, .calendar(year: year, month: m, day: a))
    first.span = Span(monthFirst ? doc.tokens[i].start : t.start, t.start + dash)
    var second = TimexCandidate(r, last, .calendar(year: year, month: m, day: b))
    second.span = Span(t.start + dash + 1, doc.tokens[last].end)
    return [first, second]
  }

  /// A word joining two days of a range or a list: "and", "or", "to", "through", "-", "&"
  /// (compared one by one: this runs after every expression).
  func isRangeWord(_ k: Int) -> Bool {
    let x = w(k)
    return x == "and" || x == "to" || x == "-" || x == "or" || x == "through" || x == "&"
  }

  /// "[24] to [26 February]", "[3] and [4 March 2005]": the first of two days sharing the
  /// month (and year) written after the second, which TimeML tags apart.
  func elidedFirstDay(before c: TimexCandidate, floor: Int) -> TimexCandidate? {
    guard case .calendar(let yr, let m?, let d2?) = c.meaning, day(c.first) == d2,
      isRangeWord(c.first - 1), c.first - 2 >= floor,
      let d1 = day(c.first - 2), int(c.first - 2) != nil, d1 < d2
    else { return nil }
    return TimexCandidate(c.first - 2, c.first - 2, .calendar(year: yr, month: m, day: d1))
  }

  /// The second of two days sharing their month, which TimeML tags apart: "April 24 and [25]",
  /// "March 3 to [5], 1999" (the year then belongs to both, so `c` takes it too). Ranges of
  /// durations ("two to three weeks") stay one expression, as the corpora mostly have them.
  func elidedSecond(after c: inout TimexCandidate) -> TimexCandidate? {
    let k = c.last + 1
    guard isRangeWord(k), case .calendar(.unspecified, let m?, let d?) = c.meaning,
      day(c.last) == d, let d2 = day(k + 1), d2 > d, int(k + 1) != nil,
      !isNumber(k + 2) || yearNumber(k + 2) != nil
    else { return nil }
    // a number that counts something is no day: "on April 24 and 25 people died"
    if k + 2 < count, doc.tokens[k + 2].kind == .word, unit(k + 2) != nil || month(k + 2) != nil
      || !["in", "at", "on", "when", "and", "or", "for", "with", "the", "to"].contains(w(k + 2))
    {
      return nil
    }
    var second = TimexCandidate(k + 1, k + 1, .calendar(year: .unspecified, month: m, day: d2))
    let j = w(k + 2) == "," ? k + 3 : k + 2
    if let y = yearNumber(j) {
      second.meaning = .calendar(year: .explicit(y), month: m, day: d2)
      second.last = j
      c.meaning = .calendar(year: .explicit(y), month: m, day: d)
    }
    return second
  }

  /// A range of years written as one token: "1992-1995", "2014-15". Two candidates, each
  /// with its own span inside the token.
  func yearRange(_ i: Int) -> [TimexCandidate]? {
    let u = Array(w(i).utf8)
    guard u.count == 9 || u.count == 7, u[4] == 45,
      let a = Int(String(decoding: u[0..<4], as: UTF8.self)), a >= 1000, a <= 2199,
      let b0 = Int(String(decoding: u[5...], as: UTF8.self))
    else { return nil }
    let b = u.count == 9 ? b0 : (a / 100) * 100 + b0
    guard b > a, b - a < 200 else { return nil }
    let t = doc.tokens[i]
    var first = TimexCandidate(i, i, .calendar(year: .explicit(a), month: nil, day: nil))
    first.span = Span(t.start, t.start + 4)
    var second = TimexCandidate(i, i, .calendar(year: .explicit(b), month: nil, day: nil))
    second.span = Span(t.start + 5, t.end)
    return [first, second]
  }
}
