import ArticleModel
import Foundation
import XCTest

@testable import ExplorerCore

/// The explorer analyses each file with its own date and year (--date, --year, a dates.tsv
/// beside it, worked out by the launcher): they reached `lede dump` but not the explorer.
final class FileDatingTests: XCTestCase {
  func testEachFileIsAnalysedWithItsOwnDating() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-dating-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "Council to meet\n\nLONDON, March 23 - The council said two days ago that it will decide today.\n"
    var paths: [String] = []
    for name in ["a.txt", "b.txt"] {
      let url = dir.appendingPathComponent(name)
      try text.write(to: url, atomically: true, encoding: .utf8)
      paths.append(url.path)
    }
    let size = Size(width: 120, height: 40)
    let terminal = ScriptedTerminal(size: size, script: [.settle, .key(.char("}")), .settle, .key(.char("q"))])
    var app = App(paths: paths, size: size, datings: [FileDating(year: 1987), FileDating()])
    let inbox = Inbox()
    let executor = Executor(inbox: inbox)
    XCTAssertNil(Program.run(&app, terminal: terminal, executor: executor, inbox: inbox))
    executor.join()
    // the first file with the year given: its dateline's date is whole; the second's year is unknown
    let frames = terminal.frames
    let switched = try XCTUnwrap(frames.firstIndex { $0.step == 1 })
    let first = frames[..<switched].last?.buffer.line(0) ?? ""
    XCTAssertTrue(first.contains("1987-03-23"), first)
    let second = frames.last?.buffer.line(0) ?? ""
    XCTAssertTrue(second.contains("March 23, year unknown"), second)
    // and the analysis command carries them
    let doc = try ArticleLoader.load(path: paths[0])
    var fresh = App(paths: paths, size: size, datings: [FileDating(date: "2001-02-03"), FileDating()], first: doc)
    let commands = fresh.start()
    XCTAssertTrue(
      commands.contains {
        if case .analyse(0, _, let dating) = $0 { return dating == FileDating(date: "2001-02-03") }
        return false
      }, "\(commands)")
  }
}
