import Foundation
import XCTest

@testable import ArticleModel

final class StructureTests: XCTestCase {
  func seed() throws -> Document { try ArticleLoader.load(path: SharedData.seedPath) }

  func testSeedParagraphsHeadingsAndSource() throws {
    let doc = try seed()
    XCTAssertEqual(doc.paragraphs.filter { $0.kind == .body }.count, 7)
    let headings = doc.paragraphs.filter { $0.kind == .heading }.map { doc.string($0.span) }
    XCTAssertEqual(headings, ["Mutual benefit", "Creating a counterpoise with influential partners"])
    XCTAssertEqual(doc.source, "VOVworld")
    XCTAssertNil(doc.title)
    XCTAssertEqual(doc.sentences.first?.kind, .dateline)
    XCTAssertEqual(doc.string(doc.sentences[0].span), "(VOVworld)-")
    XCTAssertEqual(doc.string(doc.sentences[1].span).prefix(11), "The new For")
  }

  func testSeedSentenceIsWhole() throws {
    let doc = try seed()
    let sentences = doc.sentences.map { doc.string($0.span) }
    XCTAssertTrue(sentences.contains(
      "Moscow has agreed to write off 90% of DPRK’s debts from the Cold War and discount payments on the remaining 10% of the debts."
    ))
    // every body sentence ends with a full stop in this article
    for s in doc.sentences where s.kind == .body { XCTAssertEqual(doc.scalars[s.span.end - 1], ".") }
    XCTAssertEqual(doc.sentences.filter { $0.kind == .body }.count, 26)
  }

  func testHardWrappedParagraphs() {
    let text = """
      A Title Line

      The first paragraph is wrapped by hand at a narrow width so that
      it runs over three lines of text, as books and some news files
      are laid out.

      CHAPTER II

      The second paragraph, “quoted,” is short. It has two sentences.
      """
    let doc = Document(text: text)
    XCTAssertEqual(doc.title, "A Title Line")
    XCTAssertEqual(doc.paragraphs.map(\.kind), [.title, .body, .heading, .body])
    XCTAssertTrue(doc.string(doc.paragraphs[1].span).hasSuffix("are laid out."))
    XCTAssertEqual(doc.sentences.filter { $0.kind == .body }.count, 3)
  }

  func testDatelines() {
    let cases: [(String, String?, String?, String?)] = [
      ("MOSCOW (Reuters) - Russia said on Monday it would act.", "Reuters", "MOSCOW", nil),
      ("WASHINGTON, March 3 (AP) — The Senate voted today.", "AP", "WASHINGTON", "March 3"),
      ("LONDON, Jan 5 -- Shares fell sharply.", nil, "LONDON", "Jan 5"),
      ("(VOVworld)- The new minister arrived.", "VOVworld", nil, nil),
    ]
    for (text, source, place, date) in cases {
      let doc = Document(text: text)
      XCTAssertEqual(doc.dateline?.source, source, text)
      XCTAssertEqual(doc.dateline?.place, place, text)
      XCTAssertEqual(doc.dateline?.date.map { doc.string($0) }, date, text)
      XCTAssertEqual(doc.sentences.count, 2, text)
    }
    XCTAssertNil(Document(text: "Quarterly profits at US media giant TimeWarner jumped 76%.").dateline)
    XCTAssertNil(Document(text: "The - sign is a dash.").dateline)
  }

  func testSpansAreConsistent() throws {
    let doc = try seed()
    var last = 0
    for t in doc.tokens {
      XCTAssertGreaterThanOrEqual(t.start, last)
      XCTAssertLessThan(t.start, t.end)
      last = t.end
    }
    for s in doc.sentences {
      XCTAssertTrue(doc.paragraphs[s.paragraph].span.contains(s.span))
      for t in s.tokens { XCTAssertTrue(s.span.contains(doc.tokens[t].span)) }
    }
  }
}
