import Foundation

/// Finds the document creation time (DCT) that relative expressions are resolved against.
///
/// In order: the date given on the command line; the publication date a web page or feed item
/// states about itself (its metadata: JSON-LD, `article:published_time`, `<time>`, the address,
/// a feed's `pubDate`); a date in the dateline ("WASHINGTON, March 3, 2013 (AP) —"); a metadata line ("Date: 2013-03-22",
/// "Published: March 22, 2013"); a date in the file name ("20130322", "2013-03-22"); else the
/// year of the latest explicit date in the text, marked inferred (only the year: an article is
/// written after the dates it reports, but how long after is unknown). With none, no date.
enum DocumentDateFinder {
  static let metadataKeys: [String] = [
    "publication date", "last updated", "first published", "published on", "posted on",
    "updated on", "date", "published", "updated", "posted", "dateline",
  ]

  static func documentDate(
    for doc: Document, given: String?, year givenYear: Int? = nil,
    scan: TemporalTagger.Scan? = nil
  ) -> DocumentDate? {
    // What the text says of its own year, weighed at most once and only when needed.
    var weighed: Inference??
    func inference() -> Inference? {
      if let i = weighed { return i }
      let i = infer(scan ?? TemporalTagger.Scan(doc))
      weighed = .some(i)
      return i
    }
    if let given, TimexResolver.Anchor(given) != nil {
      return DocumentDate(value: given, source: .given, evidence: ["given: \(given)"])
    }
    if let published = doc.metadata?.published {
      let from = doc.metadata?.publishedFrom.map { " (\($0))" } ?? ""
      return DocumentDate(value: published, source: .metadata, evidence: ["published\(from): \(published)"])
    }
    let fileDate = fromName(doc.name)
    if let span = doc.dateline?.date, let (y, m, d) = parse(doc.string(span)), let m {
      let said = "dateline: " + doc.string(span).trimmingSpaces()
      if let y {
        return DocumentDate(value: format(y, m, d), source: .dateline, evidence: [said])
      }
      if let f = fileDate, let fy = Int(f.prefix(4)) {
        return DocumentDate(
          value: format(fy, m, d), source: .dateline, evidence: [said, "year from the file name: \(f)"])
      }
      if let givenYear {
        return DocumentDate(
          value: format(givenYear, m, d), source: .given, evidence: [said, "year given: \(givenYear)"])
      }
      // "WASHINGTON, March 3 (AP) -" with no year: the text's evidence may give one.
      let inf = inference()
      if let inf, inf.good {
        let y = inf.year(month: m, day: d)
        return DocumentDate(
          value: format(y, m, d), source: .inferred, evidence: [said] + inf.evidence)
      }
      return DocumentDate(
        value: "XXXX-" + TimexFormat.pad2(m) + (d.map { "-" + TimexFormat.pad2($0) } ?? ""),
        source: .dateline, evidence: [said, "year unknown"] + (inf?.evidence ?? []))
    }
    if let meta = fromMetadata(doc) {
      return DocumentDate(value: meta, source: .metadata, evidence: ["metadata line: \(meta)"])
    }
    if let f = fileDate {
      return DocumentDate(value: f, source: .filename, evidence: ["file name: \(doc.name)"])
    }
    if let givenYear {
      return DocumentDate(
        value: TimexFormat.pad4(givenYear), source: .given, evidence: ["year given: \(givenYear)"])
    }
    if let inf = inference() {
      if inf.good {
        return DocumentDate(
          value: TimexFormat.pad4(inf.lower.year), source: .inferred, evidence: inf.evidence)
      }
      return DocumentDate(value: "XXXX", source: .inferred, evidence: inf.evidence + ["year unknown"])
    }
    return nil
  }

  static func format(_ y: Int, _ m: Int?, _ d: Int?) -> String {
    var s = TimexFormat.pad4(y)
    if let m {
      s += "-" + TimexFormat.pad2(m)
      if let d { s += "-" + TimexFormat.pad2(d) }
    }
    return s
  }

  // MARK: - File name

  /// "20130322", "2013-03-22", "2013_03_22" in the file name (or a "/2013/03/22/" path).
  static func fromName(_ name: String) -> String? {
    let u = Array(name.utf8)
    func digits(_ a: Int, _ n: Int) -> Int? {
      guard a >= 0, a + n <= u.count else { return nil }
      var v = 0
      for k in a..<(a + n) {
        guard u[k] >= 48 && u[k] <= 57 else { return nil }
        v = v * 10 + Int(u[k] - 48)
      }
      return v
    }
    func isDigit(_ k: Int) -> Bool { k >= 0 && k < u.count && u[k] >= 48 && u[k] <= 57 }
    var best: String?
    var k = 0
    while k + 8 <= u.count {
      if !isDigit(k - 1), let y = digits(k, 4), y >= 1900, y <= 2099 {
        // yyyymmdd
        if let m = digits(k + 4, 2), let d = digits(k + 6, 2), !isDigit(k + 8),
          CalendarDate.isValid(y, m, d)
        {
          best = format(y, m, d)
        } else if k + 10 <= u.count, [45, 95, 47, 46].contains(u[k + 4]), u[k + 7] == u[k + 4],
          let m = digits(k + 5, 2), let d = digits(k + 8, 2), !isDigit(k + 10),
          CalendarDate.isValid(y, m, d)
        {
          best = format(y, m, d)
        }
      }
      k += 1
    }
    return best
  }

  // MARK: - Metadata lines

  /// A "Date:" or "Published:" line among the first lines of the text.
  static func fromMetadata(_ doc: Document) -> String? {
    let limit = min(doc.scalars.count, 3000)
    var lineStart = 0
    var k = 0
    var lines = 0
    while k <= limit && lines < 30 {
      if k == limit || doc.scalars[k] == "\n" {
        // Lower-cased only where it can matter: most lines are long paragraphs that start
        // with no key (keys are at most 16 characters) and are too long to be a bare date.
        let raw = doc.string(Span(lineStart, k)).trimmingSpaces()
        let head = String(raw.prefix(20)).lowercased()
        for key in metadataKeys where head.hasPrefix(key) {
          var rest = Substring(raw.lowercased().dropFirst(key.count))
          guard rest.first == ":" || rest.first == " " else { continue }
          rest = rest.drop { $0 == ":" || $0 == " " }
          if let (y, m, d) = parse(String(rest)), let y, m != nil { return format(y, m, d) }
        }
        // A short line near the top that is only a full date: "Friday, 22 March 2013".
        if lines < 6, raw.dropFirst(40).isEmpty {
          let line = raw.lowercased()
          if let (y, m, d) = parse(line), let y, m != nil, d != nil, isOnlyDate(line) {
            return format(y, m, d)
          }
        }
        lineStart = k + 1
        lines += 1
      }
      k += 1
    }
    return nil
  }

  /// Whether a line holds nothing but a date (weekday, day, month, year, time, zone).
  static func isOnlyDate(_ line: String) -> Bool {
    var words = 0
    for w in line.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
      let s = String(w)
      words += 1
      if Int(s) != nil || TimeLexicon.months[s] != nil || TimeLexicon.weekdays[s + "."] != nil
        || TimeLexicon.weekdays[s] != nil || TimeLexicon.ordinal(s) != nil
        || TimexScanner.timeZones.contains(s) || s == "am" || s == "pm"
      {
        continue
      }
      return false
    }
    return words >= 3
  }

  /// Reads a date from a short string: "2013-03-22", "March 22, 2013", "22 March 2013",
  /// "Friday, 22 March 2013 10:00 GMT", "March 3". The year may be missing.
  static func parse(_ text: String) -> (Int?, Int?, Int?)? {
    var words: [String] = []
    var current = ""
    for ch in text.lowercased() {
      if ch.isLetter || ch.isNumber || ch == "-" || ch == "/" {
        current.append(ch)
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var year: Int?
    var month: Int?
    var day: Int?
    for w in words.prefix(8) {
      let parts = w.split(separator: "-")
      if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
        let d = Int(parts[2].prefix(2)), CalendarDate.isValid(y, m, d)
      {
        return (y, m, d)
      }
      if let m = TimeLexicon.months[w] ?? TimeLexicon.months[w + "."], month == nil {
        month = m
      } else if let n = Int(w) {
        if w.count == 4, n >= 1900, n <= 2099, year == nil {
          year = n
        } else if w.count <= 2, n >= 1, n <= 31, day == nil {
          day = n
        }
      } else if let n = TimeLexicon.ordinal(w), n <= 31, day == nil {
        day = n
      }
    }
    if month == nil && year == nil { return nil }
    if let y = year, let m = month, let d = day, !CalendarDate.isValid(y, m, d) {
      return (y, m, nil)
    }
    return (year, month, month == nil ? nil : day)
  }

  // MARK: - Inference

  /// What the text tells of its own date: a lower bound (an article is written after the past
  /// it reports), and whether the bound is good enough to stand for the year.
  struct Inference {
    /// The earliest day the article can be from.
    var lower: CalendarDate
    /// Whether the bound is likely the year itself: the year is said more than once, in the
    /// first sentences, with a month or a full date, or set against "last year" in one
    /// sentence.
    var good: Bool
    var evidence: [String]

    /// The first date on or after the bound with that month (and day).
    func year(month: Int, day: Int?) -> Int {
      let y = lower.year
      let d = min(day ?? 1, CalendarDate.daysIn(month: month, year: y))
      if day == nil {
        return CalendarDate(y, month, 1).adding(months: 1).dayNumber > lower.dayNumber ? y : y + 1
      }
      return CalendarDate(y, month, d).dayNumber >= lower.dayNumber ? y : y + 1
    }
  }

  /// The evidence of the explicit dates outside future-tense and hypothetical clauses ("will
  /// be finished by 2030" says nothing of when the article was written), weighed: the latest
  /// of them bounds the date from below ("since December 31, 1986": not before 1987), and a
  /// year set against "last year" in one sentence ("2.5 pct last year after 1.9 pct in 1985")
  /// puts last year after it (not before 1987). One mention of a past year deep in the text
  /// ("a referendum in 2003") is only a bound: the year stays unknown.
  static func infer(_ scan: TemporalTagger.Scan) -> Inference? {
    let scanner = scan.scanner
    let doc = scanner.doc
    // An article is not written after today: later years are plans and forecasts.
    let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
    var best: CalendarDate?
    var bestNote = ""
    var mentions: [Int: Int] = [:]
    var early: Set<Int> = []
    var sentence = 0
    var cache = TenseCue.Cache(count: doc.tokens.count)
    var lastYearSentences: Set<Int> = []
    for c in scan.candidates {
      var isLastYear = false
      switch c.meaning {
      case .calendar(.relative(-1), nil, nil), .relative(.year, -1): isLastYear = true
      default: break
      }
      if isLastYear {
        var s = 0
        while s < doc.sentences.count && doc.sentences[s].tokens.upperBound <= c.first { s += 1 }
        lastYearSentences.insert(s)
      }
    }
    func quote(_ c: TimexCandidate) -> String {
      let a = max(0, c.first - 2)
      let b = min(doc.tokens.count - 1, c.last)
      return doc.string(Span(doc.tokens[a].start, doc.tokens[b].end))
        .split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
    var bestStrong = false
    func raise(_ d: CalendarDate, _ note: String, strong: Bool) {
      if best == nil || d.dayNumber > best!.dayNumber || (d == best! && strong) {
        best = d
        bestNote = note
        bestStrong = strong
      }
    }
    for c in scan.candidates {
      guard case .calendar(.explicit(let y), let m, let d) = c.meaning else { continue }
      while sentence < doc.sentences.count && doc.sentences[sentence].tokens.upperBound <= c.first {
        sentence += 1
      }
      let range =
        sentence < doc.sentences.count ? doc.sentences[sentence].tokens : c.first..<(c.last + 1)
      if y > thisYear || y < 1000 { continue }
      if TenseCue.tense(scanner, first: c.first, last: c.last, sentence: range, cache: &cache)
        == .future
      {
        continue
      }
      if TenseCue.isHypothetical(scanner, first: c.first, sentence: range) { continue }
      mentions[y, default: 0] += 1
      if sentence < 2 { early.insert(y) }
      var day = CalendarDate(y, m ?? 1, 1)
      // a month or a day named with its year is a precise, usually recent, reference
      var isFull = m != nil
      if let m, let d, CalendarDate.isValid(y, m, d) {
        day = CalendarDate(y, m, d)
        isFull = true
        // "since December 31, 1986": the article is from a later day
        if scanner.w(c.first - 1) == "since" { day = day.adding(days: 1) }
      }
      raise(day, "not before \(day.iso): '\(quote(c))'", strong: isFull)
      // "rose 2.5 pct last year after 1.9 pct in 1985": last year came after 1985
      if m == nil, lastYearSentences.contains(sentence), scanner.w(c.first - 1) == "in" {
        let bound = CalendarDate(y + 2, 1, 1)
        raise(bound, "not before \(y + 2): '\(quote(c))' set against 'last year'", strong: true)
      }
    }
    guard let best else { return nil }
    let y = best.year
    let good = bestStrong || (mentions[y] ?? 0) >= 2 || early.contains(y)
    return Inference(lower: best, good: good, evidence: [bestNote])
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
