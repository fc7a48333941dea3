import Foundation
import XCTest

/// `lede FOLDER`: `}` and `{` move between its articles, as less's :n and :p do.
final class FileSwitchEndToEndTests: XCTestCase {
  /// A temporary folder with three small articles, each with a word of its own.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-files-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, word) in [("a.txt", "Aardvark"), ("b.txt", "Bumblebee"), ("c.txt", "Cormorant")] {
      let text = """
        The \(word) committee met in Geneva on Monday to discuss the budget.

        Members of the \(word) committee said the talks would continue next week.

        """
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
  }

  /// The title line: the first line of the pane.
  static func title(_ screen: String) -> String {
    screen.components(separatedBy: "\n").first ?? ""
  }

  /// Issue 16: a missing file among several is said in the first frame (and on stderr) and
  /// skipped: the others open.
  func testAMissingFileAmongSeveralIsSkipped() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("missing.txt").path
    let t = try TmuxSession(
      arguments: "--no-index \(missing) \(dir.path)/a.txt \(dir.path)/b.txt")
    t.wait(for: "Library · 2 articles")
    t.wait(for: "missing.txt: no such file (skipped)")
    t.send("Enter")
    t.wait("the first article") { Self.title($0).contains("1/2 a.txt") }
    t.send("C-c")
  }

  func testBracesMoveBetweenTheArticlesOfAFolder() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // a folder opens the library (its index in memory here); Enter opens the first article
    let t = try TmuxSession(arguments: "--no-index " + dir.path)
    t.wait(for: "Library · 3 articles")
    t.send("Enter")
    t.wait("the first article, 1/3") {
      Self.title($0).contains("1/3 a.txt") && $0.contains("Aardvark committee")
    }
    t.send("{")
    t.wait(for: "no previous file")
    XCTAssertTrue(Self.title(t.screen).contains("1/3 a.txt"), "stays on the first file")

    t.send("}")
    t.wait("the second article, 2/3") {
      Self.title($0).contains("2/3 b.txt") && $0.contains("Bumblebee committee")
        && !$0.contains("Aardvark")
    }
    t.send("}")
    t.wait("the third article, 3/3") {
      Self.title($0).contains("3/3 c.txt") && $0.contains("Cormorant committee")
        && !$0.contains("Bumblebee")
    }
    t.send("}")
    t.wait(for: "no next file")
    XCTAssertTrue(Self.title(t.screen).contains("3/3 c.txt"), "stays on the last file")
    XCTAssertTrue(t.screen.contains("Cormorant committee"))

    t.send("{")
    t.wait("the second article again") {
      Self.title($0).contains("2/3 b.txt") && $0.contains("Bumblebee committee")
        && !$0.contains("Cormorant")
    }
    // the analysis of each file fills in its panes: Geneva is a place in all three
    t.wait("the second article's analysis") {
      $0.contains("Places (1)") && $0.contains("Geneva") && $0.contains("Bumblebee ")
        && !$0.contains("(…)")
    }
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  // That a short article is analysed while a book is still being analysed is checked in-process,
  // without depending on a machine's speed: ExecutorTests.testAShortJobDoesNotWaitForALongOne.

  func testAFileGoneWhenSwitchedToIsAMessageNotAnExit() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try TmuxSession(arguments: "--no-index " + dir.path)
    t.wait(for: "Library · 3 articles")
    t.send("Enter")
    t.wait(for: "Aardvark committee")
    try FileManager.default.removeItem(at: dir.appendingPathComponent("b.txt"))
    t.send("}")
    t.wait(for: "b.txt: no such file")
    XCTAssertTrue(Self.title(t.screen).contains("1/3 a.txt"), "stays on the file shown")
    XCTAssertTrue(t.screen.contains("Aardvark committee"))
    t.send("j", "q")
    t.wait(for: "lede exited with 0")
  }
}
