import ArticleModel
import Foundation
import GRDB

/// One article of the library, as the Library pane lists it.
public struct ArticleRow: Sendable, Equatable {
  public var id: Int64
  public var path: String
  public var title: String?
  public var source: String?
  /// The document date ("2014-06-01", "2014"), when known.
  public var date: String?
  /// Where the date comes from ("given", "dateline", "metadata", "filename", "inferred": a
  /// guess, which the Library view marks with "?").
  public var dateSource: String?
  /// Its three most mentioned entities (figures left out).
  public var topEntities: [String]
  public var entityCount: Int
}

public enum ArticleSort: String, Sendable, CaseIterable {
  case path, date, title, source
}

/// An entity of the library: the article entities merged across articles.
public struct LibraryEntity: Sendable, Equatable {
  public var id: Int64
  public var name: String
  public var type: EntityType
  /// The other names the articles use for it, most used first.
  public var aliases: [String]
  public var articles: Int
  public var mentions: Int
}

public enum EntitySort: String, Sendable, CaseIterable {
  /// Most articles first (then most mentions, then name).
  case articles
  case mentions
  case name
}

/// One mention in its sentence: a line of the concordance.
public struct MentionRow: Sendable, Equatable {
  public var article: Int64
  public var path: String
  /// Offsets of the mention in the article (Unicode scalars, end exclusive).
  public var start: Int
  public var end: Int
  /// The sentence and where it starts in the article; the mention is
  /// `sentence[start - sentenceStart ..< end - sentenceStart]` in scalars.
  public var sentence: String
  public var sentenceStart: Int
  /// The mention's own text ("Mr Blair" reads "Blair").
  public var text: String
}

/// One entry of the library's timeline.
public struct TimelineRow: Sendable, Equatable {
  public var article: Int64
  public var path: String
  public var value: String
  public var type: String
  public var granularity: String
  public var approximate: Bool
  public var text: String
  public var start: Int
  public var end: Int
  public var sentence: String
  public var sentenceStart: Int
  public var isDated: Bool { granularity != "none" }
}

/// Matches of a search in one article.
public struct SearchHit: Sendable, Equatable {
  public var article: Int64
  public var path: String
  public var title: String?
  public var matches: [SearchMatch]
}

public struct SearchMatch: Sendable, Equatable {
  /// Offsets of the match in the article (scalars, end exclusive).
  public var start: Int
  public var end: Int
  public var sentence: String
  public var sentenceStart: Int
}

extension LibraryIndex {
  /// The article table's columns an `ArticleRow` is read from, prefixed for a join ("a."). Rows
  /// are read by column name, so a query may add columns of its own anywhere.
  static func articleColumns(_ prefix: String = "") -> String {
    ["id", "path", "title", "source", "date", "date_source", "top", "entities"].map { prefix + $0 }
      .joined(separator: ", ")
  }

  static func articleRow(_ r: Row) -> ArticleRow {
    let top: String = r["top"]
    return ArticleRow(
      id: r["id"], path: r["path"], title: r["title"], source: r["source"], date: r["date"],
      dateSource: r["date_source"], topEntities: top.isEmpty ? [] : top.components(separatedBy: separator),
      entityCount: r["entities"])
  }

  static func orderBy(_ sort: ArticleSort) -> String {
    switch sort {
    case .path: return "path"
    case .date: return "date IS NULL, date, path"
    case .title: return "title IS NULL, title COLLATE NOCASE, path"
    case .source: return "source IS NULL, source COLLATE NOCASE, path"
    }
  }

  /// The number of articles.
  public func articleCount() throws -> Int {
    try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article") ?? 0 }
  }

  /// The articles, sorted; `filter` keeps those whose title, source or path contains it (case
  /// and diacritics aside).
  public func articles(sort: ArticleSort = .path, filter: String? = nil) throws -> [ArticleRow] {
    let rows = try db.read { db in
      try Row.fetchAll(
        db, sql: "SELECT \(Self.articleColumns()) FROM article ORDER BY \(Self.orderBy(sort))"
      )
      .map(Self.articleRow)
    }
    guard let filter, !filter.isEmpty else { return rows }
    let f = LibraryMerge.key(filter)
    return rows.filter { r in
      [r.title, r.source, r.path].contains { $0.map { LibraryMerge.key($0).contains(f) } ?? false }
    }
  }

  public func article(path: String) throws -> ArticleRow? {
    try db.read { db in
      try Row.fetchOne(
        db, sql: "SELECT \(Self.articleColumns()) FROM article WHERE path = ?",
        arguments: [FileStamp.absolute(path)]
      ).map(Self.articleRow)
    }
  }

  static func entityRow(_ r: Row) -> LibraryEntity {
    let aliases: String = r[3]
    return LibraryEntity(
      id: r[0], name: r[1], type: EntityType(rawValue: r[2]) ?? .misc,
      aliases: aliases.isEmpty ? [] : aliases.components(separatedBy: separator), articles: r[4],
      mentions: r[5])
  }

  /// Every entity of the library, merged across articles.
  public func entities(sort: EntitySort = .articles, types: Set<EntityType>? = nil) throws
    -> [LibraryEntity]
  {
    let order: String
    switch sort {
    case .articles: order = "articles DESC, mentions DESC, name"
    case .mentions: order = "mentions DESC, articles DESC, name"
    case .name: order = "name COLLATE NOCASE, id"
    }
    let all = try db.read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT id, name, type, aliases, articles, mentions FROM library_entity ORDER BY \(order)"
      ).map(Self.entityRow)
    }
    guard let types else { return all }
    return all.filter { types.contains($0.type) }
  }

  public func entity(id: Int64) throws -> LibraryEntity? {
    try db.read { db in
      try Row.fetchOne(
        db,
        sql: "SELECT id, name, type, aliases, articles, mentions FROM library_entity WHERE id = ?",
        arguments: [id]
      ).map(Self.entityRow)
    }
  }

  /// The entity with this name or alias (case, dots and diacritics aside); when several have
  /// it, the one whose articles use it most.
  /// A title before the name is left out, as the recogniser leaves it out of the mention ("Mr
  /// Blair" is found as "Blair").
  public func entity(named name: String) throws -> LibraryEntity? {
    var key = LibraryMerge.key(name)
    while true {
      let k = key
      let id = try db.read { db in
        try Int64.fetchOne(
          db,
          sql: """
            SELECT k.entity FROM library_key k JOIN library_entity e ON e.id = k.entity
            WHERE k.key = ? ORDER BY k.articles DESC, e.articles DESC LIMIT 1
            """, arguments: [k])
      }
      if let id { return try entity(id: id) }
      let words = key.split(separator: " ")
      guard words.count >= 2, Self.titles.contains(String(words[0])) else { return nil }
      key = words.dropFirst().joined(separator: " ")
    }
  }

  static let titles: Set<String> = [
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor",
    "president",
    "prime", "minister", "chancellor", "senator", "general", "king", "queen", "prince", "princess",
    "the",
  ]

  /// The library entity an article's entity belongs to (for the explorer: from the entity
  /// selected in one article to the library).
  public func entity(article path: String, name: String) throws -> LibraryEntity? {
    let id = try db.read { db in
      try Int64.fetchOne(
        db,
        sql: """
          SELECT e.library FROM article a JOIN entity e ON e.id >= a.entities_from AND e.id < a.entities_to
          WHERE a.path = ? AND e.name = ?
          """,
        arguments: [FileStamp.absolute(path), name])
    }
    return try id.flatMap { try entity(id: $0) }
  }

  /// The articles that mention an entity, most mentions first.
  public func articles(mentioning entity: Int64) throws -> [(article: ArticleRow, mentions: Int)] {
    try db.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.articleColumns("a.")), sum(e.mentions) AS n
          FROM entity e JOIN article a ON a.id = e.article WHERE e.library = ?
          GROUP BY a.id ORDER BY n DESC, a.path
          """, arguments: [entity]
      ).map { (Self.articleRow($0), $0["n"]) }
    }
  }

  /// Every mention of an entity with its sentence, in library order (by path) and text order
  /// within each article: the concordance, and the order `]` steps through.
  public func mentions(of entity: Int64) throws -> [MentionRow] {
    try db.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT m.article, a.path, m.start, m.end, s.text, s.start
          FROM entity e JOIN mention m ON m.entity = e.id JOIN article a ON a.id = m.article
          LEFT JOIN sentence s ON s.id = m.sentence
          WHERE e.library = ? ORDER BY a.path, m.start
          """, arguments: [entity]
      ).map { r in
        let sentence: String = r[4] ?? ""
        let sentenceStart: Int = r[5] ?? r[2]
        let start: Int = r[2]
        let end: Int = r[3]
        return MentionRow(
          article: r[0], path: r[1], start: start, end: end, sentence: sentence,
          sentenceStart: sentenceStart,
          text: Self.slice(sentence, start - sentenceStart, end - sentenceStart))
      }
    }
  }

  /// Where every mention of an entity is, without the sentences, in the order of `mentions(of:)`:
  /// what `]` and `[` step through across articles.
  public func mentionPositions(of entity: Int64) throws -> [(
    article: Int64, path: String, start: Int, end: Int
  )] {
    try db.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT m.article, a.path, m.start, m.end
          FROM entity e JOIN mention m ON m.entity = e.id JOIN article a ON a.id = m.article
          WHERE e.library = ? ORDER BY a.path, m.start
          """, arguments: [entity]
      ).map { ($0[0], $0[1], $0[2], $0[3]) }
    }
  }

  /// The scalars `from..<to` of a string (clamped).
  public static func slice(_ s: String, _ from: Int, _ to: Int) -> String {
    let scalars = s.unicodeScalars
    let n = scalars.count
    let a = max(0, min(from, n))
    let b = max(a, min(to, n))
    let i = scalars.index(scalars.startIndex, offsetBy: a)
    let j = scalars.index(i, offsetBy: b - a)
    return String(scalars[i..<j])
  }

  /// The library's timeline: dated entries by date (the wider period first, then library
  /// order), then repeated and vague ones in library order. With `entity`, only the entries
  /// whose sentence mentions it.
  public func timeline(entity: Int64? = nil) throws -> [TimelineRow] {
    let columns = """
      SELECT t.article, a.path, t.value, t.type, t.granularity, t.approximate, t.text, t.start,
        t.end, s.text, s.start
      """
    let order = "ORDER BY t.first_day IS NULL, t.first_day, t.last_day DESC, a.path, t.start"
    let sql: String
    if entity == nil {
      sql = """
        \(columns) FROM timeline t JOIN article a ON a.id = t.article
        LEFT JOIN sentence s ON s.id = t.sentence \(order)
        """
    } else {
      sql = """
        \(columns) FROM timeline t JOIN article a ON a.id = t.article
        LEFT JOIN sentence s ON s.id = t.sentence
        WHERE t.sentence IN (SELECT m.sentence FROM entity e JOIN mention m ON m.entity = e.id
          WHERE e.library = ? AND m.sentence IS NOT NULL) \(order)
        """
    }
    return try db.read { db in
      try Row.fetchAll(db, sql: sql, arguments: entity.map { [$0] } ?? []).map { r in
        TimelineRow(
          article: r[0], path: r[1], value: r[2], type: r[3], granularity: r[4], approximate: r[5],
          text: r[6],
          start: r[7], end: r[8], sentence: r[9] ?? r[6], sentenceStart: r[10] ?? r[7])
      }
    }
  }

  /// Searches the library. The words of `pattern` find the articles holding all of them (each
  /// word also as the start of a longer one); the pattern is then looked for in their sentences
  /// as in the explorer: smart case (case matters only when the pattern has a capital),
  /// diacritics aside. Matches are grouped by article, in library order; `limit` caps the
  /// number of matches.
  public func search(_ pattern: String, limit: Int? = nil) throws -> [SearchHit] {
    let needle = SearchFold.fold(pattern, caseSensitive: SearchFold.hasUpper(pattern))
    guard !needle.isEmpty else { return [] }
    let words = SearchFold.words(pattern)
    let caseSensitive = SearchFold.hasUpper(pattern)
    let sql: String
    var arguments: StatementArguments = []
    if words.isEmpty {
      // Nothing for the full-text index to go on ("£", "%"): every sentence.
      sql = """
        SELECT a.id, a.path, a.title, s.start, s.text FROM article a
        JOIN sentence s ON s.id >= a.sentences_from AND s.id < a.sentences_to ORDER BY a.path, s.start
        """
    } else {
      sql = """
        SELECT a.id, a.path, a.title, s.start, s.text
        FROM (SELECT rowid AS id FROM article_fts WHERE article_fts MATCH ?) f
        JOIN article a ON a.id = f.id JOIN sentence s ON s.id >= a.sentences_from AND s.id < a.sentences_to
        ORDER BY a.path, s.start
        """
      arguments = [words.map { "\"\($0)\"*" }.joined(separator: " AND ")]
    }
    return try db.read { db in
      var hits: [SearchHit] = []
      var count = 0
      let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
      while let r = try rows.next() {
        let text: String = r[4]
        let sentenceStart: Int = r[3]
        let found = SearchFold.find(needle, in: text, caseSensitive: caseSensitive)
        guard !found.isEmpty else { continue }
        let article: Int64 = r[0]
        if hits.last?.article != article {
          hits.append(SearchHit(article: article, path: r[1], title: r[2], matches: []))
        }
        for f in found {
          hits[hits.count - 1].matches.append(
            SearchMatch(
              start: sentenceStart + f.lowerBound, end: sentenceStart + f.upperBound,
              sentence: text,
              sentenceStart: sentenceStart))
          count += 1
          if let limit, count >= limit { return hits }
        }
      }
      return hits
    }
  }
}

/// Case and diacritic folding for search, one scalar to one scalar so that offsets hold.
enum SearchFold {
  static func foldScalar(_ s: Unicode.Scalar, caseSensitive: Bool) -> Unicode.Scalar {
    var v = s
    if v.value >= 0x80 {
      // The base letter of a precomposed one ("ó" → "o").
      if let d = String(v).decomposedStringWithCanonicalMapping.unicodeScalars.first,
        d.value < 0x250
      {
        v = d
      }
    }
    if !caseSensitive {
      if v.value < 0x80 {
        if v >= "A" && v <= "Z" { v = Unicode.Scalar(v.value + 32)! }
      } else {
        let lower = v.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let l = lower.first { v = l }
      }
    }
    return v
  }

  static func fold(_ s: String, caseSensitive: Bool) -> [Unicode.Scalar] {
    s.unicodeScalars.map { foldScalar($0, caseSensitive: caseSensitive) }
  }

  static func hasUpper(_ s: String) -> Bool {
    s.unicodeScalars.contains { $0.properties.isUppercase }
  }

  /// The words (letters and digits) of a pattern, lower case, for the full-text index.
  static func words(_ s: String) -> [String] {
    var out: [String] = []
    var cur = String.UnicodeScalarView()
    for c in s.unicodeScalars {
      if c.properties.isAlphabetic || c.properties.numericType != nil {
        cur.append(foldScalar(c, caseSensitive: false))
      } else if !cur.isEmpty {
        out.append(String(cur))
        cur = String.UnicodeScalarView()
      }
    }
    if !cur.isEmpty { out.append(String(cur)) }
    return out
  }

  /// Scalar ranges of `needle` in `text`, not overlapping.
  static func find(_ needle: [Unicode.Scalar], in text: String, caseSensitive: Bool) -> [Range<Int>]
  {
    let hay = fold(text, caseSensitive: caseSensitive)
    guard needle.count <= hay.count else { return [] }
    var out: [Range<Int>] = []
    var i = 0
    let first = needle[0]
    while i + needle.count <= hay.count {
      if hay[i] == first {
        var k = 1
        while k < needle.count && hay[i + k] == needle[k] { k += 1 }
        if k == needle.count {
          out.append(i..<(i + needle.count))
          i += needle.count
          continue
        }
      }
      i += 1
    }
    return out
  }
}
