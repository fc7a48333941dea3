import ArticleModel
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Where an index lives.
public enum IndexLocation: Sendable, Equatable {
  /// A file (created with its folder when missing).
  case file(String)
  /// In memory: gone when the program ends (`--no-index`).
  case memory

  /// The default index of a set of folders and files: one SQLite file per set, in
  /// `$XDG_CACHE_HOME/lede/` (`~/.cache/lede/` when unset), named after the first folder and a
  /// hash of all their absolute paths.
  public static func defaultFor(
    _ roots: [String], environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> IndexLocation
  {
    let cache: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      cache = xdg
    } else {
      cache = (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
    }
    let abs = roots.map { FileStamp.absolute($0) }.sorted()
    let hash = FileStamp.hash(Data(abs.joined(separator: "\n").utf8))
    var base = abs.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "library"
    base = String(
      base.unicodeScalars.filter { PathChars.isWordish($0) }.prefix(40).map(Character.init))
    if base.isEmpty { base = "library" }
    return .file("\(cache)/lede/\(base)-\(hash).sqlite")
  }
}

enum PathChars {
  static func isWordish(_ s: Unicode.Scalar) -> Bool {
    (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-"
      || s == "_"
  }
}

/// Why an index could not be used. One line.
public struct IndexError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// The library's index: many articles' analyses and a full-text index in one SQLite database
/// (WAL; one transaction per batch of articles, so a kill leaves it readable and the next run
/// finishes). Article files are only ever read.
public final class LibraryIndex: @unchecked Sendable {
  /// Bumped when the tables change; an index of another schema is rebuilt.
  public static let schemaVersion = "8"

  public let db: any DatabaseWriter
  public let location: IndexLocation
  public let analyser: String

  /// Opens (or creates) an index. Problems that can be mended are mended, each said in one line
  /// through `log`: a file that is not a usable database and an index of another analyser
  /// version are rebuilt; a folder that cannot be written falls back to memory.
  public init(
    _ location: IndexLocation, analyser: String = AnalyserVersion.current,
    log: (String) -> Void = { _ in }
  ) throws {
    self.analyser = analyser
    var config = Configuration()
    config.busyMode = .timeout(60)
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    switch location {
    case .memory:
      self.location = .memory
      self.db = try DatabaseQueue(configuration: config)
    case .file(let path):
      let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
      if let why = Self.unwritable(dir: dir, file: path) {
        log("cannot write the index in \(dir) (\(why)); keeping it in memory for this run")
        self.location = .memory
        self.db = try DatabaseQueue(configuration: config)
      } else {
        self.location = location
        self.db = try Self.whileBusy { try Self.openPool(path: path, config: config, log: log) }
      }
    }
    try Self.whileBusy { try migrate(log: log) }
  }

  /// Opens the file as a pool, rebuilding a file that is not a usable database.
  static func openPool(path: String, config: Configuration, log: (String) -> Void) throws
    -> any DatabaseWriter
  {
    do {
      let pool = try DatabasePool(path: path, configuration: config)
      try check(pool)
      return pool
    } catch let error as DatabaseError
      where [.SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT].contains(error.resultCode)
    {
      log("\(path): not a usable index (\(error.message ?? "\(error.resultCode)")); rebuilding it")
    }
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    return try DatabasePool(path: path, configuration: config)
  }

  /// Runs `body` again while SQLite answers "busy" or "locked" (up to 10 s). Two processes
  /// opening a new index at once race to switch it to WAL and create its tables, and SQLite
  /// answers some of those lock conflicts at once instead of through the busy timeout.
  static func whileBusy<T>(_ body: () throws -> T) throws -> T {
    var tries = 0
    while true {
      do {
        return try body()
      } catch let error as DatabaseError
        where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && tries < 200
      {
        tries += 1
        usleep(50_000)
      }
    }
  }

  /// Why a folder cannot hold the index, or nil when it can (created when missing).
  static func unwritable(dir: String, file: String) -> String? {
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      return (error as NSError).localizedFailureReason ?? "cannot create it"
    }
    if access(dir, W_OK) != 0 { return String(cString: strerror(errno)) }
    if FileManager.default.fileExists(atPath: file), access(file, W_OK) != 0 {
      return "\(file): " + String(cString: strerror(errno))
    }
    return nil
  }

  /// Reads something from every page the schema needs, so that a damaged file shows at once.
  /// The schema, the first row of every table and the whole article table (a millisecond on
  /// BBC): what a truncated or overwritten file damages first.
  static func check(_ db: any DatabaseWriter) throws {
    try db.read { db in
      let names = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      for t in Set(names).intersection(tables) where t != "article_fts" {
        _ = try Row.fetchOne(db, sql: "SELECT * FROM \(t) LIMIT 1")
      }
      if names.contains("article") {
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE length >= 0")
      }
    }
  }

  // MARK: - Schema

  static let tables = [
    "meta", "article", "sentence", "sentence_fts", "article_fts", "entity", "mention", "timeline",
    "library_entity",
    "library_key",
  ]

  func migrate(log: (String) -> Void) throws {
    let analyser = self.analyser
    let location = self.location
    try db.write { db in
      let hasMeta = try db.tableExists("meta")
      if hasMeta {
        let schema = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
        let built = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'analyser'")
        if schema == Self.schemaVersion && built == analyser { return }
        if case .file(let path) = location {
          if schema != Self.schemaVersion {
            log("\(path): an index of another lede (schema \(schema ?? "none")); rebuilding it")
          } else {
            log("\(path): built by analyser \(built ?? "none"), this is \(analyser); rebuilding it")
          }
        }
        for t in Self.tables.reversed() { try db.execute(sql: "DROP TABLE IF EXISTS \(t)") }
      }
      try db.execute(
        sql: """
          CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE article(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
            mtime INTEGER NOT NULL, hash TEXT NOT NULL, analyser TEXT NOT NULL,
            dating TEXT NOT NULL, title TEXT, source TEXT, date TEXT, date_source TEXT, length INTEGER NOT NULL,
            entities INTEGER NOT NULL, top TEXT NOT NULL,
            sentences_from INTEGER NOT NULL, sentences_to INTEGER NOT NULL,
            entities_from INTEGER NOT NULL, entities_to INTEGER NOT NULL,
            timeline_from INTEGER NOT NULL, timeline_to INTEGER NOT NULL);
          CREATE TABLE sentence(
            id INTEGER PRIMARY KEY, article INTEGER NOT NULL, start INTEGER NOT NULL,
            end INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
          CREATE VIRTUAL TABLE article_fts USING fts5(
            text, content='', tokenize='unicode61 remove_diacritics 2', detail='none', columnsize=0);
          CREATE TABLE entity(
            id INTEGER PRIMARY KEY, article INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            aliases TEXT NOT NULL, mentions INTEGER NOT NULL, library INTEGER);
          CREATE INDEX entity_library ON entity(library);
          CREATE TABLE mention(
            entity INTEGER NOT NULL, article INTEGER NOT NULL, start INTEGER NOT NULL,
            end INTEGER NOT NULL, sentence INTEGER, PRIMARY KEY (entity, start, end)) WITHOUT ROWID;
          CREATE TABLE timeline(
            id INTEGER PRIMARY KEY, article INTEGER NOT NULL, value TEXT NOT NULL, type TEXT NOT NULL,
            granularity TEXT NOT NULL, approximate INTEGER NOT NULL, start INTEGER NOT NULL,
            end INTEGER NOT NULL, text TEXT NOT NULL, sentence INTEGER, first_day INTEGER,
            last_day INTEGER);
          CREATE INDEX timeline_sentence ON timeline(sentence);
          CREATE TABLE library_entity(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL,
            articles INTEGER NOT NULL, mentions INTEGER NOT NULL);
          CREATE TABLE library_key(
            key TEXT NOT NULL, entity INTEGER NOT NULL, articles INTEGER NOT NULL,
            PRIMARY KEY (key, entity)) WITHOUT ROWID;
          """)
      try db.execute(
        sql: "INSERT INTO meta(key, value) VALUES ('schema', ?), ('analyser', ?), ('dirty', '0')",
        arguments: [Self.schemaVersion, analyser])
    }
  }

  // MARK: - Writing

  /// What the index knows of each file: path → stamp, analyser, and the date and year it was
  /// analysed with (`ArticleRecord.datingKey`).
  public func stamps() throws -> [String: (stamp: FileStamp, analyser: String, dating: String)] {
    try db.read { db in
      var out: [String: (FileStamp, String, String)] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, size, mtime, hash, analyser, dating FROM article")
      while let r = try rows.next() {
        let path: String = r[0]
        out[path] = (FileStamp(path: path, size: r[1], mtime: r[2], hash: r[3]), r[4], r[5])
      }
      return out
    }
  }

  /// Adds or replaces articles in one transaction, and marks the library's merged entities as
  /// due for a rebuild (`mergeIfNeeded`).
  public func write(_ records: [ArticleRecord], checkingAnalyser: Bool = false) throws {
    guard !records.isEmpty else { return }
    if checkingAnalyser, let other = records.first(where: { $0.analyser != analyser }) {
      throw IndexError(
        "\(other.file.path): analysed by \(other.analyser), this lede is \(analyser); analyse it again"
      )
    }
    try db.write { db in
      for r in records { try Self.insert(r, db) }
      try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'dirty'")
    }
  }

  /// Updates the size and modification time of files whose content did not change.
  public func touch(_ stamps: [FileStamp]) throws {
    guard !stamps.isEmpty else { return }
    try db.write { db in
      let st = try db.cachedStatement(sql: "UPDATE article SET size = ?, mtime = ? WHERE path = ?")
      for s in stamps { try st.execute(arguments: [s.size, s.mtime, s.path]) }
    }
  }

  /// Removes articles (by absolute path) in one transaction.
  public func remove(_ paths: [String]) throws {
    guard !paths.isEmpty else { return }
    try db.write { db in
      for p in paths {
        if let id = try Int64.fetchOne(
          db, sql: "SELECT id FROM article WHERE path = ?", arguments: [p])
        {
          try Self.deleteArticle(id, db)
        }
      }
      try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'dirty'")
    }
  }

  /// An article's sentences, entities (with their mentions) and timeline entries have
  /// consecutive ids, kept as ranges in its row: deleting them needs no index by article.
  static func deleteArticle(_ id: Int64, _ db: Database) throws {
    guard
      let r = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT sentences_from, sentences_to, entities_from, entities_to, timeline_from, timeline_to
            FROM article WHERE id = ?
            """), arguments: [id])
    else { return }
    let sentences = try String.fetchAll(
      db.cachedStatement(sql: "SELECT text FROM sentence WHERE id >= ? AND id < ? ORDER BY id"),
      arguments: [r[0], r[1]])
    try db.cachedStatement(
      sql: "INSERT INTO article_fts(article_fts, rowid, text) VALUES ('delete', ?, ?)"
    )
    .execute(arguments: [id, sentences.joined(separator: "\n")])
    let ranges: [(String, String, Int64, Int64)] = [
      ("sentence", "id", r[0], r[1]), ("mention", "entity", r[2], r[3]),
      ("entity", "id", r[2], r[3]),
      ("timeline", "id", r[4], r[5]),
    ]
    for (table, column, from, to) in ranges where from < to {
      try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(column) >= ? AND \(column) < ?")
        .execute(arguments: [from, to])
    }
    try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
  }

  static func next(_ table: String, _ db: Database) throws -> Int64 {
    try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM \(table)"))!
  }

  static let separator = "\u{1F}"

  static func insert(_ r: ArticleRecord, _ db: Database) throws {
    if let old = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM article WHERE path = ?"), arguments: [r.file.path])
    {
      try deleteArticle(old, db)
    }
    let top = r.entities.filter { !LibraryMerge.figureTypes.contains($0.type) }.prefix(3).map(
      \.name)
    let firstSentence = try next("sentence", db)
    let firstEntity = try next("entity", db)
    let firstTimeline = try next("timeline", db)
    try db.cachedStatement(
      sql: """
        INSERT INTO article(path, size, mtime, hash, analyser, dating, title, source, date,
          date_source, length, entities, top, sentences_from, sentences_to, entities_from,
          entities_to, timeline_from, timeline_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        """
    ).execute(arguments: [
      r.file.path, r.file.size, r.file.mtime, r.file.hash, r.analyser, r.dating ?? "", r.title, r.source, r.date,
      r.dateSource, r.length, r.entities.count, top.joined(separator: separator),
      firstSentence, firstSentence + Int64(r.sentences.count), firstEntity,
      firstEntity + Int64(r.entities.count), firstTimeline, firstTimeline + Int64(r.timeline.count),
    ])
    let article = db.lastInsertedRowID
    let sentence = try db.cachedStatement(
      sql: "INSERT INTO sentence(id, article, start, end, kind, text) VALUES (?,?,?,?,?,?)")
    for (i, s) in r.sentences.enumerated() {
      try sentence.execute(arguments: [
        firstSentence + Int64(i), article, s.start, s.end, s.kind, s.text,
      ])
    }
    // The full-text index holds one document per article (its sentences, a line each); it
    // keeps no copy of the text, so a deletion gives the same text back (`deleteArticle`).
    try db.cachedStatement(sql: "INSERT INTO article_fts(rowid, text) VALUES (?, ?)")
      .execute(arguments: [article, r.sentences.map(\.text).joined(separator: "\n")])
    func sentenceID(_ i: Int) -> Int64? {
      i >= 0 && i < r.sentences.count ? firstSentence + Int64(i) : nil
    }
    var entityID = firstEntity
    let entity = try db.cachedStatement(
      sql: "INSERT INTO entity(id, article, name, type, aliases, mentions) VALUES (?,?,?,?,?,?)")
    let mention = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO mention(entity, article, start, end, sentence) VALUES (?,?,?,?,?)"
    )
    for e in r.entities {
      try entity.execute(arguments: [
        entityID, article, e.name, e.type, e.aliases.joined(separator: separator), e.mentions.count,
      ])
      for m in e.mentions {
        try mention.execute(arguments: [entityID, article, m.start, m.end, sentenceID(m.sentence)])
      }
      entityID += 1
    }
    let timeline = try db.cachedStatement(
      sql: """
        INSERT INTO timeline(id, article, value, type, granularity, approximate, start, end, text,
          sentence, first_day, last_day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
        """)
    for (i, t) in r.timeline.enumerated() {
      try timeline.execute(arguments: [
        firstTimeline + Int64(i), article, t.value, t.type, t.granularity, t.approximate, t.start,
        t.end,
        t.text, sentenceID(t.sentence), t.firstDay, t.lastDay,
      ])
    }
  }

  /// Copies the write-ahead log into the database file (best effort: a reader may hold it).
  public func checkpoint() {
    guard let pool = db as? DatabasePool else { return }
    _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
  }

  /// The bytes the index takes on disk (database and write-ahead log), 0 in memory.
  public var sizeOnDisk: Int {
    guard case .file(let path) = location else { return 0 }
    return ["", "-wal"].reduce(0) {
      $0 + (((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size]) as? Int) ?? 0)
    }
  }

  /// Rebuilds the library's merged entities when articles changed since the last merge (also
  /// after a run that was killed between its last batch and the merge).
  @discardableResult
  public func mergeIfNeeded() throws -> Bool {
    let dirty = try db.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dirty'") != "0"
    }
    guard dirty else { return false }
    try db.write { db in
      var inputs: [LibraryMerge.Input] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, article, name, type, aliases, mentions FROM entity")
      while let r = try rows.next() {
        let aliases: String = r[4]
        inputs.append(
          LibraryMerge.Input(
            id: r[0], article: r[1], name: r[2], type: r[3],
            aliases: aliases.isEmpty ? [] : aliases.components(separatedBy: Self.separator),
            mentions: r[5]))
      }
      let merged = LibraryMerge.merge(inputs)
      try db.execute(sql: "DELETE FROM library_entity; DELETE FROM library_key")
      let insertEntity = try db.cachedStatement(
        sql:
          "INSERT INTO library_entity(id, name, type, aliases, articles, mentions) VALUES (?,?,?,?,?,?)"
      )
      let insertKey = try db.cachedStatement(
        sql: "INSERT INTO library_key(key, entity, articles) VALUES (?,?,?)")
      let update = try db.cachedStatement(sql: "UPDATE entity SET library = ? WHERE id = ?")
      for (i, m) in merged.enumerated() {
        let id = Int64(i + 1)
        try insertEntity.execute(arguments: [
          id, m.name, m.type, m.aliases.joined(separator: Self.separator), m.articles, m.mentions,
        ])
        for (k, n) in m.keys { try insertKey.execute(arguments: [k, id, n]) }
        for member in m.members { try update.execute(arguments: [id, member]) }
      }
      try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'dirty'")
    }
    return true
  }
}
