@testable import ExplorerCore
import Foundation
import XCTest

final class KeyMapTests: XCTestCase {
  func testNoKeyIsBoundTwiceInAScope() {
    for scope in KeyScope.allCases {
      var seen: [Key: Action] = [:]
      for b in KeyMap.bindings where b.scope == scope {
        for k in b.keys {
          XCTAssertNil(seen[k], "\(k.name) is bound twice in \(scope): \(seen[k]!) and \(b.action)")
          seen[k] = b.action
        }
      }
    }
  }

  func testEveryActionIsBoundAndHasHelp() {
    for b in KeyMap.bindings {
      XCTAssertFalse(
        b.help.trimmingCharacters(in: .whitespaces).isEmpty, "\(b.action) has no help text")
      XCTAssertFalse(b.keys.isEmpty, "\(b.action) has no keys")
    }
    let bound = Set(KeyMap.bindings.map(\.action))
    for a in Action.allCases { XCTAssertTrue(bound.contains(a), "\(a) has no key binding") }
  }

  /// What the reader sees: the help screen (tall enough to show it all) has every binding's
  /// keys and help, a wrapped description read across its lines.
  func testTheHelpScreenShowsEveryBinding() {
    var state = SeedFixture.state(width: 100, height: 120)
    state.press(.char("h"))
    let screen = state.screen
    guard let top = (0..<screen.height).first(where: { y in (0..<screen.width).contains { screen[$0, y].text == "┌" } }),
      let left = (0..<screen.width).first(where: { screen[$0, top].text == "┌" }),
      let right = (0..<screen.width).first(where: { screen[$0, top].text == "┐" })
    else { return XCTFail("the help is framed") }
    var rows: [String] = []
    for y in (top + 1)..<screen.height {
      if screen[left, y].text == "└" { break }
      rows.append(((left + 1)..<right).map { screen[$0, y].text }.joined())
    }
    let shown = rows.joined(separator: " ").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    for b in KeyMap.bindings {
      let help = b.help.split(separator: " ").joined(separator: " ")
      XCTAssertTrue(shown.contains(help), "the help screen lacks \(b.help)")
      for k in b.keys { XCTAssertTrue(shown.contains(k.name), "the help screen lacks \(k.name)") }
    }
  }

  func testIssueKeysAreBound() {
    let expected: [(Key, Action)] = [
      (.char("q"), .quit), (.char("Q"), .quit), (.ctrl("c"), .quit), (.char("?"), .searchBackward),
      (.function(1), .toggleHelp), (.escape, .close), (.tab, .focusNextPane),
      (.backTab, .focusPreviousPane),
      (.char("1"), .count), (.char("2"), .count), (.char("0"), .count), (.char("%"), .goToPercent),
      (.char("p"), .goToPercent),
      (.char("j"), .lineDown), (.down, .lineDown), (.char("k"), .lineUp), (.up, .lineUp),
      (.char(" "), .pageDown), (.pageDown, .pageDown), (.char("f"), .pageDown),
      (.char("b"), .pageUp),
      (.pageUp, .pageUp), (.ctrl("d"), .halfPageDown), (.ctrl("u"), .halfPageUp),
      (.char("g"), .top),
      (.home, .top), (.char("G"), .bottom), (.end, .bottom), (.char("/"), .search),
      (.char("n"), .nextMatch),
      (.char("N"), .previousMatch), (.char("]"), .nextMention), (.char("["), .previousMention),
      (.char("*"), .nextMentionOfEntity), (.char("#"), .previousMentionOfEntity),
      (.enter, .activate),
      (.ctrl("l"), .redraw), (.ctrl("z"), .suspend), (.char("}"), .nextFile),
      (.char("{"), .previousFile),
      // what a less or vim hand presses
      (.char("e"), .lineDown), (.ctrl("e"), .lineDown), (.ctrl("n"), .lineDown),
      (.char("y"), .lineUp), (.ctrl("y"), .lineUp), (.ctrl("p"), .lineUp),
      (.ctrl("f"), .pageDown), (.char("z"), .pageDown), (.ctrl("b"), .pageUp), (.char("w"), .pageUp),
      (.char("d"), .halfPageDown), (.char("u"), .halfPageUp), (.char("<"), .top),
      (.char(">"), .bottom), (.char("m"), .setMark), (.char("'"), .goToMark),
      (.char("h"), .toggleHelp), (.ctrl("g"), .fileInfo), (.char("="), .fileInfo),
    ]
    for (k, a) in expected { XCTAssertEqual(KeyMap.action(for: k, in: .main), a, k.name) }
    XCTAssertEqual(KeyMap.action(for: .escape, in: .prompt), .cancelPrompt)
    XCTAssertEqual(KeyMap.action(for: .enter, in: .prompt), .confirmPrompt)
    XCTAssertEqual(KeyMap.action(for: .up, in: .prompt), .olderPattern)
    XCTAssertNil(KeyMap.action(for: .char("q"), in: .prompt), "q must type into the prompt")
  }

  /// docs/keys.md is generated from the table; re-record with RECORD_SNAPSHOTS=1.
  func testKeysDocumentMatchesTable() throws {
    let url = SeedFixture.repositoryRoot.appendingPathComponent("docs/keys.md")
    let expected = KeyMap.markdown()
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try expected.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let actual = try? String(contentsOf: url, encoding: .utf8) else {
      return XCTFail("docs/keys.md is missing; record it with RECORD_SNAPSHOTS=1 swift test")
    }
    XCTAssertEqual(
      actual, expected, "docs/keys.md differs from KeyMap; re-record with RECORD_SNAPSHOTS=1")
  }

  /// The README shows the same key table.
  func testReadmeShowsTheKeyTable() throws {
    let readme = try String(
      contentsOf: SeedFixture.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for line in KeyMap.markdown().split(separator: "\n") where line.hasPrefix("| `") {
      XCTAssertTrue(readme.contains(line), "README.md lacks the key line: \(line)")
    }
  }
}

final class HelpOverlayTests: XCTestCase {
  /// At every width, the help's lines fit the frame and keep every word of the key table in
  /// order; a description that does not fit goes on under its column.
  func testLongDescriptionsWrapUnderTheirColumn() {
    let words = KeyMap.helpLines().joined(separator: " ").split(separator: " ")
    for width in 12...130 {
      let size = Size(width: width, height: 40)
      let room = HelpOverlay.frameWidth(for: size) - 3
      let lines = HelpOverlay.lines(for: size)
      XCTAssertEqual(lines.joined(separator: " ").split(separator: " "), words, "width \(width)")
      for line in lines where DisplayWidth.of(line) > room {
        // only a single word longer than the room may stick out (the frame cuts it)
        XCTAssertFalse(
          line.trimmingCharacters(in: .whitespaces).contains(" ") && width >= 60,
          "width \(width): \(line)")
      }
    }
    let at80 = HelpOverlay.lines(for: Size(width: 80, height: 24))
    let esc = at80.firstIndex { $0.hasPrefix("  Esc ") }!
    XCTAssertEqual(at80[esc + 1].prefix(27), String(repeating: " ", count: 26) + "m")
  }
}
