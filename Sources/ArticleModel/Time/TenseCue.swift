/// The tense of the clause around an expression, from verb cues (there is no POS tagger): the
/// nearest cue before the expression in its sentence, else the first after it.
enum TenseCue {
  /// The cue of each token, looked up once: expressions close together read the same words.
  struct Cache {
    /// -2 not looked up, -1 no cue, else the raw tense.
    var cues: [Int8]
    init(count: Int) { cues = Array(repeating: -2, count: count) }
  }

  static let tenses: [TimexResolver.Tense] = [.past, .present, .future, .unknown]

  static func cachedCue(_ s: TimexScanner, _ k: Int, _ cache: inout Cache) -> TimexResolver.Tense? {
    let c = cache.cues[k]
    if c == -1 { return nil }
    if c >= 0 { return tenses[Int(c)] }
    let t = cue(s, k)
    cache.cues[k] = t.map { Int8(tenses.firstIndex(of: $0)!) } ?? -1
    return t
  }

  static func tense(
    _ s: TimexScanner, first: Int, last: Int, sentence: Range<Int>
  ) -> TimexResolver.Tense {
    var cache = Cache(count: s.count)
    return tense(s, first: first, last: last, sentence: sentence, cache: &cache)
  }

  static func tense(
    _ s: TimexScanner, first: Int, last: Int, sentence: Range<Int>, cache: inout Cache
  ) -> TimexResolver.Tense {
    if s.w(first - 1) == "since" { return .past }
    // A verb right after the expression is its own ("the court Thursday refused", "officials
    // last week said"), unless one stands right before it ("said Friday").
    let verbBefore = first - 1 >= sentence.lowerBound && cachedCue(s, first - 1, &cache) != nil
    if !verbBefore, last + 1 < sentence.upperBound, let t = cachedCue(s, last + 1, &cache) {
      return t
    }
    // A window of the sentence: real sentences are short, and a text without full stops must
    // not make every expression read the whole of it.
    let window = 60
    var k = first - 1
    while k >= max(sentence.lowerBound, first - window) {
      if let t = cachedCue(s, k, &cache) { return t }
      k -= 1
    }
    k = last + 1
    while k < min(sentence.upperBound, last + 1 + window) {
      if let t = cachedCue(s, k, &cache) { return t }
      k += 1
    }
    return .unknown
  }

  /// A word just before a date that points it ahead: "payable Dec. 1", "until March 6",
  /// "as soon as Tuesday". Weekdays only take "as soon as" ("until Thursday, they had not").
  static func signalsFuture(_ s: TimexScanner, first: Int, meaning: TimexMeaning) -> Bool {
    let before = s.w(first - 1) == "on" ? s.w(first - 2) : s.w(first - 1)
    if before == "as" && s.w(first - 2) == "soon" { return true }
    switch meaning {
    case .weekday(_, nil), .time, .dayOfMonth:
      // "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday": a day put
      // off to lies ahead ("until Thursday, they had not" stays in its tense)
      if before == "until" || before == "till" {
        var k = (s.w(first - 1) == "on" ? first - 2 : first - 1) - 1
        while k >= 0 && k >= first - 8 {
          if TimeLexicon.deferralVerbs.contains(s.w(k)) { return true }
          k -= 1
        }
      }
      // "meets on Friday", "start at 10 a.m. on Thursday": a scheduled event in the present
      var k = first - 1
      while k >= 0 && k >= first - 6 {
        let w = s.w(k)
        if w.hasSuffix("ly") && w.utf8.count > 4 {
          k -= 1  // "meet separately Monday"
          continue
        }
        if TimeLexicon.scheduleVerbs.contains(w) {
          // a verb, not a noun after a determiner ("his leave on Friday")
          return !s.capitalised[k]
            && !["the", "a", "an", "his", "her", "its", "their", "this", "that", "to"].contains(s.w(k - 1))
        }
        if ["on", "at", "the", "a.m.", "p.m.", "a.m", "p.m", "noon", "local", "time", "gmt", "est", "edt"]
          .contains(w) || s.isNumber(k)
        {
          k -= 1
          continue
        }
        break
      }
      return false
    case .calendar(.unspecified, _, _), .holiday(_, .unspecified):
      return TimeLexicon.futureSignals.contains(before)
    default:
      return false
    }
  }

  /// A day named after a verb of planning, in its clause, dates the planned event, which lies
  /// ahead: "planned a large demonstration on Saturday", "has scheduled a news conference
  /// Thursday", "did not plan to remove him on Thursday morning". A day before the verb ("On
  /// Friday, the government planned to pay") keeps the clause's tense.
  static func datesAPlannedEvent(_ s: TimexScanner, first: Int, last: Int) -> Bool {
    // "a memorial planned for Saturday was canceled": the clause's own verb decides
    if ["was", "were", "had"].contains(s.w(last + 1)) { return false }
    var k = first - 1
    while k >= 0 && k >= first - 10 {
      let w = s.w(k)
      if [".", ",", ";", ":", "!", "?", "and", "but", "said", "says", "after", "before", "when"]
        .contains(w)
      {
        return false
      }
      if TimeLexicon.planningVerbs.contains(w) {
        // a verb, not a noun ("the plan on Friday", "a cooperation plan Friday") or an
        // adjective ("the planned merger")
        if s.capitalised[k] || Self.determiners.contains(s.w(k - 1)) { return false }
        // "began as previously planned Saturday night": the plan is told, not the event
        if ["previously", "originally", "as"].contains(s.w(k - 1)) { return false }
        if w.hasSuffix("ed") || w.hasSuffix("ing") { return true }
        return [
          "not", "to", "they", "we", "i", "you", "he", "she", "it", "who", "will", "would", "may",
          "might", "also", "still", "now", "officials", "company",
        ].contains(s.w(k - 1))
      }
      k -= 1
    }
    return false
  }

  /// A target or forecast: "by 2030", "could reach ... in 2050", "should be done in 2015".
  static func isHypothetical(_ s: TimexScanner, first: Int, sentence: Range<Int>) -> Bool {
    if ["by", "until", "till", "before"].contains(s.w(first - 1)) { return true }
    var k = first - 1
    while k >= sentence.lowerBound && k >= first - 12 {
      if [
        "could", "might", "should", "may", "must", "aims", "aim", "target", "forecast",
        "forecasts", "predicts", "predicted", "projected", "would", "hopes", "hope", "expected",
        "expects", "plans", "planned", "scheduled", "due", "likely",
      ].contains(s.words[k]) && !s.capitalised[k] {
        return true
      }
      k -= 1
    }
    return false
  }

  static let determiners: Set<String> = [
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those",
  ]

  static func cue(_ s: TimexScanner, _ k: Int) -> TimexResolver.Tense? {
    guard s.doc.tokens[k].kind == .word else { return nil }
    let w = s.words[k]
    if w == "to" { return TimeLexicon.futureBeforeTo.contains(s.w(k - 1)) ? .future : nil }
    // "the government planned to pay": a past verb of planning (no auxiliary or determiner
    // before it), as HeidelTime's VBD; "is planned to", "the planned merger" are not
    if TimeLexicon.planningVerbs.contains(w), w.hasSuffix("ed"), s.w(k + 1) == "to",
      !Self.determiners.contains(s.w(k - 1)),
      !["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"].contains(s.w(k - 1))
    {
      return .past
    }
    // "would" looks ahead from a past moment ("said the flights would leave in August"),
    // "would have" back ("would have ended in March").
    if w == "would" { return s.w(k + 1) == "have" ? .past : .future }
    if TimeLexicon.futureCues.contains(w) {
      if w == "going" { return s.w(k + 1) == "to" ? .future : nil }
      return .future
    }
    if TimeLexicon.presentCues.contains(w) { return .present }
    var past = TimeLexicon.irregularPast.contains(w)
    if !past, w.utf8.count >= 5, w.hasSuffix("ed"), !s.capitalised[k] || k == 0,
      !TimeLexicon.edExceptions.contains(w)
    {
      // after a determiner, an -ed word describes a noun ("a revised offer", "the proposed
      // merger", "a still unspecified date"): no verb
      var d = k - 1
      if s.w(d) == "still" || s.w(d) == "newly" || s.w(d) == "previously" { d -= 1 }
      past = !Self.determiners.contains(s.w(d))
    }
    guard past else { return nil }
    // A participle after "will be", "to be": "will be paid", "to be completed", "would
    // still be held".
    if s.w(k - 1) == "be" {
      var j = k - 2
      while j > k - 4, ["still", "not", "also", "then", "probably", "only", "now"].contains(s.w(j)) {
        j -= 1
      }
      if ["will", "'ll", "shall", "to", "would", "wo"].contains(s.w(j)) { return .future }
    }
    return .past
  }
}
