import Foundation
import XCTest

/// Runs the `lede` binary built beside the test bundle, collecting its output and status.
enum Lede {
  static let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let seed = repoRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path

  static var binary: URL {
    if let env = ProcessInfo.processInfo.environment["LEDE_BINARY"] { return URL(fileURLWithPath: env) }
    let bundle = Bundle(for: Marker.self).bundleURL
    let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("lede") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  final class Marker {}

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ args: [String], stdin: Data? = nil) throws -> Result {
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw XCTSkip("SKIPPED: \(binary.path) is not built")
    }
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(stdin) }
    try inp.fileHandleForWriting.close()
    // read both pipes concurrently so that a full stderr pipe cannot block the child
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
