import Foundation
import XCTest

@testable import ArticleModel

/// The word-cluster table: the shipped binary is the TSV it is made from, and bad data is refused.
final class NERClustersTests: XCTestCase {
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Builds the table from tools/clusters/word-clusters.tsv and compares it with the shipped
  /// Resources/word-clusters.bin. With LEDE_WRITE_CLUSTERS=1 it (re)writes the binary first.
  func testShippedTableIsTheTSV() throws {
    let tsv = Self.repo.appendingPathComponent("tools/clusters/word-clusters.tsv")
    let built = NERClusters(tsv: try Data(contentsOf: tsv))
    XCTAssertGreaterThan(built.count, 190_000)
    if ProcessInfo.processInfo.environment["LEDE_WRITE_CLUSTERS"] == "1" {
      let out = Self.repo.appendingPathComponent("Sources/ArticleModel/Resources/word-clusters.bin")
      try SafeWriter.write(built.serialized(), to: out.path)
      print("wrote \(out.path)")
      return
    }
    let binURL = Self.repo.appendingPathComponent("Sources/ArticleModel/Resources/word-clusters.bin")
    let fromFile = try XCTUnwrap(NERClusters(binary: try Data(contentsOf: binURL)))
    XCTAssertEqual(fromFile.count, built.count)
    XCTAssertTrue(fromFile.slots == built.slots, "word-clusters.bin is stale: see tools/clusters/README.md")
    XCTAssertEqual(NERClusters.shipped.count, built.count)
    // Lookups read the same ids: "the" and a capitalised name's lower-cased key.
    for w in ["the", "moscow", "yorkton", "ñandú"] {
      let key = NERHash.lowerHash(w.unicodeScalars)
      XCTAssertEqual(NERClusters.shipped.lookup(key), built.lookup(key), w)
    }
    XCTAssertNotEqual(built.lookup(NERHash.lowerHash("moscow".unicodeScalars)), 0)
  }

  func testBinaryRoundTripAndBadDataIsRefused() throws {
    let tsv = "# comment\nthe\t1\t2\t3\nMoscow\t7\t8\t9\nzürich\t4\t5\t6\nbad line\n"
    let table = NERClusters(tsv: Data(tsv.utf8))
    XCTAssertEqual(table.count, 3)
    let data = table.serialized()
    let copy = try XCTUnwrap(NERClusters(binary: data))
    XCTAssertEqual(copy.slots, table.slots)
    XCTAssertEqual(copy.count, 3)
    let key = NERHash.lowerHash("Zürich".unicodeScalars)
    XCTAssertEqual(copy.lookup(key), table.lookup(key))
    XCTAssertEqual(copy.lookup(key) & NERClusters.fineMask, 5)
    XCTAssertNil(NERClusters(binary: data.prefix(data.count - 8)))  // truncated
    XCTAssertNil(NERClusters(binary: Data("LEDECLU2".utf8) + data.dropFirst(8)))  // wrong magic
    var odd = data
    odd[8] = 3  // a slot count that is not a power of two
    XCTAssertNil(NERClusters(binary: odd))
    XCTAssertNil(NERClusters(binary: Data()))
  }
}
