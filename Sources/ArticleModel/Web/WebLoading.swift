import Foundation
import WebArticle

/// What kind of input a file is.
public enum InputFormat: String, Sendable {
  case text, html, feed
}

extension ArticleLoader {
  /// Tells a web page or a feed from plain text, by content first (the first markup after white
  /// space, a byte-order mark, an XML declaration, comments and a doctype), then by name
  /// (`.html`, `.htm`, `.xhtml`; `.rss`, `.atom`, `.xml` when the content is markup).
  public static func format(of data: Data, name: String) -> InputFormat {
    let head = data.prefix(4096)
    var bytes = [UInt8](head)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      // UTF-16: look at the ASCII bytes only
      bytes = bytes.dropFirst(2).filter { $0 != 0 }
    }
    let text = String(decoding: bytes, as: UTF8.self).lowercased()
    let lower = name.lowercased()
    let trimmed = text.drop(while: { $0.isWhitespace })
    let startsWithMarkup = trimmed.hasPrefix("<")
    if startsWithMarkup {
      // skip the XML declaration, comments and the doctype to find the first element
      var rest = Substring(trimmed)
      while true {
        rest = rest.drop(while: { $0.isWhitespace })
        if rest.hasPrefix("<?") || rest.hasPrefix("<!") {
          if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
            rest = rest[end.upperBound...]
          } else if rest.hasPrefix("<!doctype html") {
            return .html
          } else if rest.hasPrefix("<!doctype"), let open = rest.firstIndex(where: { $0 == "[" || $0 == ">" }),
            rest[open] == "[", let close = rest.range(of: "]>")
          {
            rest = rest[close.upperBound...]  // an internal subset
          } else if let end = rest.firstIndex(of: ">") {
            rest = rest[rest.index(after: end)...]
          } else {
            break
          }
        } else {
          break
        }
      }
      if rest.hasPrefix("<rss") || rest.hasPrefix("<feed") || rest.hasPrefix("<rdf:rdf") || rest.hasPrefix("<rdf") {
        return .feed
      }
      for tag in ["<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<!doctype"]
      where rest.hasPrefix(tag) {
        return .html
      }
      if lower.hasSuffix(".rss") || lower.hasSuffix(".atom") { return .feed }
    }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
    if startsWithMarkup && (text.contains("<html") || text.contains("<body")) { return .html }
    return .text
  }

  /// Every document in a file: one for an article or a web page, one per item for a feed.
  public static func documents(from data: Data, name: String) throws -> [Document] {
    if let why = BinarySniffer.reasonNotText(data) { throw LoadError.notText(name, why) }
    switch format(of: data, name: name) {
    case .text: return [Document(name: name, scalars: TextDecoding.decode(data))]
    case .html: return [htmlDocument(data, name: name)]
    case .feed:
      guard let feed = feed(from: data) else { return [htmlDocument(data, name: name)] }
      if feed.items.isEmpty { throw LoadError.notText(name, "a feed with no items") }
      return feed.items.enumerated().map { itemDocument($1, index: $0, feedName: name, feed: feed) }
    }
  }

  /// Loads every document of a file ("-" is standard input).
  public static func loadAll(path: String) throws -> [Document] {
    try documents(from: try read(path: path), name: path)
  }

  /// The feed in the data (any charset), or nil when it is not one.
  public static func feed(from data: Data) -> Feed? {
    FeedReader.read(utf8: TextDecoding.utf8Bytes(data, markup: true).bytes)
  }

  /// The article of a web page, as WebArticle finds it (`url`: the page's address, if known).
  public static func webArticle(from data: Data, url: String? = nil) -> WebArticle {
    HTMLExtractor.extract(utf8: TextDecoding.utf8Bytes(data, markup: true).bytes, url: url)
  }

  /// A web page as a document: the headline as its title, the article's blocks as paragraphs.
  static func htmlDocument(_ data: Data, name: String) -> Document {
    let article = webArticle(from: data)
    let m = article.metadata
    let meta = DocumentMetadata(
      format: "html", headline: m.headline.map(safe), published: m.published, publishedFrom: m.publishedFrom,
      authors: m.authors.map(safe), siteName: m.siteName.map(safe), canonicalURL: m.canonicalURL.map(safe))
    return Document(name: name, title: m.headline, blocks: article.blocks.map { ($0.kind.blockKind, $0.text) }, metadata: meta)
  }

  /// A document for a feed's whole list: its title, then each item's title, date and first paragraph.
  static func feedListing(_ feed: Feed, name: String) -> Document {
    var blocks: [(kind: BlockKind, text: String)] = []
    for item in feed.items {
      blocks.append((.heading, item.title ?? "(untitled)"))
      var line = [item.published, item.authors.first].compactMap { $0 }.joined(separator: " · ")
      if let first = item.blocks.first?.text {
        line += (line.isEmpty ? "" : " — ") + String(first.prefix(300))
      }
      if !line.isEmpty { blocks.append((.body, line)) }
    }
    let meta = DocumentMetadata(format: "feed", headline: feed.title.map(safe), canonicalURL: feed.link.map(safe))
    return Document(name: name, title: feed.title ?? "Feed", blocks: blocks, metadata: meta)
  }

  static func itemDocument(_ item: FeedItem, index: Int, feedName: String, feed: Feed) -> Document {
    let meta = DocumentMetadata(
      format: "feed", headline: item.title.map(safe), published: item.published,
      publishedFrom: item.published == nil ? nil : "feed", authors: item.authors.map(safe),
      siteName: feed.title.map(safe), canonicalURL: item.link.map(safe))
    return Document(
      name: "\(feedName)#\(index + 1)", title: item.title, blocks: item.blocks.map { ($0.kind.blockKind, $0.text) },
      metadata: meta)
  }
}

/// A string from a page made safe to show: sanitised as article text is, on one line.
func safe(_ s: String) -> String {
  Document.string(TextDecoding.decode(s).map { $0 == "\n" || $0 == "\t" ? " " : $0 }[...])
}

extension WebBlock.Kind {
  var blockKind: BlockKind { self == .heading ? .heading : .body }
}
