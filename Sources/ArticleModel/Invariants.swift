import Foundation

/// The properties every analysis must have, whatever the input: checked by the property tests
/// and by the fuzzer (which turns a violation into a crash it keeps).
public enum Invariants {
  /// Loads bytes as an article file would be loaded (or, when they are refused as binary, decodes
  /// them anyway to exercise what lies beneath), analyses them, writes both reports, and returns
  /// the broken invariants. The fuzzer and the crash-regression tests run exactly this.
  public static func check(bytes data: [UInt8]) -> [String] {
    let bytes = Data(data)
    let doc = (try? ArticleLoader.document(from: bytes, name: "fuzz"))
      ?? Document(name: "fuzz", scalars: TextDecoding.decode(bytes))
    let analysis = Analysis(document: doc)
    var problems = violations(of: analysis) + violations(of: doc.metadata).map { "metadata: " + $0 }
    _ = Report.json(analysis)
    _ = Report.text(analysis)
    // The web paths, whatever the content looks like: the bytes read as a page, and as a feed
    // (each of its first items).
    if doc.metadata?.format != "html" {
      let page = Analysis(document: ArticleLoader.htmlDocument(bytes, name: "fuzz.html"))
      problems += violations(of: page).map { "as a page: " + $0 }
      problems += violations(of: page.document.metadata).map { "page metadata: " + $0 }
      _ = Report.json(page)
    }
    if let feed = ArticleLoader.feed(from: bytes) {
      for (i, item) in feed.items.prefix(4).enumerated() {
        let a = Analysis(document: ArticleLoader.itemDocument(item, index: i, feedName: "fuzz", feed: feed))
        problems += violations(of: a).map { "feed item \(i): " + $0 }
        problems += violations(of: a.document.metadata).map { "feed item \(i) metadata: " + $0 }
        _ = Report.json(a)
      }
    }
    return problems
  }

  /// The web side alone, for the fast fuzz target (`make fuzz-web`): telling the format, the
  /// charset detection and decoding, libxml2's HTML parser and the extractor, the metadata, the
  /// feed reader, and the documents built from a page, a feed's list and its items (structure,
  /// sentences, tokens). The analysis of their text (entities, time expressions) is what `check`
  /// fuzzes; here it is left out, which makes an execution about a hundred times cheaper.
  public static func checkWeb(bytes data: [UInt8]) -> [String] {
    let bytes = Data(data)
    _ = ArticleLoader.format(of: bytes, name: "fuzz")
    let page = ArticleLoader.htmlDocument(bytes, name: "fuzz.html")
    var problems = violations(of: page).map { "as a page: " + $0 }
    problems += violations(of: page.metadata).map { "page metadata: " + $0 }
    if let feed = ArticleLoader.feed(from: bytes) {
      problems += violations(of: ArticleLoader.feedListing(feed, name: "fuzz")).map { "feed list: " + $0 }
      for (i, item) in feed.items.enumerated() {
        let d = ArticleLoader.itemDocument(item, index: i, feedName: "fuzz", feed: feed)
        problems += violations(of: d).map { "feed item \(i): " + $0 }
        problems += violations(of: d.metadata).map { "feed item \(i) metadata: " + $0 }
      }
    }
    return problems
  }

  /// What a page or feed item says about itself: one line of safe text per field, and a
  /// publication date that is a real calendar date (YYYY-MM-DD or YYYY-MM).
  public static func violations(of m: DocumentMetadata?) -> [String] {
    guard let m else { return [] }
    var out: [String] = []
    let fields = [m.headline, m.siteName, m.canonicalURL, m.published, m.publishedFrom] + m.authors.map { $0 }
    for f in fields.compactMap({ $0 }) {
      if let bad = f.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
        out.append("control U+\(String(bad.value, radix: 16)) in \(f.debugDescription)")
      }
    }
    if let p = m.published {
      let parts = p.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
      let ok =
        (p.count == 7 || p.count == 10) && parts.allSatisfy { $0 != nil }
        && (parts.count == 2 ? (1...12).contains(parts[1]!)
          : parts.count == 3 && CalendarDate.isValid(parts[0]!, parts[1]!, parts[2]!))
      if !ok { out.append("published \(p.debugDescription) is not a calendar date") }
    }
    return out
  }

  /// A description of each broken invariant; empty when all hold.
  public static func violations(of a: Analysis) -> [String] {
    var out = violations(of: a.document)
    let d = a.document
    let n = d.scalars.count
    func inside(_ s: Span, _ what: String) {
      if s.start < 0 || s.end > n || s.start > s.end { out.append("\(what) \(s) outside 0..<\(n)") }
    }
    var mentions: [Span] = []
    for e in a.entities {
      if e.mentions.isEmpty { out.append("entity \(e.name) without mentions") }
      for m in e.mentions {
        inside(m, "mention of \(e.name)")
        mentions.append(m)
      }
    }
    mentions.sort()
    for i in mentions.indices.dropFirst() where mentions[i].start < mentions[i - 1].end {
      out.append("mentions \(mentions[i - 1]) and \(mentions[i]) overlap")
    }
    for t in a.timeExpressions { inside(t.span, "time expression") }
    // The timeline: dated entries first, in chronological order; then the undated ones.
    var seenUndated = false
    var lastStart = Int.min
    for e in a.timeline {
      inside(e.span, "timeline entry")
      inside(e.sentence, "timeline sentence")
      if e.isDated {
        guard let interval = TimelineBuilder.interval(of: e.value) else {
          out.append("dated timeline entry \(e.value) has no calendar interval")
          continue
        }
        if seenUndated { out.append("dated timeline entry \(e.value) after an undated one") }
        if interval.0 < lastStart { out.append("timeline not chronological at \(e.value)") }
        lastStart = interval.0
      } else {
        seenUndated = true
      }
    }
    return out
  }

  /// The document's own invariants: no control character in the text; tokens, sentences and
  /// paragraphs inside it, in order, each sentence in its paragraph, every token in a sentence.
  public static func violations(of d: Document) -> [String] {
    let n = d.scalars.count
    var out: [String] = []
    func inside(_ s: Span, _ what: String) {
      if s.start < 0 || s.end > n || s.start > s.end { out.append("\(what) \(s) outside 0..<\(n)") }
    }
    for s in d.scalars {
      let v = s.value
      if (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x0D {
        out.append("control U+\(String(v, radix: 16)) in the text")
        break
      }
    }
    var last = 0
    for (i, t) in d.tokens.enumerated() {
      inside(t.span, "token \(i)")
      if t.start >= t.end { out.append("empty token \(i)") }
      if t.start < last { out.append("token \(i) overlaps or is out of order") }
      last = t.end
    }
    last = 0
    for (i, s) in d.sentences.enumerated() {
      inside(s.span, "sentence \(i)")
      if s.span.start < last { out.append("sentence \(i) out of order") }
      last = s.span.end
      if s.paragraph >= d.paragraphs.count || !d.paragraphs[s.paragraph].span.contains(s.span) {
        out.append("sentence \(i) outside its paragraph")
      }
      if s.tokens.upperBound > d.tokens.count { out.append("sentence \(i) token range out of bounds") }
    }
    // sentences cover every token
    var covered = 0
    for s in d.sentences { covered += s.tokens.count }
    if covered != d.tokens.count { out.append("sentences cover \(covered) of \(d.tokens.count) tokens") }
    for (i, p) in d.paragraphs.enumerated() { inside(p.span, "paragraph \(i)") }
    return out
  }
}
