import CLibXML2
import Foundation

/// One item of a feed: an article.
public struct FeedItem: Sendable {
  public var title: String?
  public var link: String?
  /// YYYY-MM-DD when the item states a date it can be read from.
  public var published: String?
  public var authors: [String] = []
  /// The item's full content (`content:encoded`, Atom `content`), through the extractor.
  public var blocks: [WebBlock] = []
  public init() {}
}

/// A feed: its own title and its items, in the order given.
public struct Feed: Sendable {
  public enum Kind: String, Sendable { case rss2 = "RSS 2.0", rss1 = "RSS 1.0", atom = "Atom" }
  public var kind: Kind
  public var title: String?
  public var link: String?
  public var items: [FeedItem]
}

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 with libxml2's XML parser in its safe mode (no
/// network, no DTD, no entity expansion). Each item's HTML content goes through the extractor.
public enum FeedReader {
  /// At most this many items are read from one feed.
  public static let maxItems = 1000

  /// The feed in UTF-8 bytes, or nil when they are not a feed.
  public static func read(utf8 input: [UInt8]) -> Feed? {
    let bytes = withDefinedEntities(withoutDoctype(input))
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
    let doc = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { lede_xml_read($0, Int32(buf.count)) }
    }
    guard let doc else { return nil }
    defer { lede_free_doc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return nil }
    switch local(root).lowercased() {
    case "rss":
      guard let channel = child(root, "channel") else { return Feed(kind: .rss2, title: nil, link: nil, items: []) }
      let items = elements(channel, "item").prefix(maxItems).map(rssItem)
      return Feed(kind: .rss2, title: text(child(channel, "title")), link: text(child(channel, "link")), items: Array(items))
    case "rdf":
      let channel = child(root, "channel")
      let items = elements(root, "item").prefix(maxItems).map(rssItem)
      return Feed(kind: .rss1, title: text(channel.flatMap { child($0, "title") }),
        link: text(channel.flatMap { child($0, "link") }), items: Array(items))
    case "feed":
      let items = elements(root, "entry").prefix(maxItems).map(atomEntry)
      return Feed(kind: .atom, title: text(child(root, "title")), link: atomLink(root), items: Array(items))
    default:
      return nil
    }
  }

  /// The bytes without their document type declaration: a feed needs no DTD, and its internal
  /// subset is where entity bombs and external entities live, so none is ever read (as
  /// defusedxml's forbid_dtd). Entity references left undefined are dropped by the parser.
  static func withoutDoctype(_ b: [UInt8]) -> [UInt8] {
    let n = b.count
    func lower(_ x: UInt8) -> UInt8 { x >= 0x41 && x <= 0x5A ? x + 0x20 : x }
    func at(_ i: Int, _ word: String) -> Bool {
      var k = i
      for c in word.utf8 {
        guard k < n, lower(b[k]) == c else { return false }
        k += 1
      }
      return true
    }
    func find(_ from: Int, _ word: String) -> Int? {
      var k = from
      while k < n {
        if at(k, word) { return k }
        k += 1
      }
      return nil
    }
    var i = 0
    while i < n {
      let c = b[i]
      if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xEF || c == 0xBB || c == 0xBF { i += 1; continue }
      guard c == 0x3C else { return b }  // text before the root: leave it to the parser
      if at(i, "<?") {
        guard let e = find(i, "?>") else { return b }
        i = e + 2
      } else if at(i, "<!--") {
        guard let e = find(i, "-->") else { return b }
        i = e + 3
      } else if at(i, "<!doctype") {
        var k = i + 9
        while k < n && b[k] != 0x5B && b[k] != 0x3E { k += 1 }  // [ or >
        if k < n && b[k] == 0x5B {
          // the internal subset ends at "]" then optional space then ">"
          var e = k + 1
          var end = n
          while e < n {
            if b[e] == 0x5D {
              var f = e + 1
              while f < n && (b[f] == 0x20 || b[f] == 0x0A || b[f] == 0x0D || b[f] == 0x09) { f += 1 }
              if f < n && b[f] == 0x3E { end = f + 1; break }
            }
            e += 1
          }
          k = end
        } else {
          k = min(n, k + 1)
        }
        return Array(b[0..<i]) + Array(b[k...])
      } else {
        return b  // the root element: no doctype
      }
    }
    return b
  }

  /// HTML's common named entities, which feeds use without defining them.
  static let htmlEntities: [String: UInt32] = [
    "nbsp": 160, "iexcl": 161, "cent": 162, "pound": 163, "yen": 165, "sect": 167, "copy": 169,
    "laquo": 171, "reg": 174, "deg": 176, "plusmn": 177, "middot": 183, "raquo": 187, "frac12": 189,
    "iquest": 191, "agrave": 224, "aacute": 225, "acirc": 226, "auml": 228, "ccedil": 231,
    "egrave": 232, "eacute": 233, "ecirc": 234, "euml": 235, "iacute": 237, "ntilde": 241,
    "oacute": 243, "ouml": 246, "uacute": 250, "uuml": 252, "szlig": 223, "Eacute": 201,
    "times": 215, "divide": 247, "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217,
    "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222, "bull": 8226, "hellip": 8230,
    "prime": 8242, "euro": 8364, "trade": 8482, "thinsp": 8201, "ensp": 8194, "emsp": 8195,
    "zwnj": 8204, "zwj": 8205, "shy": 173,
  ]

  /// Every entity reference made one the parser knows without a DTD: the five of XML stay, an
  /// HTML one becomes a character reference, an unknown one or a bare "&" becomes text ("&amp;").
  /// (libxml2 drops every later reference, `&lt;` included, once the document is not well
  /// formed, and an undefined `&nbsp;` would make it so.) CDATA sections and comments are left alone.
  static func withDefinedEntities(_ b: [UInt8]) -> [UInt8] {
    guard b.contains(0x26) else { return b }
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 64)
    let n = b.count
    func starts(_ i: Int, _ word: String) -> Bool {
      var k = i
      for c in word.utf8 {
        guard k < n, b[k] == c else { return false }
        k += 1
      }
      return true
    }
    func skip(to end: String, from i: Int) -> Int {
      var k = i
      while k < n && !starts(k, end) { k += 1 }
      return min(n, k + end.utf8.count)
    }
    var i = 0
    while i < n {
      let c = b[i]
      if c == 0x3C && starts(i, "<![CDATA[") {
        let e = skip(to: "]]>", from: i + 9)
        out.append(contentsOf: b[i..<e])
        i = e
        continue
      }
      if c == 0x3C && starts(i, "<!--") {
        let e = skip(to: "-->", from: i + 4)
        out.append(contentsOf: b[i..<e])
        i = e
        continue
      }
      guard c == 0x26 else { out.append(c); i += 1; continue }
      // &#123; &#x1F; &name;
      var k = i + 1
      if k < n && b[k] == 0x23 {
        k += 1
        if k < n && (b[k] == 0x78 || b[k] == 0x58) { k += 1 }
        let digitsStart = k
        while k < n && k - digitsStart < 8 && ((b[k] >= 0x30 && b[k] <= 0x39) || (b[k] >= 0x61 && b[k] <= 0x66) || (b[k] >= 0x41 && b[k] <= 0x46)) { k += 1 }
        if k > digitsStart && k < n && b[k] == 0x3B {
          out.append(contentsOf: b[i...k])
          i = k + 1
          continue
        }
      } else {
        let nameStart = k
        while k < n && k - nameStart < 32 && ((b[k] >= 0x30 && b[k] <= 0x39) || (b[k] | 0x20 >= 0x61 && b[k] | 0x20 <= 0x7A)) { k += 1 }
        if k > nameStart && k < n && b[k] == 0x3B {
          let name = String(decoding: b[nameStart..<k], as: UTF8.self)
          if ["amp", "lt", "gt", "quot", "apos"].contains(name) {
            out.append(contentsOf: b[i...k])
          } else if let v = htmlEntities[name] ?? htmlEntities[name.lowercased()] {
            out.append(contentsOf: Array("&#\(v);".utf8))
          } else {
            out.append(contentsOf: Array("&amp;".utf8))
            out.append(contentsOf: b[nameStart...k])
          }
          i = k + 1
          continue
        }
      }
      out.append(contentsOf: Array("&amp;".utf8))
      i += 1
    }
    return out
  }

  static func rssItem(_ item: xmlNodePtr) -> FeedItem {
    var f = FeedItem()
    f.title = text(child(item, "title"))
    f.link = text(child(item, "link")) ?? text(child(item, "guid"))
    let date = text(child(item, "pubDate")) ?? text(child(item, "date")) ?? text(child(item, "published"))
    f.published = date.flatMap(DateParsing.isoDate)
    f.authors = elements(item, "creator").compactMap { text($0) } + elements(item, "author").compactMap { text($0) }
    let content = text(child(item, "encoded"), raw: true) ?? text(child(item, "description"), raw: true)
    f.blocks = content.map(fragmentBlocks) ?? []
    return f
  }

  static func atomEntry(_ entry: xmlNodePtr) -> FeedItem {
    var f = FeedItem()
    f.title = text(child(entry, "title"))
    f.link = atomLink(entry)
    let date = text(child(entry, "published")) ?? text(child(entry, "updated"))
    f.published = date.flatMap(DateParsing.isoDate)
    f.authors = elements(entry, "author").compactMap { a in text(child(a, "name")) ?? text(a) }
    var blocks: [WebBlock] = []
    for name in ["content", "summary"] where blocks.isEmpty {
      guard let node = child(entry, name) else { continue }
      let type = XMLNodes.attribute(node, "type", limit: 32)?.lowercased() ?? "text"
      if type == "xhtml" {
        blocks = fragmentBlocks(serialised(node))
      } else if type == "html" || type == "text/html" {
        blocks = text(node, raw: true).map(fragmentBlocks) ?? []
      } else if let t = text(node, raw: true) {
        blocks = plainBlocks(t)
      }
    }
    f.blocks = blocks
    return f
  }

  static func atomLink(_ node: xmlNodePtr) -> String? {
    var fallback: String?
    for l in elements(node, "link") {
      let rel = XMLNodes.attribute(l, "rel", limit: 32) ?? "alternate"
      if let href = XMLNodes.attribute(l, "href") {
        if rel == "alternate" { return href }
        if fallback == nil { fallback = href }
      }
    }
    return fallback
  }

  /// An HTML fragment (an item's content) as blocks: the whole fragment, paragraphs kept,
  /// scripts, styles and link lists dropped.
  static func fragmentBlocks(_ html: String) -> [WebBlock] {
    let article = HTMLExtractor.extractFragment(utf8: Array(("<html><body>" + html + "</body></html>").utf8))
    return article
  }

  static func plainBlocks(_ text: String) -> [WebBlock] {
    text.components(separatedBy: "\n\n").map { MetadataReader.clean($0) }.filter { !$0.isEmpty }.map {
      WebBlock(kind: .paragraph, text: $0)
    }
  }

  // MARK: Tree helpers (namespaces ignored: local names compared)

  static func local(_ node: xmlNodePtr) -> String { XMLNodes.name(node) }

  static func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
    var c = node.pointee.children
    while let k = c {
      if lede_node_type(k) == 1 && local(k) == name { return k }
      c = k.pointee.next
    }
    return nil
  }

  static func elements(_ node: xmlNodePtr, _ name: String) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    var c = node.pointee.children
    while let k = c {
      if lede_node_type(k) == 1 && local(k) == name { out.append(k) }
      c = k.pointee.next
    }
    return out
  }

  /// The text of an element (entity references are not expanded), cleaned unless `raw`.
  static func text(_ node: xmlNodePtr?, raw: Bool = false) -> String? {
    guard let node else { return nil }
    let t = XMLNodes.text(node, limit: 4 << 20)
    let out = raw ? t : MetadataReader.clean(t)
    return out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : out
  }

  /// An XHTML content element's children written back as markup, bounded.
  static func serialised(_ node: xmlNodePtr) -> String {
    guard let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    var c = node.pointee.children
    var total = 0
    while let k = c, total < 4 << 20 {
      total += Int(xmlNodeDump(buffer, node.pointee.doc, k, 0, 0))
      c = k.pointee.next
    }
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }
}
