import ArticleModel
import ExplorerCore
import Foundation
import LibraryIndex

/// The explorer's view of the library (`LibrarySource`, in ExplorerCore) over the SQLite index
/// (`LibraryIndex`): ExplorerCore does not import GRDB. Articles are named by their place among
/// the files the explorer was given; the index knows them by absolute path.
public final class LibraryBridge: LibrarySource, @unchecked Sendable {
  public let index: LibraryIndex
  public let paths: [String]
  let jobs: Int
  /// The date and year to analyse files with (--date, --year, a dates.tsv), by path as given.
  let datings: [String: (date: String?, year: Int?)]
  /// Absolute path → place among `paths`.
  let fileOf: [String: Int]

  public init(
    index: LibraryIndex, paths: [String], jobs: Int, datings: [String: (date: String?, year: Int?)] = [:]
  ) {
    self.index = index
    self.paths = paths
    self.jobs = jobs
    self.datings = datings
    var map: [String: Int] = [:]
    let cwd = FileManager.default.currentDirectoryPath
    for (i, p) in paths.enumerated() {
      let a = Self.absolute(p, cwd: cwd)
      if map[a] == nil { map[a] = i }
    }
    fileOf = map
  }

  /// `FileStamp.absolute` without Foundation's URL (which stats each path: 2,225 of them took
  /// 200 ms of a warm open): `.` and `..` taken out lexically, symbolic links not resolved.
  static func absolute(_ path: String, cwd: String) -> String {
    let full = path.hasPrefix("/") ? path : cwd + "/" + path
    var out: [Substring] = []
    for c in full.split(separator: "/") {
      if c == "." { continue }
      if c == ".." {
        if !out.isEmpty { out.removeLast() }
        continue
      }
      out.append(c)
    }
    return "/" + out.joined(separator: "/")
  }

  public func snapshot() throws -> LibrarySnapshot {
    let articles = try index.articles(sort: .path).compactMap { r -> LibraryArticle? in
      guard let file = fileOf[r.path] else { return nil }
      return LibraryArticle(
        file: file, title: r.title, source: r.source, date: r.date, dateSource: r.dateSource,
        topEntities: r.topEntities)
    }
    return LibrarySnapshot(articles: articles)
  }

  static func item(_ e: LibraryEntity) -> LibraryEntityItem {
    LibraryEntityItem(
      id: e.id, name: e.name, type: e.type, aliases: e.aliases, articles: e.articles,
      mentions: e.mentions)
  }

  public func refresh(progress: @escaping @Sendable (Int, Int) -> Void) throws -> String? {
    let summary = try index.refresh(paths: paths, jobs: jobs, datings: datings) { p in
      progress(p.done, p.total)
    }
    var parts: [String] = []
    if summary.analysed > 0 { parts.append("\(summary.analysed) analysed") }
    if summary.removed > 0 { parts.append("\(summary.removed) removed") }
    if !summary.failures.isEmpty {
      parts.append("\(summary.failures.count) unreadable (first: \(summary.failures[0]))")
    }
    guard !parts.isEmpty else { return nil }
    return String(format: "Indexed in %.1f s: ", summary.seconds) + parts.joined(separator: ", ")
  }

  public func answer(_ query: LibraryQuery) throws -> LibraryAnswer {
    switch query {
    case .entities:
      return .entities(try index.entities(sort: .articles).map(Self.item))
    case .entity(let id):
      guard let e = try index.entity(id: id) else { return .none("No such entity in the index") }
      return try entityAnswer(e)
    case .entityOfArticle(let file, let name):
      guard paths.indices.contains(file),
        let e = try index.entity(article: paths[file], name: name) ?? index.entity(named: name)
      else { return .none("\(name) is not in the library index yet") }
      return try entityAnswer(e)
    case .timeline(let entity):
      let rows = try index.timeline(entity: entity).compactMap { t -> LibraryTimelineItem? in
        guard t.isDated, let file = fileOf[t.path] else { return nil }
        return LibraryTimelineItem(
          file: file, value: t.value, approximate: t.approximate, span: Span(t.start, t.end),
          sentence: t.sentence, sentenceStart: t.sentenceStart)
      }
      return .timeline(entity: entity, rows)
    case .search(let pattern):
      let hits = try index.search(pattern, limit: 10_000)
      var out: [LibraryMention] = []
      for h in hits {
        guard let file = fileOf[h.path] else { continue }
        for m in h.matches {
          out.append(
            LibraryMention(
              file: file, span: Span(m.start, m.end), sentence: m.sentence,
              sentenceStart: m.sentenceStart))
        }
      }
      out.sort { $0.file != $1.file ? $0.file < $1.file : $0.span.start < $1.span.start }
      return .search(pattern, out)
    }
  }

  func entityAnswer(_ e: LibraryEntity) throws -> LibraryAnswer {
    let articles = try index.articles(mentioning: e.id).compactMap { a -> LibraryArticleCount? in
      fileOf[a.article.path].map { LibraryArticleCount(file: $0, mentions: a.mentions) }
    }
    var mentions = try index.mentions(of: e.id).compactMap { m -> LibraryMention? in
      guard let file = fileOf[m.path] else { return nil }
      return LibraryMention(
        file: file, span: Span(m.start, m.end), sentence: m.sentence,
        sentenceStart: m.sentenceStart)
    }
    // the explorer's order: the files as given, then text order
    mentions.sort { $0.file != $1.file ? $0.file < $1.file : $0.span.start < $1.span.start }
    return .entity(Self.item(e), articles: articles, mentions: mentions)
  }
}
