/// Finds and normalises the time expressions of a document, and builds its timeline.
///
/// Three steps, each its own type: `TimexScanner` finds expressions and what they say,
/// `TimexResolver` gives them TIMEX3 values against the document date, and `TimelineBuilder`
/// orders the dated ones. `DocumentDateFinder` finds the document date first.
public enum TemporalTagger {
  /// The document date: given, else from the dateline, a metadata line, the file name, or
  /// inferred from the latest explicit date in the text.
  public static func documentDate(for document: Document, given: String?) -> DocumentDate? {
    DocumentDateFinder.documentDate(for: document, given: given)
  }

  /// Every time expression, in text order, with its TIMEX3 type and value.
  public static func expressions(in document: Document, dct: DocumentDate?) -> [TimeExpression] {
    let scanner = TimexScanner(document)
    return expressions(scanner: scanner, candidates: scanner.scan(), dct: dct)
  }

  /// The timeline: dated entries in chronological order, then sets and vague references.
  public static func timeline(
    for document: Document, expressions: [TimeExpression], dct: DocumentDate?
  ) -> [TimelineEntry] {
    TimelineBuilder.timeline(for: document, expressions: expressions)
  }

  // MARK: - Resolution in text order

  static func expressions(
    scanner: TimexScanner, candidates: [TimexCandidate], dct: DocumentDate?
  ) -> [TimeExpression] {
    let doc = scanner.doc
    let resolver = TimexResolver(dct: dct.flatMap { TimexResolver.Anchor($0.value) })
    var reference: TimexResolver.Reference?
    var out: [TimeExpression] = []
    out.reserveCapacity(candidates.count)
    var sentence = 0
    var previous: (last: Int, year: Int?, sentence: Int)?
    for var c in candidates {
      let startOffset = doc.tokens[c.first].start
      while sentence < doc.sentences.count && doc.sentences[sentence].tokens.upperBound <= c.first {
        sentence += 1
      }
      let tokenRange =
        sentence < doc.sentences.count && doc.sentences[sentence].tokens.contains(c.first)
        ? doc.sentences[sentence].tokens : c.first..<(c.last + 1)
      var tense = TenseCue.tense(scanner, first: c.first, last: c.last, sentence: tokenRange)
      if TenseCue.signalsFuture(scanner, first: c.first, meaning: c.meaning) { tense = .future }
      // A reference from too far back is stale for "the quarter" and "a year ago".
      if let r = reference, sentence - r.sentence > 8 { reference = nil }
      // "this year through August", "in 1990, from January": a month takes the year just said.
      if case .calendar(.unspecified, let m?, let d) = c.meaning, let p = previous,
        p.sentence == sentence,
        c.first - p.last <= 3, let y = p.year
      {
        c.meaning = .calendar(year: .explicit(y), month: m, day: d)
      }
      let (type, value, granularity) = resolver.resolve(
        c.meaning, tense: tense, reference: reference)
      previous = (c.last, granularity == .year ? Int(value) : nil, sentence)
      let span = c.span ?? Span(startOffset, doc.tokens[c.last].end)
      var e = TimeExpression(
        span: span, type: type, value: value, mod: c.mod, granularity: granularity,
        ambiguousDayMonth: c.ambiguousOrder)
      if c.anchoredBySince, let unit = c.unit, let n = c.count.flatMap({ Int($0) }) {
        let (_, v, _) = resolver.shifted(
          unit, count: n, sign: -1, fromReference: false, reference: nil)
        if v.first?.isNumber == true { e.anchoredValue = v }
      }
      out.append(e)
      // Anaphoric expressions ("a year earlier", "the quarter") do not move the reference.
      var anaphoric = false
      switch c.meaning {
      case .shifted(_, _, _, true), .anaphoric, .quarter(0, _): anaphoric = true
      default: break
      }
      if !anaphoric, type == .date || type == .time,
        let r = TimelineBuilder.reference(
          value: value, granularity: granularity, sentence: sentence)
      {
        reference = r
      }
    }
    anchorDurations(&out, candidates: candidates, scanner: scanner)
    return out
  }

  /// "two years after the 2008 crash", "five days before March 3": a duration followed by
  /// "after"/"before" and, a few words on, a date: the time it points at.
  static func anchorDurations(
    _ out: inout [TimeExpression], candidates: [TimexCandidate], scanner: TimexScanner
  ) {
    for k in candidates.indices.dropLast() where out[k].type == .duration {
      let c = candidates[k]
      let word = scanner.w(c.last + 1)
      guard word == "after" || word == "before", let unit = c.unit,
        let n = c.count.flatMap({ Int($0) }), candidates[k + 1].first <= c.last + 5,
        let v = TimelineBuilder.shift(out[k + 1].value, unit: unit, by: word == "after" ? n : -n)
      else { continue }
      out[k].anchoredValue = v
    }
  }
}

/// The tense of the clause around an expression, from verb cues (there is no POS tagger): the
/// nearest cue before the expression in its sentence, else the first after it.
enum TenseCue {
  static func tense(
    _ s: TimexScanner, first: Int, last: Int, sentence: Range<Int>
  ) -> TimexResolver.Tense {
    if s.w(first - 1) == "since" { return .past }
    var k = first - 1
    while k >= sentence.lowerBound {
      if let t = cue(s, k) { return t }
      k -= 1
    }
    k = last + 1
    while k < sentence.upperBound {
      if let t = cue(s, k) { return t }
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
    case .calendar(.unspecified, _, _), .holiday(_, .unspecified):
      return TimeLexicon.futureSignals.contains(before)
    default:
      return false
    }
  }

  /// A target or forecast: "by 2030", "could reach ... in 2050", "should be done in 2015".
  static func isHypothetical(_ s: TimexScanner, first: Int, sentence: Range<Int>) -> Bool {
    if ["by", "until", "till", "before"].contains(s.w(first - 1)) { return true }
    var k = first - 1
    while k >= sentence.lowerBound && k >= first - 12 {
      if [
        "could", "might", "should", "may", "must", "aims", "aim", "target", "forecast",
        "forecasts", "predicts", "predicted", "projected",
      ].contains(s.words[k]) && !s.capitalised[k] {
        return true
      }
      k -= 1
    }
    return false
  }

  static func cue(_ s: TimexScanner, _ k: Int) -> TimexResolver.Tense? {
    guard s.doc.tokens[k].kind == .word else { return nil }
    let w = s.words[k]
    if w == "to" { return TimeLexicon.futureBeforeTo.contains(s.w(k - 1)) ? .future : nil }
    if TimeLexicon.futureCues.contains(w) {
      if w == "going" { return s.w(k + 1) == "to" ? .future : nil }
      return .future
    }
    if TimeLexicon.presentCues.contains(w) { return .present }
    var past = TimeLexicon.irregularPast.contains(w)
    if !past, w.utf8.count >= 5, w.hasSuffix("ed"), !s.capitalised[k] || k == 0,
      !TimeLexicon.edExceptions.contains(w)
    {
      past = true
    }
    guard past else { return nil }
    // A participle after "will be", "to be": "will be paid", "to be completed".
    if s.w(k - 1) == "be", ["will", "'ll", "shall", "to", "would", "wo"].contains(s.w(k - 2)) {
      return .future
    }
    return .past
  }
}
