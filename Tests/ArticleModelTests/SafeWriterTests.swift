import Foundation
import XCTest

@testable import ArticleModel

final class SafeWriterTests: XCTestCase {
  func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-write-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func testWritesAndReplaces() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.json").path
    try SafeWriter.write(Data("one".utf8), to: out)
    try SafeWriter.write(Data("two".utf8), to: out)
    XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "two")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
  }

  func testRefusesToOverwriteAnInput() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("article.txt").path
    try Data("An article.".utf8).write(to: URL(fileURLWithPath: input))
    let link = dir.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    XCTAssertThrowsError(try SafeWriter.write(Data("x".utf8), to: link, inputs: [input])) {
      XCTAssertEqual($0 as? WriteError, .isInput(link))
    }
    XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), "An article.")
  }

  /// A full disk: the old file stays whole and no temporary file is left behind.
  func testFullDiskLeavesTheOldFileWhole() throws {
    let mountPoint = try tempDir()
    defer { try? FileManager.default.removeItem(at: mountPoint) }
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]
    mount.standardError = FileHandle.nullDevice
    guard getuid() == 0, (try? mount.run()) != nil else {
      throw XCTSkip("SKIPPED: mounting a small tmpfs needs root")
    }
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else { throw XCTSkip("SKIPPED: mount -t tmpfs was refused here") }
    defer {
      let umount = Process()
      umount.executableURL = URL(fileURLWithPath: "/bin/umount")
      umount.arguments = [mountPoint.path]
      try? umount.run()
      umount.waitUntilExit()
    }
    let out = mountPoint.appendingPathComponent("report.json").path
    let old = Data(repeating: UInt8(ascii: "o"), count: 16 << 10)
    try SafeWriter.write(old, to: out)
    let big = Data(repeating: UInt8(ascii: "n"), count: 128 << 10)
    XCTAssertThrowsError(try SafeWriter.write(big, to: out)) {
      XCTAssertTrue("\($0)".contains("No space left on device"), "\($0)")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), old)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path), ["report.json"])
  }
}
