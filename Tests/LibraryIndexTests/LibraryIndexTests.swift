import ArticleModel
import Foundation
import GRDB
import XCTest

@testable import LibraryIndex

/// The fixture library: five made-up short news articles (Tests/LibraryIndexTests/Fixtures/library).
enum FixtureLibrary {
  static var folder: String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/library").path
  }

  static var paths: [String] { try! ArticleLoader.expand([folder]) }

  /// A fresh copy of the fixture folder in a temporary directory (tests that change files).
  static func copy() throws -> String {
    let dir = NSTemporaryDirectory() + "lede-library-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for p in paths {
      try FileManager.default.copyItem(
        atPath: p, toPath: dir + "/" + URL(fileURLWithPath: p).lastPathComponent)
    }
    return dir
  }
}

/// Everything the queries return, with the article ids replaced by paths: two indexes of the
/// same articles give equal snapshots whatever order they were built in.
struct Snapshot: Equatable {
  var articles: [String]
  var entities: [String]
  var mentions: [String]
  var timeline: [String]
  var search: [String]

  init(_ index: LibraryIndex) throws {
    articles = try index.articles(sort: .path).map {
      "\($0.path) \($0.title ?? "-") \($0.date ?? "-") \($0.topEntities) \($0.entityCount)"
    }
    let all = try index.entities(sort: .name)
    entities = all.map { "\($0.name) \($0.type) \($0.aliases) \($0.articles) \($0.mentions)" }
    mentions = try all.flatMap { e in
      try index.mentions(of: e.id).map { "\(e.name) \($0.path) \($0.start) \($0.end)" }
    }
    timeline = try index.timeline().map { "\($0.value) \($0.path) \($0.start) \($0.sentence)" }
    search = try ["the", "Blair", "2005", "£"].flatMap { p in
      try index.search(p).flatMap { h in h.matches.map { "\(p) \(h.path) \($0.start) \($0.end)" } }
    }
  }
}

final class LibraryIndexTests: XCTestCase {
  func memoryIndex() throws -> LibraryIndex {
    let index = try LibraryIndex(.memory)
    try index.refresh(paths: FixtureLibrary.paths)
    return index
  }

  func tempPath(_ name: String = "index.sqlite") -> String {
    NSTemporaryDirectory() + "lede-index-\(UUID().uuidString)/" + name
  }

  // MARK: - Entities across articles

  func testBlairIsOneEntityAcrossArticlesWhateverEachCallsHim() throws {
    let index = try memoryIndex()
    let blair = try XCTUnwrap(index.entity(named: "Tony Blair"))
    XCTAssertEqual(blair.name, "Tony Blair")
    XCTAssertEqual(blair.type, .person)
    // 01 says "Tony Blair" and "Mr Blair"; 02 and 03 only "Mr Blair".
    XCTAssertEqual(blair.articles, 3)
    XCTAssertEqual(try index.entity(named: "Mr Blair")?.id, blair.id)
    XCTAssertEqual(try index.entity(named: "blair")?.id, blair.id)
    let paths = try index.articles(mentioning: blair.id).map {
      URL(fileURLWithPath: $0.article.path).lastPathComponent
    }
    XCTAssertEqual(Set(paths), ["01-budget.txt", "02-election.txt", "03-visit.txt"])
    // The concordance: every mention, in library order then text order, with its sentence.
    let mentions = try index.mentions(of: blair.id)
    XCTAssertEqual(
      mentions.map { URL(fileURLWithPath: $0.path).lastPathComponent },
      mentions.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted())
    XCTAssertEqual(mentions.count, blair.mentions)
    XCTAssertEqual(
      try index.mentionPositions(of: blair.id).map { "\($0.path) \($0.start) \($0.end)" },
      mentions.map { "\($0.path) \($0.start) \($0.end)" })
    for m in mentions {
      XCTAssertTrue(m.text == "Blair" || m.text == "Tony Blair", m.text)
      XCTAssertEqual(
        LibraryIndex.slice(m.sentence, m.start - m.sentenceStart, m.end - m.sentenceStart), m.text)
    }
    XCTAssertTrue(mentions.contains { $0.sentence.hasPrefix("Mr Blair said the talks") })
  }

  func testMergeRules() {
    typealias I = LibraryMerge.Input
    // An alias the articles agree on joins the name used alone elsewhere.
    var inputs = [
      I(id: 1, article: 1, name: "Tony Blair", type: "PERSON", aliases: ["Blair"], mentions: 3),
      I(id: 2, article: 2, name: "Blair", type: "PERSON", aliases: [], mentions: 2),
      I(id: 3, article: 3, name: "BLAIR", type: "PERSON", aliases: [], mentions: 1),
    ]
    var out = LibraryMerge.merge(inputs)
    XCTAssertEqual(out.map(\.name), ["Tony Blair"])
    XCTAssertEqual(out[0].articles, 3)
    XCTAssertEqual(out[0].mentions, 6)
    // One article calling "Washington" George Washington does not swallow the city of 20.
    inputs = [
      I(
        id: 1, article: 1, name: "George Washington", type: "PLACE", aliases: ["Washington"],
        mentions: 2)
    ]
    for a in 2...21 {
      inputs.append(
        I(
          id: Int64(a), article: Int64(a), name: "Washington", type: "PLACE", aliases: [],
          mentions: 1))
    }
    out = LibraryMerge.merge(inputs)
    XCTAssertEqual(Set(out.map(\.name)), ["George Washington", "Washington"])
    // Articles that disagree (Cherie and Tony both "Blair") merge nothing.
    inputs = [
      I(id: 1, article: 1, name: "Tony Blair", type: "PERSON", aliases: ["Blair"], mentions: 2),
      I(id: 2, article: 2, name: "Cherie Blair", type: "PERSON", aliases: ["Blair"], mentions: 2),
      I(id: 3, article: 3, name: "Blair", type: "PERSON", aliases: [], mentions: 1),
    ]
    XCTAssertEqual(LibraryMerge.merge(inputs).count, 3)
    // Without any alias, a one-word person name goes to the one person whose name ends with it.
    inputs = [
      I(id: 1, article: 1, name: "Michael Howard", type: "PERSON", aliases: [], mentions: 1),
      I(id: 2, article: 2, name: "Howard", type: "PERSON", aliases: [], mentions: 1),
      I(id: 3, article: 3, name: "Howard", type: "PLACE", aliases: [], mentions: 1),
    ]
    out = LibraryMerge.merge(inputs)
    XCTAssertEqual(out.count, 1)
    // Figures merge only with the same type and never by alias.
    inputs = [
      I(id: 1, article: 1, name: "$42", type: "MONEY", aliases: [], mentions: 1),
      I(id: 2, article: 2, name: "$42", type: "MONEY", aliases: [], mentions: 1),
      I(id: 3, article: 3, name: "42", type: "QUANTITY", aliases: [], mentions: 1),
    ]
    XCTAssertEqual(LibraryMerge.merge(inputs).map(\.articles).sorted(), [1, 2])
  }

  // MARK: - Queries

  func testTimelineOfAnEntityKeepsTheEntriesOfItsSentences() throws {
    let index = try memoryIndex()
    let all = try index.timeline()
    XCTAssertTrue(all.contains { $0.text == "February 2005" })
    // Dated entries are in calendar order.
    let months = all.filter { $0.granularity == "month" || $0.granularity == "day" }.map {
      String($0.value.prefix(7))
    }
    XCTAssertEqual(months, months.sorted())
    XCTAssertTrue(months.contains("2004-10") && months.contains("2005-05"), "\(months)")
    XCTAssertEqual(
      all.filter(\.isDated).count, all.prefix { $0.isDated }.count, "dated entries first")
    let blair = try XCTUnwrap(index.entity(named: "Tony Blair"))
    let his = try index.timeline(entity: blair.id)
    XCTAssertTrue(his.contains { $0.text == "16 March 2005" }, "\(his.map(\.text))")
    XCTAssertTrue(his.contains { $0.text == "April" }, "\(his.map(\.text))")
    XCTAssertFalse(
      his.contains { $0.text == "February 2005" }, "that sentence names Washington and Bush")
    XCTAssertFalse(his.contains { $0.text == "October 2004" })
  }

  func testSearchFindsMatchesPerArticleWithContextAndSmartCase() throws {
    let index = try memoryIndex()
    let hits = try index.search("talks")
    XCTAssertEqual(hits.map { URL(fileURLWithPath: $0.path).lastPathComponent }, ["03-visit.txt"])
    XCTAssertEqual(hits[0].matches.count, 2)
    for m in hits[0].matches {
      XCTAssertEqual(
        LibraryIndex.slice(m.sentence, m.start - m.sentenceStart, m.end - m.sentenceStart), "talks")
    }
    // Lower case finds any case; a capital makes case matter.
    XCTAssertEqual(try index.search("blair").flatMap(\.matches).count, 7)
    XCTAssertEqual(try index.search("Blair").flatMap(\.matches).count, 7)
    XCTAssertEqual(try index.search("BLAIR").flatMap(\.matches).count, 0)
    // A word's start finds the longer word; a phrase must be there as written.
    XCTAssertEqual(try index.search("elect").count, 1)
    XCTAssertEqual(try index.search("prime minister").flatMap(\.matches).count, 2)
    XCTAssertEqual(try index.search("minister prime").count, 0)
    // Nothing for the full-text index to go on: every sentence is scanned.
    XCTAssertEqual(try index.search("$").flatMap(\.matches).count, 1)
    XCTAssertEqual(try index.search("blair", limit: 3).flatMap(\.matches).count, 3)
  }

  func testArticlesSortAndFilter() throws {
    let index = try memoryIndex()
    let byTitle = try index.articles(sort: .title).map { $0.title ?? "" }
    XCTAssertEqual(byTitle, byTitle.sorted { $0.lowercased() < $1.lowercased() })
    XCTAssertEqual(byTitle.count, 5)
    XCTAssertEqual(
      try index.articles(filter: "ELECTION").map(\.title), ["Election date talk grows"])
    let budget = try XCTUnwrap(index.articles().first)
    XCTAssertEqual(budget.topEntities.first, "Tony Blair")
  }

  // MARK: - Incremental

  func testRefreshAnalysesOnlyNewAndChangedFilesAndNeverWritesThem() throws {
    let dir = try FixtureLibrary.copy()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paths = { try ArticleLoader.expand([dir]) }
    let before = try paths().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let index = try LibraryIndex(.file(tempPath()))
    var s = try index.refresh(paths: paths())
    XCTAssertEqual([s.analysed, s.unchanged, s.removed], [5, 0, 0])
    s = try index.refresh(paths: paths())
    XCTAssertEqual([s.analysed, s.unchanged, s.touched], [0, 5, 0])
    XCTAssertFalse(s.merged)
    XCTAssertEqual(try paths().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, before)
    // A new time with the same bytes: not analysed again.
    let budget = dir + "/01-budget.txt"
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: budget)
    s = try index.refresh(paths: paths())
    XCTAssertEqual([s.analysed, s.unchanged, s.touched], [0, 4, 1])
    // Changed content: analysed again, the library's entities follow.
    try "Cherie Blair visits Leeds\n\nCherie Blair opened a school in Leeds on Monday.\n"
      .write(toFile: budget, atomically: true, encoding: .utf8)
    s = try index.refresh(paths: paths())
    XCTAssertEqual([s.analysed, s.unchanged], [1, 4])
    XCTAssertTrue(s.merged)
    XCTAssertNotNil(try index.entity(named: "Leeds"))
    XCTAssertNil(try index.entity(named: "Gordon Brown"))
    // The full-text index forgot the old text (it keeps none: the deletion must give it back whole).
    let fts = { (word: String) in
      try index.db.read {
        try Int.fetchOne(
          $0, sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [word])
      }
    }
    XCTAssertEqual(try fts("gordon"), 0)
    XCTAssertEqual(try fts("leeds"), 1)
    XCTAssertEqual(try fts("blair"), 3)
    XCTAssertEqual(try index.search("Leeds").count, 1)
    // Removed and added files.
    try FileManager.default.removeItem(atPath: dir + "/04-football.txt")
    try "Snow closes roads\n\nSnow closed roads in Aberdeen on Sunday.\n".write(
      toFile: dir + "/06-snow.txt", atomically: true, encoding: .utf8)
    s = try index.refresh(paths: paths())
    XCTAssertEqual([s.analysed, s.unchanged, s.removed], [1, 4, 1])
    XCTAssertNil(try index.entity(named: "Jose Mourinho"))
    XCTAssertEqual(try index.articleCount(), 5)
    // A file that cannot be read is reported and left out; the others are indexed.
    try Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2]).write(
      to: URL(fileURLWithPath: dir + "/07-binary.txt"))
    s = try index.refresh(paths: paths())
    XCTAssertEqual(s.failures.count, 1)
    XCTAssertTrue(s.failures[0].contains("07-binary.txt"), s.failures[0])
    XCTAssertEqual(try index.articleCount(), 5)
  }

  func testAnOtherAnalyserVersionRebuildsWithOneLine() throws {
    let path = tempPath()
    var lines: [String] = []
    var index = try LibraryIndex(.file(path), analyser: "test-1", log: { lines.append($0) })
    try index.refresh(paths: FixtureLibrary.paths)
    XCTAssertEqual(lines, [])
    index = try LibraryIndex(.file(path), analyser: "test-1", log: { lines.append($0) })
    XCTAssertEqual(try index.articleCount(), 5)
    XCTAssertEqual(lines, [])
    index = try LibraryIndex(.file(path), analyser: "test-2", log: { lines.append($0) })
    XCTAssertEqual(lines.count, 1)
    XCTAssertTrue(lines[0].contains("test-1") && lines[0].contains("rebuilding"), lines[0])
    XCTAssertEqual(try index.articleCount(), 0)
    XCTAssertEqual(try index.refresh(paths: FixtureLibrary.paths).analysed, 5)
  }

  func testACorruptIndexIsRebuiltWithOneLine() throws {
    let path = tempPath()
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    var lines: [String] = []
    let index = try LibraryIndex(.file(path), log: { lines.append($0) })
    XCTAssertEqual(lines.count, 1)
    XCTAssertTrue(lines[0].contains(path) && lines[0].contains("rebuilding"), "\(lines)")
    XCTAssertEqual(try index.refresh(paths: FixtureLibrary.paths).analysed, 5)
    XCTAssertEqual(index.location, .file(path))
    // A truncated index (a disk that filled up) too.
    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    try good.prefix(good.count / 2 / 4096 * 4096 + 100).write(to: URL(fileURLWithPath: path))
    lines = []
    let again = try LibraryIndex(.file(path), log: { lines.append($0) })
    try again.refresh(paths: FixtureLibrary.paths)
    XCTAssertEqual(try again.articleCount(), 5)
  }

  func testAnUnwritableFolderFallsBackToMemoryWithOneLine() throws {
    // A regular file where the folder should be: cannot be created, even by root.
    let blocker = NSTemporaryDirectory() + "lede-blocker-\(UUID().uuidString)"
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
    defer { try? FileManager.default.removeItem(atPath: blocker) }
    var lines: [String] = []
    let index = try LibraryIndex(.file(blocker + "/lede/index.sqlite"), log: { lines.append($0) })
    XCTAssertEqual(index.location, .memory)
    XCTAssertEqual(lines.count, 1)
    XCTAssertTrue(lines[0].contains("memory"), "\(lines)")
    XCTAssertEqual(try index.refresh(paths: FixtureLibrary.paths).analysed, 5)
    XCTAssertNotNil(try index.entity(named: "Tony Blair"))
  }

  func testDefaultLocationIsPerFolderSetInTheCache() {
    let a = IndexLocation.defaultFor(
      ["/data/news/bbc"], environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
    let b = IndexLocation.defaultFor(["/data/news/bbc/"], environment: ["HOME": "/h"])
    let c = IndexLocation.defaultFor(["/data/news/other"], environment: ["HOME": "/h"])
    guard case .file(let pa) = a, case .file(let pb) = b, case .file(let pc) = c else {
      return XCTFail()
    }
    XCTAssertTrue(pa.hasPrefix("/c/lede/bbc-"), pa)
    XCTAssertTrue(pb.hasPrefix("/h/.cache/lede/bbc-"), pb)
    XCTAssertEqual(
      URL(fileURLWithPath: pa).lastPathComponent, URL(fileURLWithPath: pb).lastPathComponent)
    XCTAssertNotEqual(
      URL(fileURLWithPath: pa).lastPathComponent, URL(fileURLWithPath: pc).lastPathComponent)
  }

  // MARK: - Shards

  func testAnIndexFromTwoShardsEqualsOneBuiltInOneRun() throws {
    let whole = try memoryIndex()
    // Two shards analysed apart (as `lede analyze --jsonl` under GNU parallel), through JSON lines.
    let paths = FixtureLibrary.paths
    let shards = [Array(paths[3...]), Array(paths[..<3])]
    let merged = try LibraryIndex(.memory)
    for shard in shards {
      let lines = try shard.map { try ArticleRecord.analyse(path: $0).jsonLine() }
      XCTAssertFalse(lines.contains { $0.contains("\n") })
      try merged.importRecords(lines.map { try ArticleRecord.fromJSONLine(Substring($0)) })
    }
    XCTAssertEqual(try Snapshot(merged), try Snapshot(whole))
    XCTAssertEqual(try Snapshot(whole).entities.count, try whole.entities().count)
    // The imported files are known: a refresh of the folder analyses nothing.
    let s = try merged.refresh(paths: paths)
    XCTAssertEqual([s.analysed, s.unchanged], [0, 5])
    // An analysis of another analyser version is refused.
    var old = try ArticleRecord.analyse(path: paths[0])
    old.analyser = "lede-analysis-0"
    XCTAssertThrowsError(try merged.importRecords([old]))
  }
}
