import Foundation
import XCTest

/// Every kind of input a user can point lede at: it is read, or refused with one line naming the
/// file, and never crashes; no control character of the file reaches standard output.
final class InputMatrixTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-matrix-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: dir)
  }

  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// Output must be free of every C0 control but newline and tab, of DEL and of C1 controls.
  func assertNoControls(_ s: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    for u in s.unicodeScalars {
      let v = u.value
      if (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) {
        XCTFail("\(what): U+\(String(v, radix: 16)) reached the output", file: file, line: line)
        return
      }
    }
  }

  func testEscapeSequencesNeverReachTheOutput() throws {
    let nasty = [
      "\u{1B}[2J\u{1B}[31mCSI\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}]2;title\u{1B}\\",
      "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}]52;c;aGVsbG8=\u{07}", "\u{1B}P1$qm\u{1B}\\",
      "\u{1B}_APC\u{1B}\\", "\u{1B}[200~paste\u{1B}[201~", "\u{9B}31m", "\u{9D}0;x\u{9C}", "\u{7F}", "\u{202E}RTL",
    ].joined(separator: " text ")
    var all: [UInt8] = Array("Title line\n\nBody with controls: ".utf8)
    for b in UInt8(0)...UInt8(0x1F) where b != 0x0A { all += [b, 0x20] }
    all += Array(nasty.utf8) + Array(".\n".utf8)
    let path = try file("controls.txt", all)
    for args in [[path], ["dump", path, "--format", "text"], ["timeline", path]] {
      let r = try Lede.run(args)
      XCTAssertEqual(r.status, 0, "\(args) \(r.stderr)")
      assertNoControls(r.stdout, args.joined(separator: " "))
    }
    let json = try Lede.run(["dump", path])
    XCTAssertEqual(json.status, 0)
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
  }

  func testTextEncodingsAndLineEndings() throws {
    let cases: [(String, [UInt8], String)] = [
      ("utf16le.txt", [0xFF, 0xFE] + Array("Hi there.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "Hi there."),
      ("utf16be.txt", [0xFE, 0xFF] + Array("Hi there.".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "Hi there."),
      // not UTF-8 and no UTF-8 sequence in it: windows-1252 / ISO-8859-1 (issue 14)
      ("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65], "Café crème"),
      // invalid sequences in a UTF-8 text ("é") are U+FFFD
      ("overlong.txt", Array("é".utf8) + [0x41, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x42], "éA\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}B"),
      ("crlf.txt", Array("One.\r\nTwo.\rThree.\n".utf8), "One.\nTwo.\nThree.\n"),
      ("nul.txt", Array("a\0b".utf8), "a\u{2400}b"),
      ("empty.txt", [], ""),
      ("blank.txt", Array(" \r\n\t\n  ".utf8), " \n\t\n  "),
      ("scripts.txt", Array("👍🏽 👨‍👩‍👧 e\u{301} 日本語 שלום مرحبا\tend".utf8), "👍🏽 👨‍👩‍👧 é 日本語 שלום مرحبا\tend"),
    ]
    for (name, bytes, expected) in cases {
      let path = try file(name, bytes)
      let r = try Lede.run(["dump", path, "--format", "json"])
      XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
      let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
      XCTAssertEqual(json?["text"] as? String, expected, name)
    }
  }

  func testBinaryFilesAreRefused() throws {
    let cases: [(String, [UInt8], String)] = [
      ("prog", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 64), "an ELF executable"),
      ("pic.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "a PNG image"),
      ("a.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3], "gzip data"),
    ]
    for (name, bytes, what) in cases {
      let path = try file(name, bytes)
      let r = try Lede.run([path])
      XCTAssertEqual(r.status, 1, name)
      XCTAssertEqual(r.stderr, "lede: \(path): not text (\(what))\n")
      XCTAssertEqual(r.stdout, "")
    }
    var g = SystemRandomNumberGenerator()
    let noise = try file("noise.bin", (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &g) })
    let r = try Lede.run([noise])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.hasPrefix("lede: \(noise): not text (binary data"), r.stderr)
  }

  func testTooLargeIsRefusedWithTheLimit() throws {
    let url = dir.appendingPathComponent("huge.txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let h = try FileHandle(forWritingTo: url)
    let chunk = Data(String(repeating: "A line of an article that goes on. ", count: 30_000).utf8)
    while try h.offset() < 50 << 20 { h.write(chunk) }
    try h.close()
    let r = try Lede.run([url.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "lede: \(url.path): too large to be an article (limit 32 MiB)\n")
  }

  func testLongLineAndManyLines() throws {
    let longLine = try file("line.txt", Array(String(repeating: "Word, another word. ", count: 500_000).utf8))
    let r1 = try Lede.run(["dump", longLine])
    XCTAssertEqual(r1.status, 0)
    let manyLines = try file("lines.txt", Array(String(repeating: "word\n", count: 1_000_000).utf8))
    let r2 = try Lede.run(["dump", manyLines, "--format", "text"])
    XCTAssertEqual(r2.status, 0)
    XCTAssertEqual(r2.stdout.split(separator: "\n").count, 1_000_000)
  }

  func testFolderOfArticles() throws {
    _ = try file("b.txt", Array("Second article.".utf8))
    _ = try file("a.txt", Array("First article.".utf8))
    _ = try file("notes.bin", [0, 1, 2])
    let r = try Lede.run([dir.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, "First article.\n\nSecond article.\n")
  }

  func testFIFOAndStdin() throws {
    let fifo = dir.appendingPathComponent("pipe").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let writer = Thread {
      let fd = open(fifo, O_WRONLY)
      let text = Array("Written into a FIFO. In pieces.\n".utf8)
      text.withUnsafeBytes { _ = write(fd, $0.baseAddress, 10); _ = write(fd, $0.baseAddress! + 10, text.count - 10) }
      close(fd)
    }
    writer.start()
    let r = try Lede.run(["dump", fifo, "--format", "text"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("Written into a FIFO. In pieces."))
  }

  func testMissingAndDirectory() throws {
    let missing = dir.appendingPathComponent("gone.txt").path
    XCTAssertEqual(try Lede.run([missing]).stderr, "lede: \(missing): no such file\n")
    let empty = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    XCTAssertEqual(try Lede.run([empty.path]).stderr, "lede: \(empty.path): is a directory with no articles (*.txt, *.text, *.html, *.htm, *.xhtml, or a feed)\n")
    XCTAssertEqual(try Lede.run(["dump", dir.path]).stderr, "lede: \(dir.path): is a directory, not an article\n")
    let unreadable = try file("secret.txt", Array("secret".utf8))
    chmod(unreadable, 0)
    if getuid() != 0 {  // root reads anything
      let r = try Lede.run([unreadable])
      XCTAssertEqual(r.status, 1)
      XCTAssertTrue(r.stderr.contains("cannot be read"))
    }
  }
}

extension InputMatrixTests {
  /// A file rewritten, truncated and removed while lede reads it: each run reads what is
  /// there (status 0) or says the file is missing (status 1); never a crash.
  func testFileThatShrinksOrVanishesWhileRead() throws {
    let path = dir.appendingPathComponent("moving.txt").path
    let big = Data(String(repeating: "A sentence that will shrink. ", count: 4_000).utf8)
    final class Flag: @unchecked Sendable {
      private let lock = NSLock()
      private var value = true
      var running: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
      }
    }
    let flag = Flag()
    let churn = Thread {
      var i = 0
      while flag.running {
        switch i % 3 {
        case 0: try? big.write(to: URL(fileURLWithPath: path))
        case 1: truncate(path, off_t(i % 1000))
        default: unlink(path)
        }
        i += 1
      }
    }
    try big.write(to: URL(fileURLWithPath: path))
    churn.start()
    defer { flag.running = false }
    for _ in 0..<20 {
      let r = try Lede.run(["dump", path, "--format", "text"])
      XCTAssertTrue(r.status == 0 || r.status == 1, "status \(r.status): \(r.stderr)")
      if r.status == 1 { XCTAssertEqual(r.stderr, "lede: \(path): no such file\n") }
      XCTAssertFalse(r.stderr.contains("Fatal"), r.stderr)
    }
  }
}
