/// TimeML extent rules around a core match: modifiers and determiners inside, signals outside,
/// "ago"/"earlier"/"later" inside.
extension TimexScanner {
  static let approximators: [String: String] = [
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "circa": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "some": "APPROX",
  ]

  static let twoWordModifiers: [String: String] = [
    "more than": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "longer than": "MORE_THAN", "well over": "MORE_THAN",
  ]

  static let ofModifiers: [String: String] = [
    "end": "END", "beginning": "START", "start": "START", "middle": "MID", "close": "END",
    "turn": "START", "dawn": "START",
  ]

  /// Whether the meaning names a point or period on the calendar (not a duration or set).
  func isDateLike(_ m: TimexMeaning) -> Bool {
    switch m {
    case .duration, .set, .reference, .shifted: return false
    default: return true
    }
  }

  /// A meaning that names one day ("last Tuesday", "March 3", "yesterday", "Christmas").
  func namesADay(_ m: TimexMeaning) -> Bool {
    switch m {
    case .weekday, .dayOffset, .weekdayDate, .holiday, .calendar(_, .some, .some): return true
    default: return false
    }
  }

  /// "ago", "earlier", "later", "from now" after a counted duration.
  func extendRight(_ c: inout TimexCandidate) {
    guard case .duration = c.meaning, let unit = c.unit else { return }
    var k = c.last + 1
    if w(k) == "or" && w(k + 1) == "so" {
      c.last = k + 1  // "the next year or so"
      k += 2
    }
    let count: Int? = c.count.flatMap { Double($0) }.flatMap { $0 == $0.rounded() ? Int($0) : nil }
    let next = w(k)
    let afterNext = k + 1 < self.count ? doc.tokens[k + 1].kind : .punctuation
    switch next {
    case "ago":
      c.meaning = .shifted(unit, count: count, sign: -1, fromReference: false)
      c.last = k
    case "earlier":
      c.meaning = .shifted(unit, count: count, sign: -1, fromReference: true)
      c.last = k
    case "later":
      // TimeBank leaves "later" out and keeps the duration: "[three days] later".
      break
    case "before", "after":
      if afterNext == .punctuation || k + 1 >= self.count {
        c.meaning = .shifted(
          unit, count: count, sign: next == "before" ? -1 : 1, fromReference: true)
        c.last = k
      }
    case "from":
      // "a week from now", "a week from today"
      if w(k + 1) == "now" || w(k + 1) == "today" {
        // from today: a day ("a week from today" is a day seven days on)
        if w(k + 1) == "today", unit == .week, let n = count {
          c.meaning = .shifted(.day, count: 7 * n, sign: 1, fromReference: false)
        } else {
          c.meaning = .shifted(unit, count: count, sign: 1, fromReference: false)
        }
        c.last = k + 1
      }
    case "hence":
      c.meaning = .shifted(unit, count: count, sign: 1, fromReference: false)
      c.last = k
    case "since":
      c.anchoredBySince = true
    default:
      break
    }
  }

  /// Determiners and modifiers to the left; never below `floor` (the previous expression).
  func extendLeft(_ c: inout TimexCandidate, floor: Int) {
    var k = c.first - 1
    let dateLike = isDateLike(c.meaning)
    var durationLike = false
    switch c.meaning {
    case .duration, .shifted: durationLike = true
    default: break
    }
    // "the (comparable) year-ago quarter": headed by a time word
    let yearAgoPhrase = w(c.first).hasPrefix("year-") && c.last > c.first
    while k >= floor {
      let s = w(k)
      if !adjacent(k, c.first) { break }
      if s == "the" {
        var takes = false
        switch c.meaning {
        case .decade, .century, .half, .season, .holiday: takes = true
        case .quarter: takes = !w(c.first).contains("-") || c.last > c.first  // not "the [third-quarter] loss"
        case .duration:
          // "the nine months" but not "the [two-week] trip"
          takes =
            c.unit != nil && !["the", "a", "an"].contains(w(c.first))
            && !(c.first == c.last && w(c.first).contains("-"))
        case .shifted, .anaphoric: takes = yearAgoPhrase
        case .relative(.weekend, _): takes = true
        default: takes = false
        }
        if takes {
          c.first = k
          k -= 1
          continue
        }
        break
      }
      if s == "before" || s == "after", w(k - 1) == "day", w(k - 2) == "the", k - 2 >= floor,
        k == c.first - 1, namesADay(c.meaning)
      {
        // "the day before last Tuesday", "the day after Christmas": one phrase
        c.meaning = .dayNextTo(c.meaning, days: s == "before" ? -1 : 1)
        c.first = k - 2
        break
      }
      if ["comparable", "corresponding", "same"].contains(s), yearAgoPhrase {
        c.first = k
        k -= 1
        continue
      }
      if s == "fiscal", dateLike, !w(c.first).contains("-") {
        c.first = k
        k -= 1
        continue
      }
      if dateLike, ["early", "late", "mid", "mid-"].contains(s), c.mod == nil {
        c.mod = ["early": "START", "late": "END", "mid": "MID", "mid-": "MID"][s]
        c.first = k
        k -= 1
        continue
      }
      if dateLike, s == "earlier" || s == "later" {
        switch c.meaning {
        case .relative, .calendar, .dayOffset, .weekday, .monthShift, .time:
          c.first = k
          k -= 1
          continue
        default: break
        }
      }
      if s == "of", case .calendar(_, _, .some) = c.meaning, w(k - 1) == "week", w(k - 2) == "the",
        k - 2 >= floor
      {
        c.meaning = .weekOf(c.meaning)  // "the week of March 6"
        c.first = k - 2
        k -= 3
        continue
      }
      if s == "of", dateLike, let mod = Self.ofModifiers[w(k - 1)],
        w(k - 2) == "the" || w(k - 2) == "this",
        k - 2 >= floor
      {
        c.mod = mod
        c.first = k - 2
        k -= 3
        continue
      }
      if s == "of", case .calendar(let y, nil, nil) = c.meaning, y != .unspecified,
        w(k - 1) == "half", let h = ["first": 1, "second": 2, "last": 2, "latter": 2][w(k - 2)],
        w(k - 3) == "the", k - 3 >= floor
      {
        c.meaning = .half(h, year: y)
        c.first = k - 3
        k -= 4
        continue
      }
      if let mod = Self.approximators[s], durationLike || dateLike {
        if s == "some" && !(durationLike && isNumber(c.first)) { break }
        if dateLike {
          if case .calendar = c.meaning {} else if case .time = c.meaning {} else { break }
        }
        c.mod = c.mod ?? mod
        c.first = k
        k -= 1
        if w(k) == "well" && s == "over" {
          c.first = k
          k -= 1
        }
        continue
      }
      if durationLike, let mod = Self.twoWordModifiers[w(k - 1) + " " + s], k - 1 >= floor {
        c.mod = c.mod ?? mod
        c.first = k - 1
        k -= 2
        if w(k) == "no" && mod == "LESS_THAN" || w(k) == "no" && mod == "MORE_THAN" {
          c.first = k
          k -= 1
        }
        continue
      }
      break
    }
  }
}
