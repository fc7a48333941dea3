import ArticleModel
import Foundation
import XCTest

@testable import ExplorerCore

/// Rendering any state at any size fills exactly the screen, in display columns, and never puts
/// a control character in a cell: checked over random texts, sizes and key sequences.
final class RenderPropertyTests: XCTestCase {
  static let alphabet = Array(
    "Aa Zz 09 .,;:!?'’\"“”()-—…\n\n\t$%日本語한👍🏽👨‍👩‍👧e\u{301}\u{200D}\u{1B}[31m\u{9B}\0\u{7F}\u{202E}Moscow Pyongyang Russia said on Monday 2014. "
      .unicodeScalars)
  static let keys: [Key] = [
    .char("j"), .char("k"), .char(" "), .char("b"), .ctrl("d"), .ctrl("u"), .char("g"), .char("G"),
    .char("]"), .char("["), .char("*"), .char("#"), .char("n"), .char("N"), .tab, .backTab,
    .char("1"), .char("2"), .char("3"), .enter, .char("?"), .escape, .char("/"), .char("o"),
    .backspace, .up, .down, .pageDown, .pageUp, .home, .end, .ctrl("l"),
  ]

  /// Every row adds up to the width; continuation cells follow a double-width cell.
  func check(_ b: ScreenBuffer, _ context: String) {
    XCTAssertEqual(b.cells.count, b.width * b.height, context)
    for y in 0..<b.height {
      var columns = 0
      var x = 0
      while x < b.width {
        let cell = b[x, y]
        XCTAssertFalse(cell.isContinuation, "\(context): stray continuation at \(x),\(y)")
        for s in cell.text.unicodeScalars {
          let v = s.value
          XCTAssertFalse((v < 0x20) || (0x7F...0x9F).contains(v), "\(context): control U+\(String(v, radix: 16)) at \(x),\(y)")
        }
        let w = cell.text.unicodeScalars.first.map { DisplayWidth.of($0) } ?? 1
        if w == 2 {
          XCTAssertTrue(x + 1 < b.width && b[x + 1, y].isContinuation, "\(context): wide cell without its half at \(x),\(y)")
          x += 2
          columns += 2
        } else {
          XCTAssertEqual(w, 1, "\(context): cell of width \(w) at \(x),\(y): \(cell.text.debugDescription)")
          x += 1
          columns += 1
        }
      }
      XCTAssertEqual(columns, b.width, "\(context): row \(y)")
    }
  }

  /// Seeded, so that a failure can be replayed: the seed is in every message, and
  /// LEDE_SEED=N replays it.
  func testRandomStatesAtRandomSizes() {
    let seed = ProcessInfo.processInfo.environment["LEDE_SEED"].flatMap { UInt64($0) } ?? 20_261_130
    var g = SplitMix64(seed: seed)
    for round in 0..<60 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<1500, using: &g) { text.append(Self.alphabet.randomElement(using: &g)!) }
      let analysis = Analysis(document: Document(name: "random-\(round)", text: String(text)))
      var size = Size(width: Int.random(in: 1...160, using: &g), height: Int.random(in: 1...60, using: &g))
      var state = ExplorerState(analysis: analysis, size: size)
      check(Screen.render(state), "seed \(seed) round \(round) at \(size)")
      for step in 0..<40 {
        if Int.random(in: 0..<8, using: &g) == 0 {
          size = Size(width: Int.random(in: 1...160, using: &g), height: Int.random(in: 1...60, using: &g))
          _ = state.handle(.resize(size))
        } else {
          _ = state.handle(.key(Self.keys.randomElement(using: &g)!))
        }
        let b = Screen.render(state)
        XCTAssertEqual(b.size, size)
        check(b, "seed \(seed) round \(round) step \(step) at \(size)")
      }
    }
  }
}

/// A small seeded generator (SplitMix64), so that random tests replay the same way.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
