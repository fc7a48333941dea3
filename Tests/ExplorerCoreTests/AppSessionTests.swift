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
    load: @escaping @Sendable (String) throws -> Document = { try ArticleLoader.load(path: $0) }
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
    _ = app.update(.loaded(file: 0, document: SeedFixture.document, part: nil))
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

/// A long file is shown from its head at once, `G` shows its tail, and what needs the whole
/// waits for it (and says so); the whole then takes the place of the part where the reader is.
final class LongFileSessionTests: XCTestCase {
  static func longFile() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-long-\(getpid())-\(UUID().uuidString).txt")
    var text = "A Long File\n\n"
    for n in 1...16_000 { text += "Paragraph \(n) of the long file, with a few words more.\n\n" }
    text += "The very last paragraph.\n"
    try text.write(to: url, atomically: true, encoding: .utf8)
    XCTAssertGreaterThan(text.utf8.count, FilePart.threshold)
    return url.path
  }

  /// The whole file is read only once `gate` is signalled.
  static func heldBack(_ gate: DispatchSemaphore) -> @Sendable (String) throws -> Document {
    { path in
      gate.wait()
      return try ArticleLoader.load(path: path)
    }
  }

  func testTheHeadFirstThenGShowsTheTailThenTheWholeTakesOver() throws {
    let path = try Self.longFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gate = DispatchSemaphore(value: 0)
    let (app, terminal, _) = AppSessionTests.session(
      [path],
      [.key(.char("G")), .call { gate.signal() }, .settle, .key(.char("'")), .key(.char("'"))],
      load: Self.heldBack(gate))
    let first = terminal.frames[0].buffer.lines.joined(separator: "\n")
    XCTAssertEqual(terminal.frames[0].step, -1)
    XCTAssertTrue(first.contains("Paragraph 1 of the long file"), first)
    XCTAssertTrue(terminal.frames[0].buffer.line(0).contains("A Long File"))
    let end = terminal.frames(afterStep: 0)
    XCTAssertEqual(end.count, 1)
    let endText = end[0].lines.joined(separator: "\n")
    XCTAssertTrue(endText.contains("The very last paragraph."), endText)
    XCTAssertTrue(end[0].line(1).contains("Bot"), end[0].line(1))
    XCTAssertTrue(end[0].line(0).contains("A Long File"), "the title stays the file's")
    // the whole came: the view stays at the end, then '' goes back to the top
    XCTAssertNil(app.files[0].part)
    XCTAssertNil(app.view?.part)
    let back = terminal.screen!.lines.joined(separator: "\n")
    XCTAssertTrue(back.contains("Paragraph 1 of the long file"), back)
    XCTAssertTrue(terminal.screen!.line(1).contains("Top"))
    let afterWhole = terminal.frames.filter { $0.step == nil }.last!.buffer
    XCTAssertTrue(afterWhole.lines.joined().contains("The very last paragraph."))
  }

  func testASearchWaitsForTheWholeAndSaysSo() throws {
    let path = try Self.longFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gate = DispatchSemaphore(value: 0)
    let script: [ScriptedTerminal.Step] =
      ScriptedTerminal.keys("/Paragraph 15999 \n") + [.call { gate.signal() }, .settle]
    let (app, terminal, _) = AppSessionTests.session([path], script, load: Self.heldBack(gate))
    let waiting = terminal.frames(afterStep: 0)[0]
    XCTAssertTrue(waiting.line(39).contains("Reading the rest of the file"), waiting.line(39))
    let screen = terminal.screen!
    XCTAssertTrue(screen.line(39).contains("/Paragraph 15999  1/1"), screen.line(39))
    XCTAssertTrue(screen.lines.joined().contains("Paragraph 15999 of the long file"))
    XCTAssertEqual(app.view?.history, ["Paragraph 15999 "])
  }

  func testScrollingPastTheHeadWaitsForTheWhole() throws {
    let path = try Self.longFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gate = DispatchSemaphore(value: 0)
    // a head is 64 KiB: ~1,100 paragraphs, ~2,200 lines; 80 pages of 37 lines go past it
    let pages = [ScriptedTerminal.Step](repeating: .key(.char(" ")), count: 80)
    let (app, terminal, _) = AppSessionTests.session(
      [path], pages + [.call { gate.signal() }, .settle], load: Self.heldBack(gate))
    XCTAssertTrue(terminal.frames(afterStep: 79)[0].line(39).contains("Reading the rest"))
    // every page was turned in the end
    let top = app.view!.layout.startOffset(app.view!.top)
    let expected = app.view!.layout.startOffset(app.view!.layout.advance(.top, by: 80 * app.view!.page))
    XCTAssertEqual(top, expected)
  }

  /// The tail is read ahead after the first frame, so that `G` shows it with no reading at all.
  func testTheTailIsReadAheadForG() throws {
    let path = try Self.longFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var app = App(paths: [path], size: Size(width: 120, height: 40))
    let head = try FilePart.read(.head, path: path)!
    let commands = app.update(.loaded(file: 0, document: head, part: .head))
    let asked = commands.map { "\($0)".prefix(while: { $0 != "(" }) }
    XCTAssertEqual(asked, ["loadWhole", "readTail"], "the whole and the tail; no analysis yet")
    _ = app.update(.tailRead(file: 0, document: try FilePart.read(.tail, path: path)))
    let afterG = app.update(.input(.key(.char("G"))))
    XCTAssertTrue(afterG.isEmpty, "nothing to read: \(afterG)")
    XCTAssertEqual(app.view?.part, .tail)
    XCTAssertTrue(app.render().lines.joined().contains("The very last paragraph."))
  }
}

