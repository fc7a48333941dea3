/// Finds and normalises the time expressions of a document, and builds its timeline.
///
/// Three steps, each its own type: `TimexScanner` finds expressions and what they say,
/// `TimexResolver` gives them TIMEX3 values against the document date, and `TimelineBuilder`
/// orders the dated ones. `DocumentDateFinder` finds the document date first.
public enum TemporalTagger {
  /// The document date: given, else from the dateline, a metadata line, the file name, or
  /// inferred from the latest explicit date in the text.
  /// `scan`, when given, is `scan(document)` already made (the document date and the expressions
  /// read the same scan; an inferred date needs it).
  public static func documentDate(
    for document: Document, given: String?, year: Int? = nil, scan: Scan? = nil
  ) -> DocumentDate? {
    DocumentDateFinder.documentDate(for: document, given: given, year: year, scan: scan)
  }

  /// Every time expression, in text order, with its TIMEX3 type and value.
  public static func expressions(
    in document: Document, dct: DocumentDate?, scan: Scan? = nil
  ) -> [TimeExpression] {
    let s = scan ?? Scan(document)
    return expressions(scanner: s.scanner, candidates: s.candidates, dct: dct)
  }

  /// What the scanner finds in a document before any date is known: made once per document.
  public struct Scan: Sendable {
    let scanner: TimexScanner
    let candidates: [TimexCandidate]
    public init(_ document: Document) {
      scanner = TimexScanner(document)
      candidates = scanner.scan()
    }
  }

  /// The timeline: dated entries in chronological order, then sets and vague references.
  public static func timeline(for document: Document, expressions: [TimeExpression])
    -> [TimelineEntry]
  {
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
    var kept: [TimexCandidate] = []  // the candidates behind `out`, index for index
    var sentence = 0
    var previous: (last: Int, year: Int?, sentence: Int)?
    var cueCache = TenseCue.Cache(count: doc.tokens.count)
    for var c in candidates {
      let startOffset = doc.tokens[c.first].start
      while sentence < doc.sentences.count && doc.sentences[sentence].tokens.upperBound <= c.first {
        sentence += 1
      }
      let tokenRange =
        sentence < doc.sentences.count && doc.sentences[sentence].tokens.contains(c.first)
        ? doc.sentences[sentence].tokens : c.first..<(c.last + 1)
      var tense = TenseCue.tense(
        scanner, first: c.first, last: c.last, sentence: tokenRange, cache: &cueCache)
      if TenseCue.signalsFuture(scanner, first: c.first, meaning: c.meaning) { tense = .future }
      switch c.meaning {
      case .weekday(_, nil), .time(_, .weekday(_, nil)?):
        if TenseCue.datesAPlannedEvent(scanner, first: c.first, last: c.last) { tense = .future }
      default: break
      }
      if case .holiday(_, .unspecified) = c.meaning {
        // "last Thanksgiving" is the latest one, "next Easter" the coming one
        if scanner.w(c.first) == "last" { tense = .past }
        if scanner.w(c.first) == "next" { tense = .future }
      }
      // "he was soon released": narrative "soon" in a past clause is no future reference
      if case .reference("FUTURE_REF") = c.meaning, scanner.w(c.first) == "soon", tense == .past {
        continue
      }
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
      kept.append(c)
      // Anaphoric expressions ("a year earlier", "the quarter") do not move the reference, nor
      // do comparisons counted back ("a year ago", "year-ago"): the period under discussion
      // stays the one they are compared with, so a second "a year earlier" is the same date.
      var anaphoric = false
      switch c.meaning {
      case .shifted, .anaphoric, .quarter(0, _): anaphoric = true
      default: break
      }
      // "the third quarter ended Sept. 30": the date says which quarter; the quarter, not the
      // day, stays the period under discussion.
      if let q = endedPeriod(out, kept, scanner) {
        out[out.count - 2].value = q
        reference = TimelineBuilder.reference(value: q, granularity: .quarter, sentence: sentence)
        continue
      }
      if let r = partOfYearReference(
        c, scanner, reference: reference, dct: resolver.dct, sentence: sentence)
      {
        reference = r
        continue
      }
      if !anaphoric, type == .date || type == .time,
        !((granularity == .quarter || granularity == .half) && reference != nil
          && (tense == .future || isComparedOrForecast(c, scanner))),
        let r = TimelineBuilder.reference(
          value: value, granularity: granularity, sentence: sentence)
      {
        reference = r
      }
    }
    anchorDurations(&out, candidates: kept, scanner: scanner)
    attachClockTimesToDays(&out, candidates: kept, scanner: scanner)
    if let a = resolver.dct, !a.yearKnown {
      for k in out.indices {
        out[k].value = TimexResolver.maskUnknownYear(out[k].value)
        out[k].anchoredValue = out[k].anchoredValue.map(TimexResolver.maskUnknownYear)
      }
    }
    return out
  }

  /// "the first nine months", "the latest six months": a report's part of a year, from its
  /// start. The year it falls in becomes the period under discussion, so that "a year earlier"
  /// and "the 1988 period" after it are years, not the quarter discussed before.
  static func partOfYearReference(
    _ c: TimexCandidate, _ scanner: TimexScanner, reference: TimexResolver.Reference?,
    dct: TimexResolver.Anchor?, sentence: Int
  ) -> TimexResolver.Reference? {
    guard c.unit == .month, let n = c.count.flatMap({ Int($0) }), n > 3, n < 12,
      scanner.w(c.first) == "the", !["next", "past", "last", "coming"].contains(scanner.w(c.first + 1)),
      scanner.w(c.last + 1) != "of"  // "the first nine months of 1990" says its year
    else { return nil }
    let year: Int
    if let r = reference, r.granularity == .quarter {
      year = r.year
    } else if let dct, let m = dct.month {
      year = m > n ? dct.year : dct.year - 1  // the months reported have ended by then
    } else {
      return nil
    }
    var r = TimelineBuilder.reference(
      value: TimexFormat.pad4(year), granularity: .year, sentence: sentence)
    r?.partOfYear = true
    return r
  }

  /// A period a report compares with or looks ahead to, not the one it is about: "after a flat
  /// second quarter", "through the third quarter of 1990", "into the fourth quarter" (a
  /// future-tense clause is another sign: "will result in a fourth-quarter charge").
  static func isComparedOrForecast(_ c: TimexCandidate, _ scanner: TimexScanner) -> Bool {
    var k = c.first - 1
    while k >= 0 && k >= c.first - 3 {
      let w = scanner.w(k)
      if ["after", "following", "through", "until", "till", "into", "than", "unlike"].contains(w) {
        return true
      }
      if scanner.doc.tokens[k].kind != .word { return false }
      k -= 1
    }
    return false
  }

  /// "at 9:15 a.m. local time on Sunday": the clock time takes the day named just after it
  /// (TimeML tags the two apart, "on" being a signal). Wire copy puts the same time in another
  /// zone between them, "at 10:35 a.m. (0735 GMT) Friday": both take the day.
  static func attachClockTimesToDays(
    _ out: inout [TimeExpression], candidates: [TimexCandidate], scanner: TimexScanner
  ) {
    for k in candidates.indices.dropLast() where out[k].type == .time {
      guard case .time(let clock, nil) = candidates[k].meaning else { continue }
      var dayIndex = k + 1
      var j = candidates[k].last + 1
      // "at 4 in the morning (4 a.m. EDT Thursday)": the same time restated with its day
      if scanner.w(j) == "(", candidates[k + 1].first == j + 1,
        case .time(_, .some) = candidates[k + 1].meaning,
        scanner.w(candidates[k + 1].last + 1) == ")", let t = out[k + 1].value.firstIndex(of: "T")
      {
        out[k].value = String(out[k + 1].value[..<t]) + clock
        continue
      }
      if scanner.w(j) == "(", k + 2 < candidates.count, candidates[k + 1].first == j + 1,
        case .time(_, nil) = candidates[k + 1].meaning, scanner.w(candidates[k + 1].last + 1) == ")"
      {
        dayIndex = k + 2  // the time in parentheses, then the day
        j = candidates[k + 1].last + 2
      }
      guard out[dayIndex].granularity == .day else { continue }
      let start = j
      while j < candidates[dayIndex].first,
        ["on", ",", "local", "time", "of"].contains(scanner.w(j))
      {
        j += 1
      }
      guard j == candidates[dayIndex].first, j - start <= 3 else { continue }
      out[k].value = out[dayIndex].value + clock
      if dayIndex == k + 2, case .time(let other, nil) = candidates[k + 1].meaning {
        out[k + 1].value = out[dayIndex].value + other
      }
    }
  }

  /// When the last expression is the date a quarter ended ("the quarter ended July 31", "the
  /// third quarter ended Sept. 30"): the quarter's value. A quarter named only by the date is
  /// the three months up to it, named by the calendar quarter that holds most of them, the
  /// quarter of the month before the end (May-July: Q2; "ended Oct. 1", a quarter closed on a
  /// weekend: Q3); one named by its (fiscal) ordinal keeps it.
  static func endedPeriod(
    _ out: [TimeExpression], _ kept: [TimexCandidate], _ scanner: TimexScanner
  ) -> String? {
    let n = kept.count
    guard n >= 2 else { return nil }
    let p = kept[n - 2]
    let c = kept[n - 1]
    guard ["ended", "ending"].contains(scanner.w(p.last + 1)), c.first == p.last + 2,
      out[n - 2].granularity == .quarter
    else { return nil }
    switch p.meaning {
    case .anaphoric(.quarter, 0), .latestQuarter: break  // named by the date
    default: return out[n - 2].value.contains("X") ? nil : out[n - 2].value
    }
    guard out[n - 1].granularity == .day || out[n - 1].granularity == .month,
      let a = TimexResolver.Anchor(out[n - 1].value), a.yearKnown, let m = a.month
    else { return nil }
    let total = a.year * 12 + (m - 1) - 1  // the month before the end
    return "\(TimexFormat.pad4(total / 12))-Q\((total % 12) / 3 + 1)"
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
