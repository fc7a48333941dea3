import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import XCTest

@testable import ArticleModel

/// `lede export`'s formats (issue 16), on a short made-up article.
final class ExporterTests: XCTestCase {
  static let text = """
    LONDON, March 3, 2014 - Tony Blair met Angela Merkel in Berlin on Friday. "Talks & <deals>" \
    went well, Mr Blair said.

    The European Union will meet again in June.
    """
  let a = Analysis(document: Document(name: "a.txt", text: ExporterTests.text))

  func testCoNLLTagsEveryTokenIOB2AndSplitsSentences() {
    let out = Exporter.conll(a)
    XCTAssertTrue(out.hasPrefix("-DOCSTART- O\n\n"))
    XCTAssertTrue(out.contains("Tony B-PER\nBlair I-PER\n"), out)
    XCTAssertTrue(out.contains("Berlin B-LOC\n"), out)
    XCTAssertTrue(out.contains("European B-ORG\nUnion I-ORG\n") || out.contains("European B-MISC"), out)
    for line in out.split(separator: "\n") {
      XCTAssertEqual(line.split(separator: " ").count, 2, "one token and one tag: \(line)")
    }
    XCTAssertGreaterThanOrEqual(out.components(separatedBy: "\n\n").count, 4, "sentences apart")
  }

  func testBratOffsetsPointAtTheirTextAndTimeValuesAreNotes() {
    let out = Exporter.brat(a)
    let scalars = Array(a.document.text.unicodeScalars)
    var timex = 0
    for line in out.split(separator: "\n") where line.hasPrefix("T") {
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
      XCTAssertEqual(cols.count, 3, String(line))
      let typeAndOffsets = cols[1].split(separator: " ")
      if typeAndOffsets[0] == "TIMEX3" { timex += 1 }
      let start = Int(typeAndOffsets[1])!, end = Int(typeAndOffsets[2])!
      XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), String(cols[2]))
    }
    XCTAssertEqual(timex, a.timeExpressions.count)
    XCTAssertTrue(out.contains("AnnotatorNotes"), out)
    XCTAssertTrue(out.contains("\tPerson "), out)
  }

  func testTimeMLIsWellFormedXMLWithEveryExpression() throws {
    let out = Exporter.timeml(a)
    let doc = try XMLDocument(data: Data(out.utf8))
    let timexes = try doc.nodes(forXPath: "//TEXT/TIMEX3")
    XCTAssertEqual(timexes.count, a.timeExpressions.count)
    XCTAssertEqual(try doc.nodes(forXPath: "//DCT/TIMEX3").first?.stringValue, "2014-03-03")
    // The text survives the escaping: the element's string value is the document text.
    XCTAssertEqual(try doc.nodes(forXPath: "//TEXT").first?.stringValue, a.document.text)
  }

  func testCSVQuotesFieldsAndKeepsOneRowALine() {
    let doc = Document(name: "x.txt", text: "Smith, Jones and Co. met Mr \"Big\" Brown in Paris, France.")
    let b = Analysis(document: doc)
    let rows = Exporter.csvRows(b, file: "dir,with comma/x.txt")
    for row in rows.split(separator: "\r\n") {
      XCTAssertTrue(row.hasPrefix("\"dir,with comma/x.txt\","), String(row))
      XCTAssertFalse(row.contains("\n"))
    }
    XCTAssertEqual(Exporter.csvField("say \"hi\", then"), "\"say \"\"hi\"\", then\"")
  }

  func testHTMLIsSelfContainedEscapedAndColoured() {
    let hostile = Document(name: "h.txt", text: "<script>alert(1)</script> Tony Blair visited Paris.\u{1B}[31m")
    let out = Exporter.html(Analysis(document: hostile))
    XCTAssertFalse(out.contains("<script>"))
    XCTAssertTrue(out.contains("&lt;script&gt;"))
    XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B })
    XCTAssertFalse(out.contains("http://") || out.contains("https://"), "no external resource")
    let page = Exporter.html(a)
    XCTAssertTrue(page.contains("class=\"e t-person\""), page)
    XCTAssertTrue(page.contains("<code>2014-06</code>"), page)
  }
}
