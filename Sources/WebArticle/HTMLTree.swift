import CLibXML2

/// The tags the extractor tells apart; every other element is `.other`.
enum Tag: UInt8 {
  case other, html, head, body, title, meta, link, script, style, noscript, template, svg, math
  case iframe, object, embed, canvas, select, option, button, input, textarea, nav, footer, aside
  case header, figure, figcaption, form, p, div, section, article, main, span, a, br, hr
  case h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table, tr, td, th
  case tbody, thead, tfoot, caption, img, time, address, center, details, summary, dialog
  case label, picture, video, audio, source, menu, fieldset, legend, hgroup, inline

  static let byName: [String: Tag] = {
    var m: [String: Tag] = [:]
    let named: [(String, Tag)] = [
      ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta),
      ("link", .link), ("script", .script), ("style", .style), ("noscript", .noscript),
      ("template", .template), ("svg", .svg), ("math", .math), ("iframe", .iframe),
      ("object", .object), ("embed", .embed), ("canvas", .canvas), ("select", .select),
      ("option", .option), ("button", .button), ("input", .input), ("textarea", .textarea),
      ("nav", .nav), ("footer", .footer), ("aside", .aside), ("header", .header),
      ("figure", .figure), ("figcaption", .figcaption), ("form", .form), ("p", .p), ("div", .div),
      ("section", .section), ("article", .article), ("main", .main), ("span", .span), ("a", .a),
      ("br", .br), ("hr", .hr), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5),
      ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd),
      ("blockquote", .blockquote), ("pre", .pre), ("table", .table), ("tr", .tr), ("td", .td),
      ("th", .th), ("tbody", .tbody), ("thead", .thead), ("tfoot", .tfoot), ("caption", .caption),
      ("img", .img), ("time", .time), ("address", .address), ("center", .center),
      ("details", .details), ("summary", .summary), ("dialog", .dialog), ("label", .label),
      ("picture", .picture), ("video", .video), ("audio", .audio), ("source", .source),
      ("menu", .menu), ("fieldset", .fieldset), ("legend", .legend), ("hgroup", .hgroup),
    ]
    for (k, v) in named { m[k] = v }
    for k in [
      "em", "strong", "b", "i", "u", "small", "sup", "sub", "font", "code", "abbr", "cite", "q",
      "mark", "s", "strike", "del", "ins", "kbd", "var", "tt", "big", "bdi", "bdo", "dfn", "wbr",
      "data", "nobr", "samp",
    ] { m[k] = .inline }
    return m
  }()

  /// Elements whose content is never article text.
  var isDropped: Bool {
    switch self {
    case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
      .select, .option, .button, .input, .textarea, .head, .title, .meta, .link, .nav, .aside,
      .figcaption, .dialog, .video, .audio, .source, .picture, .img, .label, .legend, .menu:
      return true
    default: return false
    }
  }

  /// Elements that start a new block of text (everything that is not inline).
  var isBlock: Bool {
    switch self {
    case .a, .span, .inline, .time, .br, .img, .other: return false
    default: return true
    }
  }

  var isHeading: Bool {
    switch self {
    case .h1, .h2, .h3, .h4, .h5, .h6: return true
    default: return false
    }
  }
}

/// Tags by the address of their name: libxml2 interns names in the document's dictionary, so
/// one page has few distinct addresses, and a lookup hashes a pointer, not a string.
struct TagCache {
  private var byAddress: [UInt: Tag] = [:]

  mutating func tag(_ node: xmlNodePtr) -> Tag {
    guard let name = node.pointee.name else { return .other }
    let key = UInt(bitPattern: name)
    if let t = byAddress[key] { return t }
    let t = Tag.byName[String(cString: name)] ?? .other
    if byAddress.count < 4096 { byAddress[key] = t }
    return t
  }
}

/// One element of the page, as the extractor sees it.
struct Element {
  var tag: Tag
  var parent: Int32
  var depth: Int32
  /// The class and id, lower-cased ASCII bytes, joined by a space (cut to a bounded length).
  var hints: [UInt8]
  /// Text and link text of all the blocks inside (filled after the walk).
  var chars: Int = 0
  var linkChars: Int = 0
  var score: Double = 0
  var scored = false
}

/// A run of inline text inside one element: the unit the extractor keeps or drops.
struct TextBlock {
  var owner: Int32
  var text: [UInt8]
  var chars: Int
  var linkChars: Int
  var commas: Int
}

/// Reading of an attribute and of a node's name, bounded in length.
enum XMLNodes {
  static let maxAttribute = 4096

  static func name(_ node: xmlNodePtr) -> String { String(cString: lede_name(node)) }

  static func attribute(_ node: xmlNodePtr, _ name: String, limit: Int = maxAttribute) -> String? {
    guard let value = lede_attr(node, name) else { return nil }
    let len = strnlen(value, limit)
    return value.withMemoryRebound(to: UInt8.self, capacity: len) {
      String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
    }
  }

  /// An attribute's value as lower-cased bytes (ASCII letters folded), bounded; empty when absent.
  static func lowerBytes(_ node: xmlNodePtr, _ name: String, limit: Int) -> [UInt8] {
    guard let value = lede_attr(node, name) else { return [] }
    let len = strnlen(value, limit)
    return value.withMemoryRebound(to: UInt8.self, capacity: len) { p in
      (0..<len).map { k in p[k] >= 0x41 && p[k] <= 0x5A ? p[k] + 0x20 : p[k] }
    }
  }

  /// The bytes of a node's own content (text, CDATA, comment), not copied.
  static func withContent<R>(_ node: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let c = lede_content(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return c.withMemoryRebound(to: UInt8.self, capacity: 1) {
      body(UnsafeBufferPointer(start: $0, count: strlen(c)))
    }
  }

  /// The element children of a node, in order.
  static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var kids: [xmlNodePtr] = []
    var c = node.pointee.children
    while let k = c { kids.append(k); c = k.pointee.next }
    return kids
  }

  /// All the text under a node (scripts included), bounded in length and depth.
  static func text(_ node: xmlNodePtr, limit: Int = 1 << 20) -> String {
    var out: [UInt8] = []
    var stack: [(xmlNodePtr, Int)] = [(node, 0)]
    while let (n, depth) = stack.popLast() {
      let t = lede_node_type(n)
      if t == 3 || t == 4 {  // text, CDATA
        withContent(n) { out.append(contentsOf: $0.prefix(max(0, limit - out.count))) }
        if out.count >= limit { break }
        continue
      }
      guard t == 1 || t == 9 || t == 13, depth < 256 else { continue }
      for k in children(n).reversed() { stack.append((k, depth + 1)) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
