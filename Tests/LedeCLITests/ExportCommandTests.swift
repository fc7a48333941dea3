import Foundation
import XCTest

/// `lede export` as a script would use it (issue 16).
final class ExportCommandTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-export-\(getpid())-\(name.hashValue)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func write(_ name: String, _ text: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  func testEachFormatToStdout() throws {
    for format in ["jsonl", "csv", "conll", "brat", "timeml", "html"] {
      let r = try Lede.run(["export", Lede.seed, "--format", format])
      XCTAssertEqual(r.status, 0, "\(format): \(r.stderr)")
      XCTAssertTrue(r.stderr.isEmpty, r.stderr)
      XCTAssertFalse(r.stdout.isEmpty, format)
    }
    let jsonl = try Lede.run(["export", Lede.seed, "--format", "jsonl"]).stdout
    XCTAssertEqual(jsonl.split(separator: "\n").count, 1, "one analysis a line")
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(jsonl.utf8)))
  }

  func testAFolderStreamsJSONLinesAndWritesAFilePerArticleForHTML() throws {
    _ = try write("news/a.txt", "PARIS, May 2, 2013 - Tony Blair met Angela Merkel on Monday.\n")
    _ = try write("news/b.txt", "ROME, May 3, 2013 - The Pope spoke in Rome.\n")
    let folder = dir.appendingPathComponent("news").path
    let jsonl = try Lede.run(["export", folder, "--format", "jsonl"])
    XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
    XCTAssertEqual(jsonl.stdout.split(separator: "\n").count, 2)

    let noDir = try Lede.run(["export", folder, "--format", "html"])
    XCTAssertEqual(noDir.status, 1)
    XCTAssertTrue(noDir.stderr.contains("needs -o DIR"), noDir.stderr)

    let out = dir.appendingPathComponent("pages").path
    let html = try Lede.run(["export", folder, "--format", "html", "-o", out])
    XCTAssertEqual(html.status, 0, html.stderr)
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    XCTAssertEqual(names, ["a.html", "b.html"])
  }

  func testBratWritesTheTextItsOffsetsReferTo() throws {
    let article = try write("in/x.txt", "LONDON, March 3, 2014 - Tony Blair met\r\nAngela Merkel on Friday.\n")
    let out = dir.appendingPathComponent("brat").path
    let r = try Lede.run(["export", article, "--format", "brat", "-o", out])
    XCTAssertEqual(r.status, 0, r.stderr)
    let text = Array(try String(contentsOfFile: out + "/x.txt", encoding: .utf8).unicodeScalars)
    let ann = try String(contentsOfFile: out + "/x.ann", encoding: .utf8)
    XCTAssertTrue(ann.contains("Tony Blair"), ann)
    for line in ann.split(separator: "\n") where line.hasPrefix("T") {
      let cols = line.split(separator: "\t")
      let offsets = cols[1].split(separator: " ").dropFirst().joined(separator: " ")
      let pieces = offsets.split(separator: ";").map { piece -> String in
        let se = piece.split(separator: " ").map { Int($0)! }
        return String(String.UnicodeScalarView(text[se[0]..<se[1]]))
      }
      XCTAssertEqual(pieces.joined(separator: " "), String(cols[2]))
    }
  }

  func testNeverWritesOverAnInputAndABadInputWritesNothing() throws {
    let article = try write("a.txt", "Tony Blair met Angela Merkel.\n")
    let before = try Data(contentsOf: URL(fileURLWithPath: article))
    let r = try Lede.run(["export", article, "--format", "conll", "-o", article])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("never writes to the files it reads"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: article)), before)

    let out = dir.appendingPathComponent("out.csv").path
    let missing = dir.appendingPathComponent("missing.txt").path
    let bad = try Lede.run(["export", article, missing, "--format", "csv", "-o", out])
    XCTAssertEqual(bad.status, 1)
    XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
    XCTAssertTrue(bad.stderr.contains("missing.txt"), bad.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
  }
}

/// The command line's own surface (issue 16): unknown options named, completions generated.
final class CommandSurfaceTests: XCTestCase {
  func testAnUnknownOptionIsNamed() throws {
    let r = try Lede.run(["--bogus"])
    XCTAssertEqual(r.status, 64)
    XCTAssertTrue(r.stderr.contains("Unknown option '--bogus'"), r.stderr)
    let none = try Lede.run([])
    XCTAssertEqual(none.status, 64)
    XCTAssertTrue(none.stderr.contains("Missing an article file"), none.stderr)
  }

  func testCompletionScriptsForBashZshAndFishKnowTheCommands() throws {
    for shell in ["bash", "zsh", "fish"] {
      let r = try Lede.run(["--generate-completion-script", shell])
      XCTAssertEqual(r.status, 0, r.stderr)
      for word in ["export", "dump", "timeline", "format"] {
        XCTAssertTrue(r.stdout.contains(word), "\(shell) completion lacks \(word)")
      }
    }
  }
}
