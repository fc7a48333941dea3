import ArticleModel

/// What the Library view needs from the library's index, as values: ExplorerCore does not
/// import the database (GRDB); `lede` implements `LibrarySource` over `LibraryIndex` in a small
/// bridge (Sources/lede/LibraryBridge.swift), and tests implement it in memory. Articles are
/// named by their place among the files the explorer was given (`file`), not by path.
public protocol LibrarySource: AnyObject, Sendable {
  /// The articles the index holds now (quick: read before the first frame of a warm open; the
  /// entities come after it, `LibraryQuery.entities`).
  func snapshot() throws -> LibrarySnapshot
  /// Brings the index up to date with the files (analysing what is new or changed), reporting
  /// progress as (done, total); returns a one-line summary when anything changed.
  func refresh(progress: @escaping @Sendable (Int, Int) -> Void) throws -> String?
  /// Answers a question about one entity, the timeline, or a search.
  func answer(_ query: LibraryQuery) throws -> LibraryAnswer
}

/// One article of the library: a row of the Library pane.
public struct LibraryArticle: Sendable, Equatable {
  public var file: Int
  public var title: String?
  public var source: String?
  /// The document date's value ("2014", "1987-03-23", "XXXX-03-23"), for sorting.
  public var date: String?
  /// Where it comes from ("inferred" for a guess; see DocumentDateSource).
  public var dateSource: String?
  /// Its most mentioned entities.
  public var topEntities: [String]

  public init(
    file: Int, title: String? = nil, source: String? = nil, date: String? = nil,
    dateSource: String? = nil, topEntities: [String] = []
  ) {
    self.file = file
    self.title = title
    self.source = source
    self.date = date
    self.dateSource = dateSource
    self.topEntities = topEntities
  }

  /// The date as the list shows it (11 columns at most): a guessed (inferred) date carries a
  /// "?" as in the title bar ("2014?"), and an unknown year is "????" ("????-03-23").
  public var shownDate: String {
    guard let date else { return "" }
    if date.hasPrefix("XXXX") { return "????" + date.dropFirst(4) }
    return dateSource == DocumentDateSource.inferred.rawValue ? date + "?" : date
  }
}

/// An entity of the library, merged across articles.
public struct LibraryEntityItem: Sendable, Equatable {
  public var id: Int64
  public var name: String
  public var type: EntityType
  public var aliases: [String]
  public var articles: Int
  public var mentions: Int

  public init(
    id: Int64, name: String, type: EntityType, aliases: [String] = [], articles: Int, mentions: Int
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.aliases = aliases
    self.articles = articles
    self.mentions = mentions
  }
}

/// One mention in its sentence (a concordance line), or one search match.
public struct LibraryMention: Sendable, Equatable {
  public var file: Int
  /// Where it is in the article (scalars).
  public var span: Span
  public var sentence: String
  /// Where the sentence starts in the article (scalars).
  public var sentenceStart: Int

  public init(file: Int, span: Span, sentence: String, sentenceStart: Int) {
    self.file = file
    self.span = span
    self.sentence = sentence
    self.sentenceStart = sentenceStart
  }
}

/// One entry of the library's timeline.
public struct LibraryTimelineItem: Sendable, Equatable {
  public var file: Int
  public var value: String
  public var approximate: Bool
  /// The expression in the text.
  public var span: Span
  public var sentence: String
  public var sentenceStart: Int

  public init(
    file: Int, value: String, approximate: Bool, span: Span, sentence: String, sentenceStart: Int
  ) {
    self.file = file
    self.value = value
    self.approximate = approximate
    self.span = span
    self.sentence = sentence
    self.sentenceStart = sentenceStart
  }
}

public struct LibrarySnapshot: Sendable, Equatable {
  /// The articles indexed (files not indexed yet are missing).
  public var articles: [LibraryArticle]

  public init(articles: [LibraryArticle]) {
    self.articles = articles
  }
}

public enum LibraryQuery: Sendable, Equatable {
  /// Every entity of the library, merged across articles.
  case entities
  /// An entity: the articles that mention it and every mention.
  case entity(id: Int64)
  /// The library entity of an article's entity (the one selected in its Entities pane).
  case entityOfArticle(file: Int, name: String)
  /// The library's timeline, or the entries whose sentence mentions an entity.
  case timeline(entity: Int64?)
  /// Matches of a pattern in every article.
  case search(String)
}

public enum LibraryAnswer: Sendable, Equatable {
  case entities([LibraryEntityItem])
  /// The entity, its articles (file, mentions) and every mention in library order.
  case entity(LibraryEntityItem, articles: [LibraryArticleCount], mentions: [LibraryMention])
  case timeline(entity: Int64?, [LibraryTimelineItem])
  case search(String, [LibraryMention])
  /// Nothing found (one line saying what).
  case none(String)
}

public struct LibraryArticleCount: Sendable, Equatable {
  public var file: Int
  public var mentions: Int
  public init(file: Int, mentions: Int) {
    self.file = file
    self.mentions = mentions
  }
}
