import Foundation
import XCTest

/// Issue 13's "Done when", on the fixture folder of five made-up articles (three mention Tony
/// Blair, as "Tony Blair" or "Mr Blair"): the real binary in tmux.
final class LibraryEndToEndTests: XCTestCase {
  static let folder = TmuxSession.repositoryRoot.appendingPathComponent(
    "Tests/LibraryIndexTests/Fixtures/library"
  ).path

  func testOpenFilterOpenChooseBlairStepListTimelineQuitReopen() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-libe2e-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let index = dir.appendingPathComponent("index.sqlite").path
    let args = "--index \(index) \(Self.folder)"
    let t = try TmuxSession(arguments: args)
    // the library, indexed in the background, titles once it is done
    t.wait(for: "Library · 5 articles")
    t.wait(for: "Chelsea win at Everton")
    // filter to "election", open it
    t.type("election")
    t.wait("one article left") {
      $0.contains("Election date talk grows") && !$0.contains("Chelsea win")
        && $0.contains("filter: election")
    }
    t.send("Enter")
    t.wait("the article") { $0.contains("02-election.txt") && $0.contains("Manchester on Friday") }
    // select Tony Blair in its Entities pane (People first, most mentioned first), back to the
    // library: the articles that mention him
    t.wait(for: "People (")
    t.send("2", "Tab")  // 2 Tab: pane 2; focusing the list selects its first item: People first, most mentioned first
    // (this article calls him "Mr Blair" only: its entity is "Blair")
    t.wait("Blair selected") { $0.contains("▸ Blair") || $0.contains("▸ Tony Blair") }
    t.send("L")
    t.wait("Blair's articles") {
      $0.contains("Tony Blair: 3 articles") && $0.contains("Blair backs budget plan")
        && $0.contains("Blair to visit Washington") && !$0.contains("Chelsea")
    }
    // open the first, step through his mentions across the articles with ]
    t.send("Home")
    t.send("Enter")
    t.wait(for: "mentions here")
    var titles: [String] = []
    for _ in 0..<8 {
      t.send("]")
      let s = t.stableScreen()
      titles.append(s.components(separatedBy: "\n").first ?? "")
    }
    let named = Set(titles.compactMap { line in
      ["01-budget.txt", "02-election.txt", "03-visit.txt"].first { line.contains($0) }
    })
    XCTAssertEqual(named.count, 3, "] went through the three articles: \(titles)")
    XCTAssertTrue(t.statusLine.contains("Tony Blair"), t.statusLine)
    // every mention with its sentence
    t.send("L")
    t.wait(for: "Tony Blair: 3 articles")
    t.send("Tab")
    t.send("Tab")
    t.wait("the mention list") {
      $0.contains("▸Mentions") && $0.contains("Mr Blair said the talks would cover Iraq")
    }
    // his timeline
    t.send("Tab")
    t.wait("his timeline") { $0.contains("▸Timeline") && $0.contains("2005-03-16") }
    XCTAssertFalse(t.screen.contains("Chelsea beat Everton"), "only his entries")
    t.send("C-c")
    t.wait(for: "lede exited with 0")

    // reopen: the library at once, nothing to index
    let again = try TmuxSession(arguments: args)
    again.wait("the indexed library at once") {
      $0.contains("Blair backs budget plan") && !$0.contains("Indexing")
    }
    again.send("C-c")
    again.wait(for: "lede exited with 0")
  }
}
