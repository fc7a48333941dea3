import ArticleModel
import Foundation
import XCTest

@testable import LibraryIndex

/// The date and year files are analysed with (--date, --year, a dates.tsv beside them), and the
/// date's source, in the index.
final class DatingIndexTests: XCTestCase {
  /// The rows say where their date comes from, however the query reads them: `articles()` and
  /// `articles(mentioning:)`, which appends a column of its own (the mention count) to the
  /// article's columns.
  func testArticleRowsCarryTheDateSource() throws {
    let index = try LibraryIndex(.memory)
    try index.refresh(paths: FixtureLibrary.paths)
    let rows = try index.articles(sort: .path)
    let budget = try XCTUnwrap(rows.first { $0.path.hasSuffix("01-budget.txt") })
    XCTAssertEqual(budget.date, "2005")
    XCTAssertEqual(budget.dateSource, "inferred")
    let undated = try XCTUnwrap(rows.first { $0.path.hasSuffix("03-visit.txt") })
    XCTAssertNil(undated.date)
    XCTAssertNil(undated.dateSource)
    let brown = try XCTUnwrap(try index.entity(named: "Gordon Brown"))
    let mentioning = try index.articles(mentioning: brown.id)
    XCTAssertFalse(mentioning.isEmpty)
    for (row, n) in mentioning {
      let same = try XCTUnwrap(rows.first { $0.path == row.path })
      XCTAssertEqual(row, same)
      XCTAssertGreaterThan(n, 0)
      XCTAssertLessThanOrEqual(n, 20)
    }
  }

  /// A file is analysed with its date or year, and again when they change (dates.tsv edited,
  /// --year given); the others are left alone.
  func testDatingsAreUsedAndAChangeAnalysesAgain() throws {
    let dir = try FixtureLibrary.copy()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paths = try ArticleLoader.expand([dir])
    let budget = dir + "/01-budget.txt"
    let index = try LibraryIndex(.memory)
    var s = try index.refresh(paths: paths, datings: [budget: ("2005-02-14", nil)])
    XCTAssertEqual(s.analysed, 5)
    func row(_ p: String) throws -> ArticleRow { try XCTUnwrap(try index.article(path: p)) }
    XCTAssertEqual(try row(budget).date, "2005-02-14")
    XCTAssertEqual(try row(budget).dateSource, "given")
    // the same datings: nothing to do
    s = try index.refresh(paths: paths, datings: [budget: ("2005-02-14", nil)])
    XCTAssertEqual([s.analysed, s.unchanged], [0, 5])
    // another date for one file: that file only, though its bytes did not change
    s = try index.refresh(paths: paths, datings: [budget: ("2005-03-01", nil)])
    XCTAssertEqual([s.analysed, s.unchanged, s.touched], [1, 4, 0])
    XCTAssertEqual(try row(budget).date, "2005-03-01")
    // none any more: analysed again, the date inferred as before
    s = try index.refresh(paths: paths)
    XCTAssertEqual([s.analysed, s.unchanged], [1, 4])
    XCTAssertEqual(try row(budget).date, "2005")
    XCTAssertEqual(try row(budget).dateSource, "inferred")
    // the record says what it was analysed with (lede analyze --jsonl, then --import)
    let record = try ArticleRecord.analyse(path: budget, year: 1999)
    XCTAssertEqual(record.dating, "year=1999")
    XCTAssertEqual(ArticleRecord.datingKey(date: "2005-02-14", year: 1987), "date=2005-02-14")
    XCTAssertEqual(ArticleRecord.datingKey(date: nil, year: nil), "")
  }
}
