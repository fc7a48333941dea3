/// A block of an extracted article: a paragraph, heading, list item, quotation or preformatted text.
public struct WebBlock: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case heading, paragraph, listItem, quote, preformatted
  }
  public var kind: Kind
  public var text: String

  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }
}

/// What a page says about itself (meta tags, JSON-LD, the title, the URL).
public struct WebMetadata: Sendable, Equatable {
  public var headline: String?
  /// The publication date as YYYY-MM-DD (or YYYY-MM), when the page states one.
  public var published: String?
  /// Where the date came from ("json-ld", "meta", "time", "url", "byline"), for reports and tests.
  public var publishedFrom: String?
  public var authors: [String] = []
  public var siteName: String?
  public var canonicalURL: String?
  public var language: String?
  /// Whether the stated date came from a UTC timestamp; a date in the address (its day, as the site
  /// files it).
  var publishedInUTC = false
  var urlDate: String?

  public init() {}
}

/// The article found in a page: its metadata and its body as blocks, in reading order.
public struct WebArticle: Sendable {
  public var metadata: WebMetadata
  public var blocks: [WebBlock]

  public init(metadata: WebMetadata, blocks: [WebBlock]) {
    self.metadata = metadata
    self.blocks = blocks
  }

  /// The body as plain text, blocks separated by blank lines (no headline).
  public var bodyText: String { blocks.map(\.text).joined(separator: "\n\n") }
}
