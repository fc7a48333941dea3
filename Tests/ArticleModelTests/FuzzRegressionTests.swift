import Foundation
import XCTest

@testable import ArticleModel

/// Replays every input the fuzzer kept (Fixtures/fuzz-crashes) and some hand-made nasty ones.
final class FuzzRegressionTests: XCTestCase {
  func testKeptCrashInputs() throws {
    let dir = SharedData.repoRoot.appendingPathComponent("Tests/ArticleModelTests/Fixtures/fuzz-crashes")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "README.txt" }
    for f in files {
      let data = try Data(contentsOf: dir.appendingPathComponent(f))
      XCTAssertEqual(Invariants.check(bytes: [UInt8](data)), [], f)
    }
  }

  func testHandMadeInputs() {
    let inputs: [String] = [
      "", ".", "...", "'s", "’", "-", "U.S.-", "A.", "Mr.", "1,", "1,2345", "3.", "(", ")- x",
      "MOSCOW (Reuters) -", "(X)-", "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{9B}2J",
      "e\u{301}\u{301}\u{301}", "👨‍👩‍👧‍👦🏽", "\u{200D}\u{200D}", "日本語の文章。次の文。", "שלום עולם. مرحبا بالعالم.",
      "a\r\rb\r\n\nc", "\t\t\tTabbed\ttext.", String(repeating: "A.", count: 1000),
      String(repeating: "'", count: 500), String(repeating: "-", count: 10_000),
    ]
    for s in inputs { XCTAssertEqual(Invariants.check(bytes: Array(s.utf8)), [], s) }
  }

  func testRandomTextProperties() {
    // Random text over an alphabet of the characters the segmenter cares about.
    let alphabet = Array("aZ9 .,;:!?'’\"“”()[]-—…\n\n\t$%&é日👍\u{301}\u{200D}\u{1B}\0\r".unicodeScalars)
    var g = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var v = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<400, using: &g) { v.append(alphabet.randomElement(using: &g)!) }
      let s = String(v)
      XCTAssertEqual(Invariants.check(bytes: Array(s.utf8)), [], s.debugDescription)
    }
  }
}
