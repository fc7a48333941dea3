import XCTest

@testable import ArticleModel

final class SegmentationTests: XCTestCase {
  func sentences(_ text: String) -> [String] {
    let doc = Document(text: text)
    return doc.sentences.map { doc.string($0.span) }
  }

  func tokens(_ text: String) -> [String] {
    let doc = Document(text: text)
    return doc.tokens.map { doc.string($0) }
  }

  func testAbbreviationsDoNotEndSentences() {
    XCTAssertEqual(
      sentences("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital. They spoke for No. 10 hours."),
      ["Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital.", "They spoke for No. 10 hours."])
  }

  func testInitialsDecimalsAndEllipses() {
    XCTAssertEqual(
      sentences("J. R. R. Tolkien wrote 3.5 books... maybe more. Prices rose 2.5%. Then fell."),
      ["J. R. R. Tolkien wrote 3.5 books... maybe more.", "Prices rose 2.5%.", "Then fell."])
  }

  func testQuotesAndBracketsAfterTheStop() {
    XCTAssertEqual(
      sentences("He said: “We will go.” Then he left. (It rained.) She stayed! “Why?” he asked."),
      ["He said: “We will go.”", "Then he left.", "(It rained.)", "She stayed!", "“Why?” he asked."])
  }

  func testAbbreviationAtSentenceEnd() {
    XCTAssertEqual(
      sentences("He works for Acme Inc. The company is large. It moved to the U.S. In 2004 it grew."),
      ["He works for Acme Inc.", "The company is large.", "It moved to the U.S.", "In 2004 it grew."])
  }

  func testTokensFollowCoNLLConventions() {
    XCTAssertEqual(tokens("DPRK’s debts"), ["DPRK", "’s", "debts"])
    XCTAssertEqual(tokens("Korea's 90% 1,200 km 3.5"), ["Korea", "'s", "90", "%", "1,200", "km", "3.5"])
    XCTAssertEqual(tokens("the Asia-Pacific 10-day 6-party U.S.-led"), ["the", "Asia-Pacific", "10-day", "6-party", "U.S.-led"])
    XCTAssertEqual(tokens("don't O'Brien AT&T $5bn"), ["do", "n't", "O'Brien", "AT&T", "$", "5bn"])
    XCTAssertEqual(tokens("(VOVworld)- The"), ["(", "VOVworld", ")", "-", "The"])
    XCTAssertEqual(tokens("wait... “yes”—no"), ["wait", "...", "“", "yes", "”", "—", "no"])
  }

  func testEmojiAndCombiningMarksStayWhole() {
    let doc = Document(text: "Hi 👍🏽 and 👨‍👩‍👧 e\u{301}")
    XCTAssertEqual(doc.tokens.map { doc.string($0) }, ["Hi", "👍🏽", "and", "👨‍👩‍👧", "é"])
  }
}
