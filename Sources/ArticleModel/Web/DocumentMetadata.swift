/// What a web page or feed item says about itself. Plain-text articles have none.
public struct DocumentMetadata: Sendable, Hashable {
  /// Where the document came from: "html" (a web page) or "feed" (an item of a feed).
  public var format: String
  public var headline: String?
  /// The publication date (YYYY-MM-DD or YYYY-MM) the source states; it becomes the document
  /// date with source `metadata`.
  public var published: String?
  /// Where the date was read: "json-ld", "meta", "time", "url", "feed".
  public var publishedFrom: String?
  public var authors: [String]
  public var siteName: String?
  public var canonicalURL: String?

  public init(
    format: String, headline: String? = nil, published: String? = nil, publishedFrom: String? = nil,
    authors: [String] = [], siteName: String? = nil, canonicalURL: String? = nil
  ) {
    self.format = format
    self.headline = headline
    self.published = published
    self.publishedFrom = publishedFrom
    self.authors = authors
    self.siteName = siteName
    self.canonicalURL = canonicalURL
  }
}
