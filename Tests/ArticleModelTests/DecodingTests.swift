import Foundation
import XCTest

@testable import ArticleModel

final class DecodingTests: XCTestCase {
  func decode(_ bytes: [UInt8]) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: TextDecoding.decode(Data(bytes)))
    return String(v)
  }

  func testPlainUTF8() {
    XCTAssertEqual(decode(Array("Moscow – Pyongyang".utf8)), "Moscow – Pyongyang")
  }

  func testInvalidUTF8BecomesReplacementCharacter() {
    // In a text that is UTF-8 elsewhere ("é"), an invalid sequence is U+FFFD.
    let e: [UInt8] = [0xC3, 0xA9]
    XCTAssertEqual(decode(e + [0x41, 0xFF, 0x42]), "éA\u{FFFD}B")
    XCTAssertEqual(decode(e + [0xC3]), "é\u{FFFD}")  // truncated at the end
    XCTAssertEqual(decode(e + [0xE2, 0x82, 0x41]), "é\u{FFFD}A")  // truncated in the middle
    XCTAssertEqual(decode(e + [0xC0, 0xAF]), "é\u{FFFD}\u{FFFD}")  // overlong "/"
    XCTAssertEqual(decode(e + [0xED, 0xA0, 0x80]), "é\u{FFFD}\u{FFFD}\u{FFFD}")  // lone surrogate
  }

  /// A text with bytes that are not UTF-8 and no UTF-8 sequence at all is windows-1252
  /// (ISO-8859-1 text reads the same): "£15.8m", "café", curly quotes and the euro sign.
  func testLegacyEightBitTextIsWindows1252() {
    XCTAssertEqual(decode([0xA3, 0x31, 0x35]), "£15")
    XCTAssertEqual(decode(Array("caf".utf8) + [0xE9]), "café")
    XCTAssertEqual(decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35]), "\u{201C}Hi\u{201D} €5")
    // a C1 byte windows-1252 leaves unassigned still never reaches the terminal
    XCTAssertEqual(decode([0x41, 0x81]), "A\u{FFFD}")
  }

  func testUTF8BOMIsStripped() {
    XCTAssertEqual(decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)), "Hi")
  }

  func testUTF16WithBOM() {
    XCTAssertEqual(decode([0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x3D, 0xD8, 0x00, 0xDE]), "Hi😀")
    XCTAssertEqual(decode([0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69]), "Hi")
    XCTAssertEqual(decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), "\u{FFFD}A")  // lone surrogate
    XCTAssertEqual(decode([0xFF, 0xFE, 0x41, 0x00, 0x42]), "A\u{FFFD}")  // odd byte
  }

  func testLineEndingsBecomeLF() {
    XCTAssertEqual(decode(Array("a\r\nb\rc\nd\r\n\r\ne".utf8)), "a\nb\nc\nd\n\ne")
  }

  func testControlCharactersBecomeVisiblePlaceholders() {
    let text = decode([0x61, 0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x07, 0x7F, 0x09, 0x62])
    XCTAssertEqual(text, "a\u{2400}\u{241B}[31m\u{2407}\u{2421}\tb")
    // C1 controls (CSI, OSC as single code points) and bidi overrides
    XCTAssertEqual(decode(Array("x\u{9B}y\u{9D}z\u{202E}w\u{2066}v".utf8)), "x\u{FFFD}y\u{FFFD}z\u{FFFD}w\u{FFFD}v")
  }

  func testNoControlCharacterSurvivesAnyByte() {
    var bytes: [UInt8] = []
    for b in 0...255 { bytes.append(UInt8(b)); bytes.append(0x20) }
    for s in TextDecoding.decode(Data(bytes)) {
      let v = s.value
      XCTAssertFalse((v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v), "U+\(String(v, radix: 16))")
    }
  }

  func testNFC() {
    // e + combining acute becomes é; Angstrom sign becomes Å
    XCTAssertEqual(decode(Array("Sche\u{301}rer \u{212B}".utf8)).unicodeScalars.map(\.value),
      "Schérer Å".unicodeScalars.map(\.value))
    // already-composed text is left as is
    XCTAssertEqual(decode(Array("Pávlovna “quoted”".utf8)), "Pávlovna “quoted”")
  }

  func testRandomBytesNeverCrash() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let bytes = (0..<Int.random(in: 0..<2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      let scalars = TextDecoding.decode(Data(bytes))
      let doc = Document(name: "random", scalars: scalars)
      for t in doc.tokens { XCTAssertTrue(t.start < t.end && t.end <= scalars.count) }
    }
  }
}
