import ArticleModel
import Foundation
import XCTest

@testable import ExplorerCore

/// Whole sessions of the explorer run in-process: the App, the run loop and the executor with a
/// scripted terminal (keys in, frames out). `make test-sanitizers` runs them under TSan.
final class AppSessionTests: XCTestCase {
  /// Two short articles in a temporary folder, each with a word of its own.
  static func articles() throws -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-app-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var paths: [String] = []
    for (name, word) in [("a.txt", "Aardvark"), ("b.txt", "Bumblebee")] {
      let text = """
        The \(word) committee met in Geneva on Monday to discuss the budget.

        Members of the \(word) committee said the talks would continue next week.

        """
      let url = dir.appendingPathComponent(name)
      try text.write(to: url, atomically: true, encoding: .utf8)
      paths.append(url.path)
    }
    return paths
  }

  /// Runs a script on a fresh app; returns the app, the terminal and how the run ended.
  static func session(
    _ paths: [String], size: Size = Size(width: 120, height: 40), _ script: [ScriptedTerminal.Step],
    load: @escaping (String) throws -> Document = { try ArticleLoader.load(path: $0) }
  ) -> (App, ScriptedTerminal, Int32?) {
    let terminal = ScriptedTerminal(size: size, script: script)
    var app = App(paths: paths, size: size)
    let inbox = Inbox()
    let executor = Executor(inbox: inbox)
    let end = Program.run(&app, terminal: terminal, executor: executor, inbox: inbox, load: load)
    executor.join()
    return (app, terminal, end)
  }

  func testOpenSwitchResizeSearchAndQuit() throws {
    let paths = try Self.articles()
    let seed = SeedFixture.seedPath
    let script: [ScriptedTerminal.Step] =
      [.settle, .key(.char("}")), .settle, .key(.char("}")), .settle, .key(.char("{")),
       .resize(Size(width: 80, height: 24))]
      + ScriptedTerminal.keys("/Russia\n") + [.key(.char("q"))]
    let (app, terminal, end) = Self.session([seed] + paths, script)
    XCTAssertNil(end)
    XCTAssertEqual(app.current, 1)
    // one frame per switch, with the new file's text in it
    let afterFirstSwitch = terminal.frames(afterStep: 1)
    XCTAssertEqual(afterFirstSwitch.count, 1, "one frame per switch")
    XCTAssertTrue(afterFirstSwitch[0].line(0).contains("2/3 a.txt"), afterFirstSwitch[0].line(0))
    XCTAssertTrue(afterFirstSwitch[0].lines.joined().contains("Aardvark committee"))
    XCTAssertTrue(terminal.frames(afterStep: 3)[0].line(0).contains("3/3 b.txt"))
    let back = terminal.frames(afterStep: 5)
    XCTAssertEqual(back.count, 1)
    XCTAssertTrue(back[0].line(0).contains("2/3 a.txt"))
    // analysed when shown: Geneva is a place
    XCTAssertTrue(back[0].lines.joined().contains("Geneva"))
    let resized = terminal.frames(afterStep: 6)[0]
    XCTAssertEqual(resized.size, Size(width: 80, height: 24))
    // no Russia in the committee's article
    let screen = terminal.screen!
    XCTAssertTrue(screen.line(23).contains("Pattern not found: Russia"), screen.line(23))
    XCTAssertEqual(app.view?.history, ["Russia"])
  }

  func testAFileIsReadOnlyWhenShown() throws {
    let paths = try Self.articles()
    let read = Locked<[String]>([])
    let load: (String) throws -> Document = { path in
      read.update { $0.append(path) }
      return try ArticleLoader.load(path: path)
    }
    let (_, _, _) = Self.session(paths, [.settle], load: load)
    XCTAssertEqual(read.value, [paths[0]], "the second file is not read until shown")
    read.update { $0.removeAll() }
    let (app, _, _) = Self.session(paths, [.settle, .key(.char("}")), .settle, .key(.char("{")), .key(.char("}"))], load: load)
    XCTAssertEqual(read.value, paths, "each file read once, when first shown")
    XCTAssertEqual(app.current, 1)
  }

  func testAFileGoneWhenSwitchedToIsAMessage() throws {
    let paths = try Self.articles()
    try FileManager.default.removeItem(atPath: paths[1])
    let (app, terminal, _) = Self.session(paths, [.settle, .key(.char("}"))])
    XCTAssertEqual(app.current, 0)
    let screen = terminal.screen!
    XCTAssertTrue(screen.line(39).contains("b.txt: no such file"), screen.line(39))
    XCTAssertTrue(screen.line(0).contains("1/2 a.txt"))
  }

  func testASignalEndsTheSession() throws {
    let paths = try Self.articles()
    let (_, _, end) = Self.session(paths, [.key(.char("j")), .signal(SIGTERM), .key(.char("j"))])
    XCTAssertEqual(end, SIGTERM)
  }

  func testTheAnalysisFillsInThePanes() throws {
    let (_, terminal, _) = Self.session([SeedFixture.seedPath], [.settle])
    let first = terminal.frames[0].buffer.lines.joined(separator: "\n")
    XCTAssertTrue(first.contains("Entities (…)"), "the text first, the analysis to come")
    let last = terminal.screen!.lines.joined(separator: "\n")
    XCTAssertTrue(last.contains("Ri Su Yong"), last)
    XCTAssertFalse(last.contains("(…)"))
  }

  func testResizingBackReusesTheLayout() throws {
    var app = App(paths: [SeedFixture.seedPath], size: Size(width: 120, height: 40))
    _ = app.update(.loaded(file: 0, document: SeedFixture.document))
    let wide = app.view!.layout
    _ = app.update(.input(.resize(Size(width: 80, height: 24))))
    XCTAssertFalse(app.view!.layout === wide)
    _ = app.update(.input(.resize(Size(width: 120, height: 30))))
    XCTAssertTrue(app.view!.layout === wide, "one layout per (file, width)")
  }
}

/// A value shared with closures that other threads run.
final class Locked<T>: @unchecked Sendable {
  private var stored: T
  private let lock = NSLock()
  init(_ value: T) { stored = value }
  var value: T {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
  func update(_ body: (inout T) -> Void) {
    lock.lock()
    body(&stored)
    lock.unlock()
  }
}
