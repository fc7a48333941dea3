import Foundation
import XCTest

/// Runs the built `lede` binary as a user or a script would.
final class CommandLineTests: XCTestCase {
  static let seed = Lede.seed

  func run(_ args: [String], stdin: Data? = nil) throws -> Lede.Result { try Lede.run(args, stdin: stdin) }

  func testDumpJSONHasTheKeysAndExactOffsets() throws {
    let r = try run(["dump", Self.seed, "--format", "json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    for key in ["text", "source", "title", "documentDate", "paragraphs", "sentences", "entities", "timeline"] {
      XCTAssertTrue(json.keys.contains(key), key)
    }
    XCTAssertEqual(json["source"] as? String, "VOVworld")
    let text = Array((json["text"] as! String).unicodeScalars)
    func slice(_ o: [String: Any]) -> String {
      var v = String.UnicodeScalarView()
      v.append(contentsOf: text[(o["start"] as! Int)..<(o["end"] as! Int)])
      return String(v)
    }
    let sentences = (json["sentences"] as! [[String: Any]])
    XCTAssertTrue(sentences.map(slice).contains(
      "Moscow has agreed to write off 90% of DPRK’s debts from the Cold War and discount payments on the remaining 10% of the debts."))
    let paragraphs = json["paragraphs"] as! [[String: Any]]
    XCTAssertEqual(paragraphs.filter { $0["kind"] as? String == "heading" }.map(slice),
      ["Mutual benefit", "Creating a counterpoise with influential partners"])
    for e in json["entities"] as! [[String: Any]] {
      for m in e["mentions"] as! [[String: Any]] { XCTAssertEqual(slice(m), m["text"] as? String) }
    }
    for t in json["timeline"] as! [[String: Any]] { XCTAssertEqual(slice(t), t["text"] as? String) }
  }

  func testPlainReportWhenStdoutIsNotATerminal() throws {
    let r = try run([Self.seed])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("(VOVworld)- The new Foreign Minister"))
    XCTAssertTrue(r.stdout.contains("\nMutual benefit\n"))
  }

  func testStdinIsRead() throws {
    let r = try run(["dump", "-", "--format", "text"], stdin: Data("Hello from a pipe.\n".utf8))
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("Hello from a pipe."))
  }

  func testErrorsAreOneLineNameTheFileAndExitOne() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-cli-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let binary = dir.appendingPathComponent("a.out")
    try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]).write(to: binary)
    let cases: [([String], String)] = [
      (["/nonexistent/x.txt"], "/nonexistent/x.txt: no such file"),
      (["dump", dir.path], "\(dir.path): is a directory, not an article"),
      (["dump", binary.path], "\(binary.path): not text (an ELF executable)"),
    ]
    for (args, message) in cases {
      let r = try run(args)
      XCTAssertEqual(r.status, 1, args.joined(separator: " "))
      XCTAssertEqual(r.stderr, "lede: \(message)\n")
      XCTAssertEqual(r.stdout, "")
    }
  }

  /// Issue 16: among several files, one that is missing, unreadable or not text is one line on
  /// stderr and skipped; when none can be read, status 1.
  func testABadFileAmongSeveralIsSkippedWithOneLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-several-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("good.txt")
    try "The Bumblebee committee met in Geneva on Monday.\n".write(to: good, atomically: true, encoding: .utf8)
    let binary = dir.appendingPathComponent("binary.txt")
    try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]).write(to: binary)
    let missing = dir.appendingPathComponent("missing.txt").path

    let r = try run([Lede.seed, missing, good.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stderr, "lede: \(missing): no such file (skipped)\n")
    XCTAssertTrue(r.stdout.contains("Ri Su Yong") && r.stdout.contains("Bumblebee committee"), r.stdout)

    let notText = try run([binary.path, good.path])
    XCTAssertEqual(notText.status, 0, notText.stderr)
    XCTAssertEqual(notText.stderr, "lede: \(binary.path): not text (an ELF executable) (skipped)\n")
    XCTAssertTrue(notText.stdout.contains("Bumblebee committee"))

    let none = try run([missing, dir.appendingPathComponent("gone.txt").path])
    XCTAssertEqual(none.status, 1)
    XCTAssertEqual(
      none.stderr.split(separator: "\n"),
      ["lede: \(missing): no such file", "lede: \(dir.path)/gone.txt: no such file"])
    XCTAssertEqual(none.stdout, "")

    let noneReadable = try run([binary.path, missing])
    XCTAssertEqual(noneReadable.status, 1)
    XCTAssertEqual(noneReadable.stdout, "")
    XCTAssertTrue(noneReadable.stderr.hasSuffix("lede: none of the 2 files given could be read\n"), noneReadable.stderr)
  }

  /// A folder with no articles among several files is skipped with one line, as a missing file
  /// is; alone, or with nothing else to open, it is the error it was.
  func testAFolderWithoutArticlesAmongSeveralIsSkippedWithOneLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-empty-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run([dir.path, Lede.seed])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stderr, "lede: \(dir.path): is a directory with no articles (*.txt, *.text, *.html, *.htm, *.xhtml, or a feed) (skipped)\n")
    XCTAssertTrue(r.stdout.contains("Ri Su Yong"), r.stdout)
    let alone = try run([dir.path])
    XCTAssertEqual(alone.status, 1)
    XCTAssertEqual(alone.stdout, "")
    let two = try run([dir.path, dir.path])
    XCTAssertEqual(two.status, 1)
    XCTAssertEqual(two.stdout, "")
  }

  func testUsageErrorsExit64() throws {
    XCTAssertEqual(try run(["dump", Self.seed, "--format", "xml"]).status, 64)
    XCTAssertEqual(try run(["dump", Self.seed, "--date", "2014-13-01"]).status, 64)
    XCTAssertEqual(try run(["--no-such-flag", Self.seed]).status, 64)
  }

  func testHelpAndVersion() throws {
    let help = try run(["--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("USAGE"))
    let version = try run(["--version"])
    XCTAssertEqual(version.status, 0)
    XCTAssertFalse(version.stdout.isEmpty)
  }

  func testInputFileIsNeverWritten() throws {
    let before = try FileManager.default.attributesOfItem(atPath: Self.seed)
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.seed))
    _ = try run(["dump", Self.seed])
    _ = try run([Self.seed])
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: Self.seed)), data)
    let after = try FileManager.default.attributesOfItem(atPath: Self.seed)
    XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)
  }
}

extension CommandLineTests {
  func testDumpOutputRefusesTheInput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-out-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("a.txt").path
    try Data("Some text.".utf8).write(to: URL(fileURLWithPath: input))
    let r = try run(["dump", input, "-o", input])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "lede: \(input): is an input; lede never writes to the files it reads\n")
    XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), "Some text.")
    let out = dir.appendingPathComponent("a.json").path
    XCTAssertEqual(try run(["dump", input, "-o", out]).status, 0)
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))))
  }
}
