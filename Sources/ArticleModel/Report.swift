/// Writes an analysis as JSON or plain text for scripts (`lede dump`, `lede FILE | cat`).
public enum Report {
  // MARK: - JSON

  /// The whole analysis as one JSON object. Offsets are Unicode scalar offsets, end exclusive.
  public static func json(_ a: Analysis) -> String {
    let d = a.document
    var w = JSONWriter()
    w.open("{")
    w.key("text"); w.string(d.text)
    w.key("source"); w.optionalString(d.source)
    w.key("title"); w.optionalString(d.title)
    // What a web page or feed item says about itself (null for plain text).
    w.key("metadata")
    if let m = d.metadata {
      w.open("{")
      w.key("format"); w.string(m.format)
      w.key("headline"); w.optionalString(m.headline)
      w.key("published"); w.optionalString(m.published)
      w.key("publishedFrom"); w.optionalString(m.publishedFrom)
      w.key("authors")
      w.open("[")
      for a in m.authors { w.element(); w.string(a) }
      w.close("]")
      w.key("siteName"); w.optionalString(m.siteName)
      w.key("canonicalURL"); w.optionalString(m.canonicalURL)
      w.close("}")
    } else {
      w.raw("null")
    }
    w.key("documentDate")
    if let date = a.documentDate {
      w.open("{")
      w.key("value"); w.string(date.value)
      w.key("source"); w.string(date.source.rawValue)
      w.key("display"); w.string(date.display)
      w.key("evidence")
      w.open("[")
      for e in date.evidence { w.element(); w.string(e) }
      w.close("]")
      w.close("}")
    } else {
      w.raw("null")
    }
    w.key("paragraphs")
    w.open("[")
    for p in d.paragraphs { w.element(); w.spanObject(p.span, kind: p.kind.rawValue) }
    w.close("]")
    w.key("sentences")
    w.open("[")
    for s in d.sentences { w.element(); w.spanObject(s.span, kind: s.kind.rawValue) }
    w.close("]")
    w.key("entities")
    w.open("[")
    for e in a.entities {
      w.element()
      w.open("{")
      w.key("name"); w.string(e.name)
      w.key("type"); w.string(e.type.rawValue)
      w.key("aliases")
      w.open("[")
      for alias in e.aliases { w.element(); w.string(alias) }
      w.close("]")
      w.key("mentions")
      w.open("[")
      for m in e.mentions {
        w.element()
        w.open("{")
        w.key("start"); w.raw(String(m.start))
        w.key("end"); w.raw(String(m.end))
        w.key("text"); w.string(d.string(m))
        w.close("}")
      }
      w.close("]")
      w.close("}")
    }
    w.close("]")
    w.key("timeline")
    w.open("[")
    for t in a.timeline {
      w.element()
      w.open("{")
      w.key("value"); w.string(t.value)
      w.key("words")
      w.string(TimexWords.describe(t, in: a))
      w.key("type"); w.string(t.type.rawValue)
      w.key("text"); w.string(d.string(t.span))
      w.key("start"); w.raw(String(t.span.start))
      w.key("end"); w.raw(String(t.span.end))
      w.key("approximate"); w.raw(t.approximate ? "true" : "false")
      w.key("granularity"); w.string(t.granularity.rawValue)
      w.key("sentence"); w.spanObject(t.sentence, kind: nil)
      w.close("}")
    }
    w.close("]")
    // Every time expression, durations included (the timeline holds only the events).
    w.key("timeExpressions")
    w.open("[")
    for t in a.timeExpressions {
      w.element()
      w.open("{")
      w.key("type"); w.string(t.type.rawValue)
      w.key("value"); w.string(t.value)
      w.key("words")
      w.string(TimexWords.describe(t, in: a))
      w.key("text"); w.string(d.string(t.span))
      w.key("start"); w.raw(String(t.span.start))
      w.key("end"); w.raw(String(t.span.end))
      w.key("mod"); w.optionalString(t.mod)
      w.key("ambiguousDayMonth"); w.raw(t.ambiguousDayMonth ? "true" : "false")
      w.close("}")
    }
    w.close("]")
    w.close("}")
    return w.output + "\n"
  }

  // MARK: - Text

  /// The article as plain text, then its entities and timeline when there are any.
  public static func text(_ a: Analysis) -> String {
    let d = a.document
    var out = ""
    for p in d.paragraphs {
      if !out.isEmpty { out += "\n" }
      out += d.string(p.span)
      out += "\n"
    }
    if !a.entities.isEmpty {
      out += "\nEntities\n"
      for e in a.entities {
        out += "  \(e.type.rawValue.padding(13)) \(e.name) (\(e.mentions.count))\n"
      }
    }
    if !a.timeline.isEmpty {
      out += "\nTimeline\n"
      out += timelineText(a)
    }
    return out
  }

  /// The timeline, one entry a line: value ("~" when approximate), granularity or kind, the
  /// expression, and its sentence. Dated entries first, in order; then sets and vague ones.
  public static func timelineText(_ a: Analysis) -> String {
    let d = a.document
    var out = ""
    var inUndated = false
    for t in a.timeline {
      if !t.isDated && !inUndated {
        inUndated = true
        if !out.isEmpty { out += "\n" }
      }
      let value = (t.approximate ? "~" : "") + t.value
      let kind = t.isDated ? t.granularity.rawValue : (t.type == .set ? "repeats" : "vague")
      // A very long "sentence" (a text without full stops) is shown around the expression.
      var shown = t.sentence
      var cut = (false, false)
      if shown.length > 400 {
        shown = Span(max(shown.start, t.span.start - 150), min(shown.end, t.span.end + 150))
        cut = (shown.start > t.sentence.start, shown.end < t.sentence.end)
      }
      let sentence = (cut.0 ? "…" : "") + d.string(shown).replacingNewlines() + (cut.1 ? "…" : "")
      out += "  \(value.padding(12)) \(kind.padding(8)) \(d.string(t.span).replacingNewlines())"
      out += "  | \(sentence)\n"
    }
    return out
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
  }
}

/// A small streaming JSON writer into UTF-8 bytes: keys in a fixed order, strings escaped per
/// RFC 8259. (Appending to a String.UnicodeScalarView was quadratic on a 3 MB text.)
package struct JSONWriter {
  private var bytes: [UInt8] = []
  private var needsComma: [Bool] = []

  package init() {}

  package var output: String { String(decoding: bytes, as: UTF8.self) }

  package mutating func open(_ bracket: String) {
    bytes.append(contentsOf: bracket.utf8)
    needsComma.append(false)
  }

  package mutating func close(_ bracket: String) {
    bytes.append(contentsOf: bracket.utf8)
    needsComma.removeLast()
  }

  mutating func separate() {
    if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
    if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
  }

  package mutating func key(_ k: String) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: k.utf8)
    bytes.append(contentsOf: "\":".utf8)
  }

  package mutating func element() { separate() }

  package mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  mutating func optionalString(_ s: String?) {
    if let s { string(s) } else { raw("null") }
  }

  mutating func spanObject(_ span: Span, kind: String?) {
    open("{")
    key("start"); raw(String(span.start))
    key("end"); raw(String(span.end))
    if let kind { key("kind"); string(kind) }
    close("}")
  }

  package mutating func string(_ s: String) {
    bytes.reserveCapacity(bytes.count + s.utf8.count + 2)
    bytes.append(UInt8(ascii: "\""))
    for c in s.unicodeScalars {
      switch c {
      case "\"": bytes.append(contentsOf: "\\\"".utf8)
      case "\\": bytes.append(contentsOf: "\\\\".utf8)
      case "\n": bytes.append(contentsOf: "\\n".utf8)
      case "\t": bytes.append(contentsOf: "\\t".utf8)
      case "\r": bytes.append(contentsOf: "\\r".utf8)
      default:
        let v = c.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029 {
          let hex = String(v, radix: 16)
          bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        } else if v < 0x80 {
          bytes.append(UInt8(v))
        } else {
          bytes.append(contentsOf: UTF8.encode(c)!)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
