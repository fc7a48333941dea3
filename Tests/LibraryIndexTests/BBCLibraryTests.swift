import ArticleModel
import Foundation
import XCTest

@testable import LibraryIndex

/// The library on real articles: BBC politics (417 files) from ../shared, skipped without it.
final class BBCLibraryTests: XCTestCase {
  static func sharedFolder(_ relative: String) throws -> String {
    let env = ProcessInfo.processInfo.environment["LEDE_SHARED"].flatMap { $0.isEmpty ? nil : $0 }
    let root =
      env
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
    let path = root + "/" + relative
    guard FileManager.default.fileExists(atPath: path) else {
      throw XCTSkip("SKIPPED: \(path) is absent (../shared or LEDE_SHARED)")
    }
    return path
  }

  /// "Tony Blair", "Mr Blair" and "Blair" across the articles are one person: he is found in
  /// (nearly) every article that writes "Tony Blair" or "Mr Blair", and in no article without
  /// the word "Blair".
  func testTonyBlairAcrossBBCPolitics() throws {
    let folder = try Self.sharedFolder("data/news/bbc-fulltext/politics")
    let paths = try ArticleLoader.expand([folder])
    let index = try LibraryIndex(.memory)
    let summary = try index.refresh(paths: paths)
    XCTAssertEqual(summary.analysed, paths.count)
    let blair = try XCTUnwrap(index.entity(named: "Tony Blair"))
    XCTAssertEqual(blair.name, "Tony Blair")
    XCTAssertEqual(try index.entity(named: "Mr Blair")?.id, blair.id)
    let found = Set(try index.articles(mentioning: blair.id).map(\.article.path))
    var named = Set<String>()
    var withWord = Set<String>()
    for p in paths {
      let text = try String(contentsOfFile: p, encoding: .utf8)
      let abs = FileStamp.absolute(p)
      if text.contains("Tony Blair") || text.contains("Mr Blair") { named.insert(abs) }
      if text.contains("Blair") { withWord.insert(abs) }
    }
    XCTAssertGreaterThan(named.count, 100)
    let missed = named.subtracting(found)
    XCTAssertLessThanOrEqual(
      missed.count * 20, named.count, "missed: \(missed.sorted().prefix(10))")
    XCTAssertTrue(
      found.isSubset(of: withWord), "\(found.subtracting(withWord).sorted().prefix(10))")
    // His concordance lists every mention, each inside its sentence.
    let mentions = try index.mentions(of: blair.id)
    XCTAssertEqual(mentions.count, blair.mentions)
    XCTAssertTrue(
      mentions.allSatisfy { $0.text.hasSuffix("Blair") || $0.text == "Tony" },
      "\(Set(mentions.map(\.text)))")
  }
}
