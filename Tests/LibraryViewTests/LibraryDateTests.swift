import ArticleModel
import Foundation
@testable import LibraryBridge
import LibraryIndex
import XCTest

@testable import ExplorerCore

/// The Library view's list shows a guessed date as the title bar does ("2005?"), and files are
/// analysed with the dates given them.
final class LibraryDateTests: XCTestCase {
  func session(_ datings: [String: (date: String?, year: Int?)] = [:]) throws -> ScriptedTerminal {
    let paths = try ArticleLoader.expand([LibraryViewTests.folder])
    let index = try LibraryIndex(.memory)
    let bridge = LibraryBridge(index: index, paths: paths, jobs: 2, datings: datings)
    let size = Size(width: 120, height: 30)
    var app = App(paths: paths, size: size, library: true)
    let terminal = ScriptedTerminal(size: size, script: [.settle])
    let inbox = Inbox()
    Program.run(&app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox, library: bridge)
    return terminal
  }

  func row(_ t: ScriptedTerminal, _ title: String) throws -> String {
    let b = try XCTUnwrap(t.screen)
    return try XCTUnwrap((0..<b.height).map { b.line($0) }.first { $0.contains(title) }, title)
  }

  func testAnInferredDateKeepsItsQuestionMarkInTheList() throws {
    let t = try session()
    // 01-budget's date is inferred (2005?), 03-visit has none
    let budget = try row(t, "Blair backs budget plan for schools")
    XCTAssertTrue(budget.contains(" 2005?  "), budget)
    XCTAssertTrue(try row(t, "Chelsea win at Everton").contains(" 2004?  "))
  }

  func testAGivenDateIsShownAsIs() throws {
    let budget = LibraryViewTests.folder + "/01-budget.txt"
    let t = try session([budget: ("2005-02-14", nil)])
    let line = try row(t, "Blair backs budget plan for schools")
    XCTAssertTrue(line.contains(" 2005-02-14  "), line)
  }

  func testAnUnknownYearIsQuestionMarks() {
    XCTAssertEqual(LibraryArticle(file: 0, date: "XXXX-03-23", dateSource: "dateline").shownDate, "????-03-23")
    XCTAssertEqual(LibraryArticle(file: 0, date: "1987", dateSource: "inferred").shownDate, "1987?")
    XCTAssertEqual(LibraryArticle(file: 0, date: "1987-03-23", dateSource: "given").shownDate, "1987-03-23")
    XCTAssertEqual(LibraryArticle(file: 0).shownDate, "")
  }
}
