import Foundation
import XCTest

@testable import ArticleModel

final class HostileInputTests: XCTestCase {
  func testEmptyAndWhitespace() {
    for text in ["", " ", "\n\n\n", " \t \n \r\n "] {
      let doc = Document(text: text)
      XCTAssertTrue(doc.paragraphs.isEmpty)
      XCTAssertTrue(doc.sentences.isEmpty)
      XCTAssertTrue(doc.tokens.isEmpty)
      _ = Report.json(Analysis(document: doc))
    }
  }

  func testTenMegabyteSingleLine() {
    let line = String(repeating: "Word, another word. ", count: 500_000)
    let doc = Document(text: line)
    XCTAssertEqual(doc.paragraphs.count, 1)
    XCTAssertEqual(doc.tokens.count, 2_500_000)
    XCTAssertEqual(doc.sentences.count, 500_000)
  }

  func testOneMegabyteOfRandomBytes() {
    var g = SystemRandomNumberGenerator()
    let data = Data((0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &g) })
    XCTAssertNotNil(BinarySniffer.reasonNotText(data), "random bytes are refused as not text")
    XCTAssertThrowsError(try ArticleLoader.document(from: data, name: "noise.bin")) { error in
      XCTAssertTrue("\(error)".hasPrefix("noise.bin: not text"))
    }
    // and the decoder itself copes with them
    let doc = Document(name: "noise", scalars: TextDecoding.decode(data))
    XCTAssertGreaterThan(doc.tokens.count, 0)
  }

  func testBinaryMagicNumbers() {
    XCTAssertEqual(BinarySniffer.reasonNotText(Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0])), "an ELF executable")
    XCTAssertEqual(BinarySniffer.reasonNotText(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])), "a PNG image")
    XCTAssertEqual(BinarySniffer.reasonNotText(Data([0x1F, 0x8B, 8, 0])), "gzip data")
    XCTAssertNil(BinarySniffer.reasonNotText(Data("Plain text with a NUL\0 byte.".utf8)))
  }

  func testLoaderErrorsNameTheFile() throws {
    XCTAssertThrowsError(try ArticleLoader.load(path: "/nonexistent/article.txt")) {
      XCTAssertEqual("\($0)", "/nonexistent/article.txt: no such file")
    }
    XCTAssertThrowsError(try ArticleLoader.load(path: NSTemporaryDirectory())) {
      XCTAssertTrue("\($0)".hasSuffix("is a directory, not an article"))
    }
  }
}
