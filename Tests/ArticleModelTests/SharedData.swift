import Foundation
import XCTest

/// Finds the read-only `shared/` folder beside the repository (`../shared`), or the folder named
/// by `LEDE_SHARED`. Tests that need it skip with a clear message when it is absent (a user's fresh
/// clone) and run when it is present (CI has it).
enum SharedData {
  static let repoRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var root: URL? {
    if let env = ProcessInfo.processInfo.environment["LEDE_SHARED"], !env.isEmpty {
      return URL(fileURLWithPath: env)
    }
    let candidate = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
  }

  /// The path of `relative` inside shared/, or an XCTSkip naming what is missing.
  static func path(_ relative: String) throws -> String {
    guard let root else {
      throw XCTSkip("SKIPPED: ../shared is absent, so \(relative) cannot be read (set LEDE_SHARED)")
    }
    let url = root.appendingPathComponent(relative)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw XCTSkip("SKIPPED: \(url.path) is absent")
    }
    return url.path
  }

  static var seedPath: String { repoRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path }
}
