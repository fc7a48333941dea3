import ArticleModel
import ExplorerCore
import Foundation
import XCTest

/// Rendered screens of the seed article compared with files in Fixtures/. A missing or
/// different snapshot fails; `RECORD_SNAPSHOTS=1 swift test` (re)records them, and
/// `git diff Tests/ExplorerCoreTests/Fixtures` shows what changed.
final class SnapshotTests: XCTestCase {
  static let sizes = [
    Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 40, height: 12),
    Size(width: 20, height: 6),
  ]

  func assertSnapshot(
    _ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let url = SeedFixture.fixtures.appendingPathComponent(name + ".txt")
    let actual = buffer.snapshot
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(
        at: SeedFixture.fixtures, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      print("recorded snapshot \(url.path)")
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      XCTFail(
        "snapshot \(name) is missing: record it with RECORD_SNAPSHOTS=1 swift test", file: file,
        line: line)
      return
    }
    if expected != actual {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let i = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
      XCTFail(
        """
        snapshot \(name) differs at line \(i + 1):
          expected: \(i < e.count ? String(e[i]) : "<end>")
          actual:   \(i < a.count ? String(a[i]) : "<end>")
        re-record with RECORD_SNAPSHOTS=1 swift test if the change is intended
        """, file: file, line: line)
    }
  }

  /// The seed as the real pipeline analyses it today (re-record when entities/timeline land).
  func testSeedWithTheRealAnalysis() throws {
    let analysis = SeedFixture.realAnalysis
    for size in Self.sizes {
      let state = ExplorerState(analysis: analysis, size: size, colorMode: .extended)
      try assertSnapshot(Screen.render(state), named: "seed-\(size)")
    }
  }

  /// The seed with hand-made entities and timeline, a search and a mention cursor active.
  func testSeedWithHandMadeEntitiesSearchAndMentions() throws {
    for size in Self.sizes {
      var state = SeedFixture.state(width: size.width, height: size.height)
      state.press(.char("/"))
      state.type("Moscow")
      state.press(.enter, .char("g"), .char("]"), .char("*"))
      try assertSnapshot(Screen.render(state), named: "seed-handmade-\(size)")
    }
  }

  func testSeedWithoutColour() throws {
    var state = SeedFixture.state(width: 100, height: 30, color: .none)
    state.press(.char("]"), .char("3"), .tab, .char("j"), .enter)
    try assertSnapshot(Screen.render(state), named: "seed-handmade-nocolor-100x30")
  }

  func testHelpOverlay() throws {
    var state = SeedFixture.state(width: 80, height: 24)
    state.press(.char("h"))
    try assertSnapshot(Screen.render(state), named: "seed-help-80x24")
  }

  func testSnapshotsCatchAStyleChange() {
    var a = ScreenBuffer(size: Size(width: 4, height: 1))
    var b = a
    a.write("ab", x: 0, y: 0)
    b.write("ab", x: 0, y: 0, style: Style(bold: true))
    XCTAssertNotEqual(a.snapshot, b.snapshot, "a snapshot records styles, not only text")
  }
}
