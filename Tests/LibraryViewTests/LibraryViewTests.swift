import ArticleModel
import Foundation
@testable import LibraryBridge
import LibraryIndex
import XCTest

@testable import ExplorerCore

/// Whole Library view sessions, in-process: keys into a `ScriptedTerminal`, frames out, over a
/// real SQLite index of the fixture folder (five made-up articles; three mention Tony Blair, as
/// "Tony Blair" or "Mr Blair").
final class LibraryViewTests: XCTestCase {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("LibraryIndexTests/Fixtures/library").path

  var paths: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: Self.folder))!.filter {
      $0.hasSuffix(".txt")
    }.sorted().map { Self.folder + "/" + $0 }
  }

  /// Runs a session: the app over a bridge to an index at `location`; returns the terminal and
  /// the app as left.
  func session(
    _ steps: [ScriptedTerminal.Step], location: IndexLocation = .memory,
    size: Size = Size(width: 120, height: 30)
  ) throws -> (ScriptedTerminal, App) {
    let index = try LibraryIndex(location)
    let bridge = LibraryBridge(index: index, paths: paths, jobs: 2)
    var app = App(paths: paths, size: size, library: true)
    let terminal = ScriptedTerminal(size: size, script: steps)
    let inbox = Inbox()
    Program.run(
      &app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox, library: bridge)
    return (terminal, app)
  }

  func keys(_ s: String) -> [ScriptedTerminal.Step] { ScriptedTerminal.keys(s) }

  func text(_ b: ScreenBuffer?) -> String { b?.lines.joined(separator: "\n") ?? "" }

  /// The rows of the list shown (below the title and tabs, above the status line).
  func rows(_ b: ScreenBuffer?) -> [String] {
    guard let b else { return [] }
    return (2..<(b.height - 1)).map { b.line($0) }.filter { !$0.isEmpty }
  }

  // MARK: - The library view

  func testACleanIndexShowsTheFilesAtOnceThenTheirTitlesOnceIndexed() throws {
    let (t, app) = try session([.settle])
    // first frame: the files by name (nothing indexed yet), the library's title
    let first = try XCTUnwrap(t.frames.first?.buffer)
    XCTAssertTrue(first.line(0).contains("Library · 5 articles"), first.line(0))
    XCTAssertTrue(text(first).contains("01-budget.txt"), text(first))
    // once indexed: titles, top entities
    let last = text(t.screen)
    XCTAssertTrue(last.contains("Blair backs budget plan for schools"), last)
    XCTAssertTrue(last.contains("Chelsea win at Everton"), last)
    XCTAssertEqual(app.library?.indexedCount, 5)
    XCTAssertTrue(app.showingLibrary)
    // the first row is selected once the rows are read (not the first file wherever it went)
    XCTAssertEqual(app.library?.selection[.articles], 0)
    XCTAssertTrue(rows(t.screen).first?.hasPrefix("▸") ?? false, rows(t.screen).joined(separator: "\n"))
  }

  func testTypingFiltersTheListAndBackspaceAndEscUndoIt() throws {
    let (t, _) = try session([.settle] + keys("blair"))
    let r = rows(t.screen)
    // the three articles that mention Blair (in the title, or among their top entities)
    XCTAssertEqual(r.count, 3, r.joined(separator: "\n"))
    XCTAssertFalse(r.contains { $0.contains("Chelsea") })
    XCTAssertTrue(t.screen!.line(1).contains("filter: blair"), t.screen!.line(1))
    // two words: both must be in the row
    let (t2, _) = try session([.settle] + keys("blair wash"))
    XCTAssertEqual(rows(t2.screen).count, 1, rows(t2.screen).joined(separator: "\n"))
    XCTAssertTrue(rows(t2.screen)[0].contains("Blair to visit Washington"))
    // Backspace widens it again, Esc clears it
    let (t3, _) = try session([.settle] + keys("chelseaz") + [.key(.backspace)])
    XCTAssertEqual(rows(t3.screen).count, 1)
    let (t4, _) = try session([.settle] + keys("chelsea") + [.key(.escape)])
    XCTAssertEqual(rows(t4.screen).count, 5)
  }

  func testCtrlSSortsByDateTitleAndSource() throws {
    // by title: alphabetical
    let (t, _) = try session([.settle, .key(.ctrl("s"))])
    let titles = rows(t.screen).map { row in
      ["Blair backs", "Blair to visit", "Chelsea", "Election", "Shares"].first { row.contains($0) }
        ?? row
    }
    XCTAssertEqual(titles, ["Blair backs", "Blair to visit", "Chelsea", "Election", "Shares"])
    XCTAssertTrue(t.screen!.line(1).contains("by title"), t.screen!.line(1))
    let (t2, app) = try session([.settle, .key(.ctrl("s")), .key(.ctrl("s"))])
    XCTAssertEqual(app.library?.articleOrder, .source)
    XCTAssertTrue(t2.screen!.line(1).contains("by source"))
  }

  func testEnterOpensTheArticleAndLReturnsToTheLibraryWhereYouWere() throws {
    let (t, app) = try session(
      [.settle] + keys("football") + [.key(.enter), .settle, .key(.char("j")), .key(.char("L"))])
    let opened = try XCTUnwrap(t.frames(afterStep: 9).last)
    XCTAssertTrue(opened.line(0).contains("04-football.txt"), opened.line(0))
    XCTAssertTrue(text(opened).contains("Chelsea beat Everton"), text(opened))
    // back: the library with its filter and selection
    XCTAssertTrue(app.showingLibrary)
    XCTAssertEqual(app.library?.filters[.articles], "football")
    XCTAssertTrue(rows(t.screen).first?.contains("Chelsea") ?? false, rows(t.screen).joined())
    XCTAssertEqual(app.current, 3)
  }

  // MARK: - Entities across the library

  func testTheEntitiesListMergesAcrossArticlesAndEnterListsAnEntitysArticles() throws {
    let (t, app) = try session([.settle, .key(.tab)] + keys("blair"))
    let r = rows(t.screen)
    XCTAssertEqual(r.count, 1, r.joined(separator: "\n"))
    XCTAssertTrue(r[0].contains("Tony Blair") && r[0].contains("3 art"), r[0])
    // Enter: the articles that mention him, with his mentions in each
    let (t2, app2) = try session([.settle, .key(.tab)] + keys("blair") + [.key(.enter), .settle])
    let articles = rows(t2.screen)
    XCTAssertEqual(articles.count, 3, articles.joined(separator: "\n"))
    XCTAssertFalse(articles.contains { $0.contains("Chelsea") || $0.contains("Shares") })
    XCTAssertEqual(app2.library?.list, .articles)
    XCTAssertEqual(app2.library?.chosen?.name, "Tony Blair")
    XCTAssertTrue(t2.screen!.line(0).contains("Tony Blair: 3 articles"), t2.screen!.line(0))
    _ = app
  }

  func testTheEntitiesListSortsByArticlesMentionsAndName() throws {
    let (_, app) = try session([.settle, .key(.tab), .key(.ctrl("s")), .key(.ctrl("s"))])
    let lib = try XCTUnwrap(app.library)
    XCTAssertEqual(lib.entityOrder, .name)
    let names = lib.rows[.entities]!.map { lib.entities[$0].name.lowercased() }
    XCTAssertEqual(names, names.sorted())
    XCTAssertGreaterThan(names.count, 10)
  }

  func testTheMentionListShowsEveryMentionInItsSentenceAndEnterGoesThere() throws {
    let steps: [ScriptedTerminal.Step] =
      [.settle, .key(.tab)] + keys("blair") + [.key(.enter), .settle, .key(.tab), .key(.tab)]
    let (t, app) = try session(steps)
    let lib = try XCTUnwrap(app.library)
    XCTAssertEqual(lib.list, .mentions)
    let r = rows(t.screen)
    XCTAssertEqual(r.count, lib.chosen?.mentions, r.joined(separator: "\n"))
    XCTAssertTrue(r.contains { $0.contains("Mr Blair said the talks would cover Iraq") }, r.joined())
    // text order, article by article
    let files = lib.concordance.map(\.file)
    XCTAssertEqual(files, files.sorted())
    // the mention is highlighted: its cells have the current-match style
    let screen = try XCTUnwrap(t.screen)
    let y = try XCTUnwrap((0..<screen.height).first { screen.line($0).contains("cover Iraq") })
    let line = screen.line(y)
    let x = try XCTUnwrap(line.range(of: "Blair said")).lowerBound.utf16Offset(in: line)
    XCTAssertEqual(screen[x, y].style, lib.theme.currentMatch)
    // Enter on the last one: the article, the mention on screen and marked
    let (t2, app2) = try session(steps + [.key(.end), .key(.enter), .settle])
    let v = try XCTUnwrap(app2.view)
    let last = try XCTUnwrap(app2.library?.concordance.last)
    XCTAssertEqual(app2.current, last.file)
    XCTAssertEqual(v.readingAt, last.span.start)
    XCTAssertTrue(v.visibleRange.contains(last.span.start))
    XCTAssertFalse(app2.showingLibrary)
    _ = t2
  }

  func testBracketStepsThroughTheEntitysMentionsAcrossArticles() throws {
    // choose Blair, open his first article, then ] through every mention and one more
    let open: [ScriptedTerminal.Step] =
      [.settle, .key(.tab)] + keys("blair") + [.key(.enter), .settle, .key(.ctrl("s"))]
    let (_, probe) = try session(open)
    // the walk: article by article in the order of the list shown (here by title: 01, 03, 02)
    let all = try XCTUnwrap(probe.library?.walk(from: -1))
    var seen: [Int] = []
    for m in all where !seen.contains(m.file) { seen.append(m.file) }
    XCTAssertEqual(seen, [0, 2, 1], "\(all.map(\.file))")
    XCTAssertGreaterThanOrEqual(all.count, 4)
    var steps = open + [.key(.home), .key(.enter), .settle]
    var visited: [(Int, Int)] = []
    var apps: [App] = []
    for n in 0..<all.count {
      steps.append(.key(.char("]")))
      steps.append(.settle)
      let (_, app) = try session(steps)
      apps.append(app)
      let v = try XCTUnwrap(app.view)
      visited.append((app.current, v.readingAt ?? -1))
      XCTAssertTrue(
        v.visibleRange.contains(v.readingAt ?? -1), "step \(n): the mention is on screen")
    }
    // Opening the first article went to its first mention; ] then goes on from there.
    let expected = (Array(all.dropFirst()) + [all[0]]).map { ($0.file, $0.span.start) }
    XCTAssertEqual(visited.map { "\($0.0):\($0.1)" }, expected.map { "\($0.0):\($0.1)" })
    XCTAssertTrue(apps.last?.view?.message?.contains("from the first article again") ?? false)
    XCTAssertTrue(
      apps[0].view?.message?.contains("Tony Blair 2/\(all.count)") ?? false,
      apps[0].view?.message ?? "")
    // opening the article said how many mentions it has
    let (_, opened) = try session(open + [.key(.home), .key(.enter), .settle])
    XCTAssertTrue(
      opened.view?.message?.contains("Tony Blair: \(all.filter { $0.file == 0 }.count) mentions here · article 1/3") ?? false,
      opened.view?.message ?? "nil")
    // and [ goes back across the articles too
    let (_, back) = try session(open + [.key(.home), .key(.enter), .settle, .key(.char("["))])
    XCTAssertEqual(back.current, all.last!.file)
    XCTAssertEqual(back.view?.readingAt, all.last!.span.start)
  }

  /// Issue 16: a count before ] across the articles goes N mentions on (3] = ]]]).
  func testACountBeforeBracketStepsThatManyAcrossArticles() throws {
    let open: [ScriptedTerminal.Step] =
      [.settle, .key(.tab)] + keys("blair") + [.key(.enter), .settle, .key(.ctrl("s")),
        .key(.home), .key(.enter), .settle]
    let (_, probe) = try session(open)
    let all = try XCTUnwrap(probe.library?.walk(from: -1))
    XCTAssertGreaterThanOrEqual(all.count, 4)
    let (_, counted) = try session(open + keys("3]") + [.settle])
    let (_, stepped) = try session(open + keys("]") + [.settle] + keys("]") + [.settle] + keys("]") + [.settle])
    XCTAssertEqual(counted.current, stepped.current)
    XCTAssertEqual(counted.view?.readingAt, stepped.view?.readingAt)
    XCTAssertEqual(counted.current, all[3].file)
    XCTAssertEqual(counted.view?.readingAt, all[3].span.start)
    XCTAssertNil(counted.view?.pendingCount, "the count is taken")
  }

  func testLOnAnArticlesEntityListsTheArticlesThatMentionIt() throws {
    // open 03 (Blair to visit Washington), select "Mr Blair"'s entity in its Entities pane
    let (t, app) = try session(
      [.settle] + keys("washington") + [.key(.enter), .settle, .key(.char("2")), .key(.tab)] + keys(
        "jjjjjjjjjjjj") + [.key(.char("L")), .settle])
    let lib = try XCTUnwrap(app.library)
    let name = try XCTUnwrap(
      app.files[app.current].view.flatMap { v in v.selectedEntityIndex.map { v.analysis.entities[$0].name } })
    XCTAssertTrue(app.showingLibrary)
    XCTAssertNotNil(lib.chosen, "\(name): \(text(t.screen))")
    XCTAssertTrue(lib.chosen.map { $0.name == name || $0.aliases.contains(name) } ?? false)
    XCTAssertEqual(lib.rows[.articles]?.count, lib.chosen?.articles)
  }

  // MARK: - Timeline across the library

  func testTheTimelineListsEveryDatedEntryAndFollowsTheEntityChosen() throws {
    let (t, app) = try session([.settle, .key(.backTab), .key(.backTab), .settle])
    let lib = try XCTUnwrap(app.library)
    XCTAssertEqual(lib.list, .timeline)
    XCTAssertGreaterThan(lib.timelineItems.count, 5)
    XCTAssertTrue(Set(lib.timelineItems.map(\.file)).count >= 4)
    XCTAssertTrue(text(t.screen).contains("2005-03-16"), text(t.screen))
    // with Blair chosen: only the entries whose sentence mentions him
    let (_, app2) = try session(
      [.settle, .key(.tab)] + keys("blair")
        + [.key(.enter), .settle, .key(.backTab), .key(.backTab), .settle])
    let lib2 = try XCTUnwrap(app2.library)
    XCTAssertEqual(lib2.list, .timeline)
    XCTAssertFalse(lib2.timelineItems.isEmpty)
    XCTAssertLessThan(lib2.timelineItems.count, lib.timelineItems.count)
    XCTAssertTrue(lib2.timelineItems.allSatisfy { $0.sentence.contains("Blair") })
  }

  // MARK: - Mentions of one article's entity

  func testMListsTheSelectedEntitysMentionsInOneArticleAndEnterGoesThere() throws {
    let file = paths[0]  // 01-budget: "Prime Minister Tony Blair ...", "Mr Blair told ..."
    let size = Size(width: 120, height: 30)
    func run(_ steps: [ScriptedTerminal.Step]) -> (ScriptedTerminal, App) {
      var app = App(paths: [file], size: size)
      let t = ScriptedTerminal(size: size, script: steps)
      let inbox = Inbox()
      Program.run(&app, terminal: t, executor: Executor(inbox: inbox), inbox: inbox)
      return (t, app)
    }
    // Focusing the Entities pane selects its first entity (People first, most mentioned first).
    let pick: [ScriptedTerminal.Step] = [.settle, .key(.char("2")), .key(.tab)]
    let (_, probe) = run(pick)
    let v = try XCTUnwrap(probe.view)
    let e = v.analysis.entities[try XCTUnwrap(v.selectedEntityIndex)]
    XCTAssertEqual(e.name, "Tony Blair")
    let (t, app) = run(pick + [.key(.char("M"))])
    XCTAssertTrue(app.showingLibrary)
    let r = rows(t.screen)
    XCTAssertEqual(r.count, e.mentions.count, r.joined(separator: "\n"))
    XCTAssertTrue(r.contains { $0.contains("told reporters in London") }, r.joined(separator: "\n"))
    // Enter on the last: the article at that mention; L: the list again
    let (_, at) = run(pick + [.key(.char("M")), .key(.end), .key(.enter)])
    XCTAssertFalse(at.showingLibrary)
    XCTAssertEqual(at.view?.readingAt, e.mentions.sorted().last?.start)
    let (_, back) = run(pick + [.key(.char("M")), .key(.end), .key(.enter), .key(.char("L"))])
    XCTAssertTrue(back.showingLibrary)
    XCTAssertEqual(back.library?.list, .mentions)
    // nothing selected: a word, not a list
    let (_, none) = run([.settle, .key(.char("M"))])
    XCTAssertFalse(none.showingLibrary)
    XCTAssertTrue(none.view?.message?.contains("No entity selected") ?? false)
  }

  func testMInALibraryListsTheLibraryEntitysMentions() throws {
    let (_, app) = try session(
      [.settle] + keys("washington") + [.key(.enter), .settle, .key(.char("2")), .key(.tab), .key(.char("j")),
        .key(.char("M")), .settle])
    let lib = try XCTUnwrap(app.library)
    XCTAssertTrue(app.showingLibrary)
    XCTAssertEqual(lib.list, .mentions)
    let v = try XCTUnwrap(app.files[app.current].view)
    let name = v.analysis.entities[try XCTUnwrap(v.selectedEntityIndex)].name
    let chosen = try XCTUnwrap(lib.chosen)
    XCTAssertTrue(chosen.name == name || chosen.aliases.contains(name), "\(name): \(chosen)")
    XCTAssertEqual(lib.rows[.mentions]?.count, chosen.mentions)
    XCTAssertGreaterThan(chosen.mentions, 0)
  }

  // MARK: - Search across the library

  func testTheSearchListFindsMatchesPerArticleAndNWalksThemAcrossArticles() throws {
    let search: [ScriptedTerminal.Step] = [.settle, .key(.backTab)] + keys("London") + [.settle]
    let (t, app) = try session(search)
    let lib = try XCTUnwrap(app.library)
    XCTAssertEqual(lib.list, .search)
    // "London" is in 01 (Mr Blair told reporters in London) and 05 (twice: title and text)
    XCTAssertEqual(Set(lib.searchResults.map(\.file)), [0, 4], "\(lib.searchResults)")
    XCTAssertTrue(text(t.screen).contains("told reporters in London"), text(t.screen))
    XCTAssertTrue(t.screen!.line(1).contains("search: London"), t.screen!.line(1))
    // the match highlighted
    let screen = try XCTUnwrap(t.screen)
    let y = try XCTUnwrap((0..<screen.height).first { screen.line($0).contains("reporters in London") })
    let x = try XCTUnwrap(screen.line(y).range(of: "London")).lowerBound.utf16Offset(in: screen.line(y))
    XCTAssertEqual(screen[x, y].style, lib.theme.currentMatch)
    // Enter: the first match; n: the next ones, across the articles, then round again
    var steps = search + [.key(.enter), .settle]
    var places: [String] = []
    for _ in 0..<lib.searchResults.count {
      steps += [.key(.char("n")), .settle]
      let (_, a) = try session(steps)
      places.append("\(a.current):\(a.view?.readingAt ?? -1)")
    }
    let all = lib.searchResults.map { "\($0.file):\($0.span.start)" }
    XCTAssertEqual(places, Array(all.dropFirst()) + [all[0]])
    // a search of the article's own still has n to itself
    let (_, own) = try session(search + [.key(.enter), .settle, .key(.char("/"))] + keys("the") + [.key(.enter), .key(.char("n"))])
    XCTAssertEqual(own.current, lib.searchResults[0].file)
    // Backspace searches again; a changed pattern drops the older answer
    let (_, again) = try session(search + [.key(.backspace), .settle])
    XCTAssertEqual(again.library?.searchedFor, "Londo")
  }

  // MARK: - The index

  func testASecondOpenShowsTheIndexedLibraryInItsFirstFrame() throws {
    let dir = NSTemporaryDirectory() + "lede-libview-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let location = IndexLocation.file(dir + "/index.sqlite")
    _ = try session([.settle], location: location)
    let (t, _) = try session([], location: location)
    let first = try XCTUnwrap(t.frames.first?.buffer)
    XCTAssertTrue(text(first).contains("Blair backs budget plan for schools"), text(first))
    XCTAssertFalse(text(first).contains("Indexing"), text(first))
  }

  func testIndexingProgressIsInTheStatusLine() throws {
    let (t, _) = try session([.settle])
    let statuses = t.frames.map { $0.buffer.line($0.buffer.height - 1) }
    // from the first frame: the loop may take every progress report and the end in one go
    XCTAssertTrue(statuses[0].contains("Indexing 0/5"), "\(statuses)")
    XCTAssertFalse(statuses.last!.contains("Indexing"), statuses.last!)
  }

  func testNoControlCharacterFromAnArticleReachesTheScreen() throws {
    let dir = NSTemporaryDirectory() + "lede-libview-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "Evil \u{1B}[31mtitle\u{07}\n\nTony Blair spoke in \u{1B}]0;pwned\u{07}London on 3 May 2005.\n"
      .write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
    try "Other\n\nTony Blair again in London.\n".write(
      toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
    let files = [dir + "/a.txt", dir + "/b.txt"]
    let index = try LibraryIndex(.memory)
    let bridge = LibraryBridge(index: index, paths: files, jobs: 1)
    var app = App(paths: files, size: Size(width: 100, height: 20), library: true)
    let terminal = ScriptedTerminal(
      size: Size(width: 100, height: 20),
      script: [.settle, .key(.tab), .key(.enter), .settle, .key(.tab), .key(.tab), .settle])
    let inbox = Inbox()
    Program.run(
      &app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox, library: bridge)
    for f in terminal.frames {
      for y in 0..<f.buffer.height {
        for x in 0..<f.buffer.width {
          XCTAssertFalse(
            f.buffer[x, y].text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
            "row \(y): \(f.buffer.line(y))")
        }
      }
    }
  }
}

final class LibraryKeyTests: XCTestCase {
  /// In the library, letters, digits and punctuation type the filter (fzf): none is bound.
  func testPrintableKeysTypeTheFilter() {
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'./?[]*#" {
      XCTAssertNil(KeyMap.action(for: .char(c), in: .library), "\(c) is bound in the library")
    }
    XCTAssertEqual(KeyMap.action(for: .char("L"), in: .main), .showLibrary)
    XCTAssertEqual(KeyMap.action(for: .backspace, in: .main), .showLibrary)
    XCTAssertEqual(KeyMap.action(for: .ctrl("s"), in: .library), .sortList)
  }
}

final class LibraryBridgePathTests: XCTestCase {
  /// The bridge's quick absolute path is `FileStamp.absolute`'s (what the index stores).
  func testTheQuickAbsolutePathIsTheIndexs() {
    let cwd = FileManager.default.currentDirectoryPath
    for p in [
      "/a/b.txt", "a/b.txt", "./a/b.txt", "../x/y.txt", "/a//b.txt", "/a/./b.txt", "/a/../b.txt",
      "b.txt", "/tmp/x y/é.txt", "../../a/./b/../c.txt", "/../a.txt", "a/b/",
    ] {
      XCTAssertEqual(LibraryBridge.absolute(p, cwd: cwd), FileStamp.absolute(p), p)
    }
  }
}
