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
    var problems = violations(of: analysis)
    _ = Report.json(analysis)
    _ = Report.text(analysis)
    // The web paths, whatever the content looks like: the bytes read as a page, and as a feed
    // (each of its first items).
    if doc.metadata?.format != "html" {
      let page = Analysis(document: ArticleLoader.htmlDocument(bytes, name: "fuzz.html"))
      problems += violations(of: page).map { "as a page: " + $0 }
      _ = Report.json(page)
    }
    if let feed = ArticleLoader.feed(from: bytes) {
      for (i, item) in feed.items.prefix(4).enumerated() {
        let a = Analysis(document: ArticleLoader.itemDocument(item, index: i, feedName: "fuzz", feed: feed))
        problems += violations(of: a).map { "feed item \(i): " + $0 }
        _ = Report.json(a)
      }
    }
    return problems
  }

  /// A description of each broken invariant; empty when all hold.
  public static func violations(of a: Analysis) -> [String] {
    let d = a.document
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
}
