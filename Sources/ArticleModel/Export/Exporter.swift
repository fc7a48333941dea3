import Foundation

/// The analysis in the formats other tools read (`lede export`): CSV for spreadsheets, CoNLL for
/// NER tools, brat standoff for annotators, TimeML for temporal tools, and a self-contained HTML
/// page for people. Offsets are Unicode scalar offsets into the normalised text, as in the JSON.
public enum Exporter {
  // MARK: - CSV

  /// The CSV header: one row per entity mention and per time expression.
  public static let csvHeader = "file,kind,type,name,value,start,end,text\r\n"

  /// Rows (RFC 4180, CRLF) for one article: entity mentions in text order, then time expressions.
  public static func csvRows(_ a: Analysis, file: String) -> String {
    let d = a.document
    var rows: [(Int, String)] = []
    for e in a.entities {
      for m in e.mentions {
        rows.append(
          (
            m.start,
            [file, "entity", e.type.rawValue, e.name, "", String(m.start), String(m.end), d.string(m)]
              .map(csvField).joined(separator: ",")
          ))
      }
    }
    rows.sort { $0.0 < $1.0 }
    var out = rows.map { $0.1 + "\r\n" }.joined()
    for t in a.timeExpressions {
      out +=
        [
          file, "time", t.type.rawValue, "", t.value, String(t.span.start), String(t.span.end),
          d.string(t.span),
        ].map(csvField).joined(separator: ",") + "\r\n"
    }
    return out
  }

  static func csvField(_ s: String) -> String {
    let clean = oneLine(s)
    guard clean.contains(where: { $0 == "," || $0 == "\"" }) else { return clean }
    return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Line breaks and tabs inside a field become spaces (a mention can span a line break).
  static func oneLine(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
  }

  // MARK: - CoNLL

  /// The CoNLL-2003 four labels, IOB2: PERSON → PER, ORGANIZATION → ORG, PLACE → LOC, GROUP,
  /// EVENT and MISC → MISC. Money, percentages and quantities are not CoNLL names: O.
  public static func conllLabel(_ t: EntityType) -> String? {
    switch t {
    case .person: return "PER"
    case .organization: return "ORG"
    case .place: return "LOC"
    case .group, .event, .misc: return "MISC"
    case .money, .percent, .quantity: return nil
    }
  }

  /// One token a line with its IOB2 tag, a blank line between sentences, a -DOCSTART- line first.
  public static func conll(_ a: Analysis) -> String {
    let d = a.document
    // The label of every token inside a mention; B- on the first token of each mention.
    var labels = [String?](repeating: nil, count: d.tokens.count)
    var begins = [Bool](repeating: false, count: d.tokens.count)
    for e in a.entities {
      guard let label = conllLabel(e.type) else { continue }
      for m in e.mentions {
        var first = true
        var i = d.tokenIndex(atOrAfter: m.start)
        while i < d.tokens.count, d.tokens[i].start < m.end {
          if d.tokens[i].end <= m.end {
            labels[i] = label
            begins[i] = first
            first = false
          }
          i += 1
        }
      }
    }
    var out = "-DOCSTART- O\n\n"
    for s in d.sentences {
      var wrote = false
      for i in s.tokens {
        let word = oneLine(d.string(d.tokens[i])).replacingOccurrences(of: " ", with: "_")
        guard !word.isEmpty else { continue }
        let tag = labels[i].map { (begins[i] ? "B-" : "I-") + $0 } ?? "O"
        out += "\(word) \(tag)\n"
        wrote = true
      }
      if wrote { out += "\n" }
    }
    return out
  }

  // MARK: - brat standoff

  /// The .ann lines: a text-bound annotation per entity mention (type = entity type) and per
  /// time expression (TIMEX3), the TIMEX3 value in an AnnotatorNotes line. Offsets refer to the
  /// normalised text (`Analysis.document.text`), which is what `lede export -o DIR` writes as .txt.
  public static func brat(_ a: Analysis) -> String {
    let d = a.document
    var items: [(Span, String, String?)] = []
    for e in a.entities {
      for m in e.mentions { items.append((m, e.type.rawValue.capitalized, nil)) }
    }
    for t in a.timeExpressions { items.append((t.span, "TIMEX3", t.type.rawValue + " " + t.value)) }
    items.sort { $0.0.start != $1.0.start ? $0.0.start < $1.0.start : $0.0.end < $1.0.end }
    var out = ""
    var note = 0
    for (k, item) in items.enumerated() {
      let id = "T\(k + 1)"
      // brat writes a discontinuous span as "start end;start end": a mention across a line
      // break is cut at the break, as brat's own tool does.
      let fragments = lineFragments(item.0, in: d)
      let offsets = fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
      let text = fragments.map { d.string($0) }.joined(separator: " ")
      out += "\(id)\t\(item.1) \(offsets)\t\(text)\n"
      if let n = item.2 {
        note += 1
        out += "#\(note)\tAnnotatorNotes \(id)\t\(n)\n"
      }
    }
    return out
  }

  static func lineFragments(_ span: Span, in d: Document) -> [Span] {
    var out: [Span] = []
    var start = span.start
    for i in span.start..<span.end where d.scalars[i] == "\n" {
      if i > start { out.append(Span(start, i)) }
      start = i + 1
    }
    if span.end > start { out.append(Span(start, span.end)) }
    return out.isEmpty ? [span] : out
  }

  // MARK: - TimeML

  /// A TimeML document: the document date as the creation time, then the text with a TIMEX3
  /// element around every time expression (tid, type, value, mod).
  public static func timeml(_ a: Analysis) -> String {
    let d = a.document
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n"
    if let date = a.documentDate {
      out += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"\(xml(date.value))\" "
      out += "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
      out += "\(xml(date.value))</TIMEX3></DCT>\n"
    }
    out += "<TEXT>"
    var at = 0
    // Nested or overlapping expressions cannot be elements of one another: the first wins.
    for (k, t) in a.timeExpressions.sorted(by: { $0.span.start < $1.span.start }).enumerated()
    where t.span.start >= at {
      out += xml(d.string(Span(at, t.span.start)))
      out += "<TIMEX3 tid=\"t\(k + 1)\" type=\"\(t.type.rawValue)\" value=\"\(xml(t.value))\""
      if let mod = t.mod { out += " mod=\"\(xml(mod))\"" }
      out += ">\(xml(d.string(t.span)))</TIMEX3>"
      at = t.span.end
    }
    out += xml(d.string(Span(at, d.scalars.count)))
    out += "</TEXT>\n</TimeML>\n"
    return out
  }

  /// XML/HTML text and attribute escaping. Control characters were made visible at load time;
  /// any left (C0 but tab and newline) are dropped, as XML 1.0 cannot hold them.
  static func xml(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars {
      switch c {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      default:
        if c.value < 0x20 && c != "\n" && c != "\t" { continue }
        if (0x7F...0x9F).contains(c.value) { continue }
        out.append(c)
      }
    }
    return String(out)
  }

  // MARK: - HTML

  static let htmlColours: [EntityType: String] = [
    .person: "#1f6fd1", .organization: "#b3261e", .place: "#1e7d32", .group: "#8a4fbf",
    .event: "#b26a00", .misc: "#5f6b7a", .money: "#00796b", .percent: "#00796b",
    .quantity: "#00796b",
  ]

  /// A self-contained page (no script, no external resource): the article with each mention
  /// coloured by type (its entity's name in a tooltip), the timeline beside it in people's words
  /// with the exact value, and the entity list with counts.
  public static func html(_ a: Analysis) -> String {
    let d = a.document
    let title = xml(d.title ?? (d.name as NSString).lastPathComponent)
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="generator" content="lede">
      <title>\(title)</title>
      <style>
      body{font:16px/1.5 Georgia,serif;margin:0;color:#222;background:#fafafa}
      header{padding:12px 24px;background:#124;color:#fff;font-family:sans-serif}
      header h1{font-size:20px;margin:0} header p{margin:4px 0 0;font-size:13px;opacity:.85}
      main{display:flex;gap:24px;padding:16px 24px;align-items:flex-start}
      article{flex:3;max-width:46em;background:#fff;padding:8px 24px;border:1px solid #ddd}
      aside{flex:2;font-family:sans-serif;font-size:14px}
      aside section{background:#fff;border:1px solid #ddd;padding:8px 16px;margin-bottom:16px}
      h2{font-size:15px;margin:8px 0} h3{font-size:13px;margin:10px 0 4px;color:#555}
      .e{border-bottom:2px solid;padding:0 1px} .legend span{margin-right:10px}
      ol,ul{padding-left:18px;margin:4px 0} li{margin:3px 0} code{color:#666;font-size:12px}

      """
    for t in EntityType.allCases {
      out += ".t-\(t.rawValue.lowercased()){color:\(htmlColours[t]!);border-color:\(htmlColours[t]!)}\n"
    }
    out += "</style></head><body>\n<header><h1>\(title)</h1><p>"
    var facts: [String] = []
    if let s = d.source { facts.append(xml(s)) }
    if let date = a.documentDate {
      facts.append("dated \(xml(date.value)) (\(xml(date.source.rawValue)))")
    }
    facts.append("\(a.entities.count) entities, \(a.timeline.count) timeline entries")
    out += facts.joined(separator: " · ") + "</p></header>\n<main>\n<article>\n"
    out += articleBody(a)
    out += "</article>\n<aside>\n<section class=\"legend\"><h2>Entity types</h2>"
    for t in EntityType.allCases where a.entities.contains(where: { $0.type == t }) {
      out += "<span class=\"e t-\(t.rawValue.lowercased())\">\(t.rawValue.lowercased())</span> "
    }
    out += "</section>\n<section><h2>Timeline</h2><ol>\n"
    for t in a.timeline {
      let words = TimexWords.describe(t, in: a)
      out += "<li><b>\(xml(words))</b> <code>\(xml(t.value))</code><br>"
      out += "<small>\(xml(oneLine(d.string(t.sentence))))</small></li>\n"
    }
    out += "</ol></section>\n<section><h2>Entities</h2>\n"
    for t in EntityType.allCases {
      let group = a.entities.filter { $0.type == t }
      guard !group.isEmpty else { continue }
      out += "<h3>\(t.rawValue.lowercased()) (\(group.count))</h3><ul>\n"
      for e in group {
        out += "<li><span class=\"e t-\(t.rawValue.lowercased())\">\(xml(oneLine(e.name)))</span>"
        out += " \(e.mentions.count)"
        if !e.aliases.isEmpty {
          out += " <small>(\(xml(e.aliases.map(oneLine).joined(separator: ", "))))</small>"
        }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    out += "</section>\n</aside>\n</main>\n</body></html>\n"
    return out
  }

  /// The paragraphs as <p> (headings as <h2>), each mention in a coloured span.
  static func articleBody(_ a: Analysis) -> String {
    let d = a.document
    var marks: [(span: Span, entity: Entity)] = []
    for e in a.entities { for m in e.mentions { marks.append((m, e)) } }
    marks.sort { $0.span.start < $1.span.start }
    var k = 0
    var out = ""
    for p in d.paragraphs {
      let tag = p.kind == .heading || p.kind == .title ? "h2" : "p"
      out += "<\(tag)>"
      var at = p.span.start
      while k < marks.count, marks[k].span.start < p.span.end {
        let m = marks[k]
        k += 1
        guard m.span.start >= at, m.span.end <= p.span.end else { continue }
        out += xml(d.string(Span(at, m.span.start)))
        out += "<span class=\"e t-\(m.entity.type.rawValue.lowercased())\" "
        out += "title=\"\(xml(oneLine(m.entity.name))) (\(m.entity.type.rawValue.lowercased()))\">"
        out += xml(d.string(m.span)) + "</span>"
        at = m.span.end
      }
      out += xml(d.string(Span(at, p.span.end))).replacingOccurrences(of: "\n", with: "<br>\n")
      out += "</\(tag)>\n"
    }
    return out
  }
}
