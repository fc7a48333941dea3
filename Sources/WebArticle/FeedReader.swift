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
  public static func read(utf8 bytes: [UInt8]) -> Feed? {
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
