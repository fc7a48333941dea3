import Foundation
import XCTest

@testable import ArticleModel

/// The whole pipeline over real inputs from ../shared (skipped, with a message, when absent).
final class CorpusTests: XCTestCase {
  func testEveryBBCArticle() throws {
    let root = try SharedData.path("data/news/bbc-fulltext")
    let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".txt") }.sorted()
    XCTAssertGreaterThan(files.count, 2000)
    var withTitle = 0
    for f in files {
      let doc = try ArticleLoader.load(path: root + "/" + f)
      XCTAssertFalse(doc.sentences.isEmpty, f)
      if doc.title != nil { withTitle += 1 }
      let a = Analysis(document: doc)
      let json = Report.json(a)
      XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)), f)
      for e in a.entities { for m in e.mentions { XCTAssertTrue(m.end <= doc.scalars.count, f) } }
    }
    // BBC files start with a title line
    XCTAssertGreaterThan(withTitle, files.count * 95 / 100)
  }

  /// sport/199 is ASCII but for one ISO-8859-1 byte (0xA3): read as windows-1252 it is "£".
  func testLatin1ArticleLoads() throws {
    let doc = try ArticleLoader.load(path: try SharedData.path("data/news/bbc-fulltext/sport/199.txt"))
    XCTAssertFalse(doc.scalars.contains("\u{FFFD}"))
    XCTAssertTrue(doc.text.contains("£15.8m"))
  }

  func testWarAndPeace() throws {
    let doc = try ArticleLoader.load(path: try SharedData.path("data/big/war-and-peace.txt"))
    XCTAssertFalse(doc.scalars.contains("\r"))
    // the Gutenberg header is not the book (issue 14): the book's own title line is its title
    XCTAssertEqual(doc.title, "WAR AND PEACE")
    XCTAssertGreaterThan(doc.paragraphs.count, 10_000)
    XCTAssertGreaterThan(doc.tokens.count, 600_000)
    let headings = doc.paragraphs.filter { $0.kind == .heading }.map { doc.string($0.span) }
    XCTAssertTrue(headings.contains("CHAPTER I"))
    // hard-wrapped paragraphs are whole: the opening line of Book One
    XCTAssertTrue(doc.paragraphs.contains { doc.string($0.span).hasPrefix("“Well, Prince, so Genoa and Lucca") && doc.string($0.span).contains("\n") })
  }
}
