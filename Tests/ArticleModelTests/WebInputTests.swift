import Foundation
import LedeTraining
import WebArticle
import XCTest

@testable import ArticleModel

/// Character sets, hostile markup, feeds, wire copy and Gutenberg books; and the shared
/// article-extraction set when it is present.
final class WebInputTests: XCTestCase {
  let filler = String(repeating: "The council met again on the matter, and the vote was close. ", count: 6)

  func page(charsetTag: String, body: [UInt8]) -> Data {
    Data(Array("<html><head>\(charsetTag)</head><body><p>".utf8) + body + Array(" \(filler)</p></body></html>".utf8))
  }

  // MARK: Character sets

  func testMetaCharsetWindows1252() throws {
    let data = page(charsetTag: "<meta charset=\"windows-1252\">", body: [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80, 0x35])
    XCTAssertEqual(TextDecoding.detectCharset(data, markup: true).charset, .windows1252)
    let doc = try ArticleLoader.document(from: data, name: "p.html")
    XCTAssertTrue(doc.text.hasPrefix("\u{201C}Café\u{201D} €5"), doc.text)
  }

  func testHTTPEquivLatin1() throws {
    let data = page(
      charsetTag: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
      body: Array("Z".utf8) + [0xFC, 0x72, 0x69, 0x63, 0x68])
    XCTAssertEqual(TextDecoding.detectCharset(data, markup: true).label, "iso-8859-1")
    XCTAssertTrue(try ArticleLoader.document(from: data, name: "p.html").text.hasPrefix("Zürich"))
  }

  func testDeclaredUTF8AndBOMAndUTF16() throws {
    let utf8 = page(charsetTag: "<meta charset='utf-8'>", body: Array("Zürich".utf8))
    XCTAssertTrue(try ArticleLoader.document(from: utf8, name: "p.html").text.hasPrefix("Zürich"))
    let bom = Data([0xEF, 0xBB, 0xBF]) + page(charsetTag: "", body: Array("Zürich".utf8))
    XCTAssertEqual(ArticleLoader.format(of: bom, name: "-"), .html)
    XCTAssertTrue(try ArticleLoader.document(from: bom, name: "-").text.hasPrefix("Zürich"))
    // UTF-16LE with a BOM wins over a wrong meta charset
    let s = String(decoding: page(charsetTag: "<meta charset=\"iso-8859-1\">", body: Array("Zürich".utf8)), as: UTF8.self)
    var u16 = Data([0xFF, 0xFE])
    for unit in s.utf16 { u16.append(UInt8(unit & 0xFF)); u16.append(UInt8(unit >> 8)) }
    XCTAssertEqual(ArticleLoader.format(of: u16, name: "-"), .html)
    XCTAssertTrue(try ArticleLoader.document(from: u16, name: "-").text.hasPrefix("Zürich"))
  }

  func testXMLDeclarationEncodingOfAFeed() throws {
    var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Caf".utf8)
    data.append(0xE9)
    data.append(contentsOf: Array("</title><description>Plain words.</description></item></channel></rss>".utf8))
    let docs = try ArticleLoader.documents(from: data, name: "f.xml")
    XCTAssertEqual(docs.map(\.title), ["Café"])
  }

  // MARK: Hostile input

  static let billionLaughs: String = {
    var s = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n"
    for i in 1...9 {
      s += " <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
    }
    s += " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;\n]>\n"
    s += "<rss version=\"2.0\"><channel><title>Laughs</title>"
    s += "<item><title>One &lol9;</title><description>Body &lol9; and &xxe; end.</description></item>"
    s += "<item><title>Two</title><description>&lt;p&gt;Escaped &amp;lt;b&amp;gt; markup &amp;nbsp;&lt;/p&gt;</description></item>"
    s += "</channel></rss>"
    return s
  }()

  func testBillionLaughsAndExternalEntitiesInAFeed() throws {
    let t0 = Date()
    let docs = try ArticleLoader.documents(from: Data(Self.billionLaughs.utf8), name: "laughs.xml")
    XCTAssertLessThan(Date().timeIntervalSince(t0), 2, "no expansion")
    XCTAssertEqual(docs.count, 2, "both items are read")
    for d in docs {
      XCTAssertFalse(d.text.contains("lollol"), "entities are never expanded")
      XCTAssertFalse(d.text.contains("root:"), "no external entity is loaded")
    }
    XCTAssertTrue(docs[1].text.contains("Escaped"), docs[1].text)
  }

  func testExternalEntityInAPage() throws {
    let html = "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><html><body><p>Before &xxe; after, with words enough to be a paragraph of the article.</p><iframe src=\"file:///etc/passwd\"></iframe></body></html>"
    let doc = try ArticleLoader.document(from: Data(html.utf8), name: "x.html")
    XCTAssertFalse(doc.text.contains("root:"))
  }

  func testDeepNesting() throws {
    let depth = 100_000
    let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text, at the bottom of the page, with enough words.</p>"
      + String(repeating: "</div>", count: depth) + "</body></html>"
    _ = try ArticleLoader.document(from: Data(html.utf8), name: "deep.html")
    let xml = "<?xml version=\"1.0\"?><rss><channel><item><title>x</title><description>" + String(repeating: "<a>", count: depth)
      + String(repeating: "</a>", count: depth) + "</description></item></channel></rss>"
    _ = try? ArticleLoader.documents(from: Data(xml.utf8), name: "deep.xml")
    let inline = "<html><body><p>" + String(repeating: "<b>", count: depth) + "bold" + "</p></body></html>"
    _ = try ArticleLoader.document(from: Data(inline.utf8), name: "b.html")
  }

  func testHugeAttributeAndManyAttributes() throws {
    let big = String(repeating: "x", count: 5 << 20)
    let html = "<html><body><div class=\"\(big)\" id=\"\(big)\" data-a=\"1\" data-b=\"2\"><p>Text of the page, long enough to be read as its article body.</p></div></body></html>"
    let doc = try ArticleLoader.document(from: Data(html.utf8), name: "attr.html")
    XCTAssertTrue(doc.text.contains("Text of the page"))
  }

  // MARK: Feeds

  func testRSS2WithContentEncoded() throws {
    let rss = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Valley News</title><link>https://valley.example/</link>
      <item><title>Mill reopens</title><link>https://valley.example/mill</link>
        <pubDate>Tue, 05 Jan 2021 09:00:00 +0000</pubDate><dc:creator>Sam Hill</dc:creator>
        <description>Short summary.</description>
        <content:encoded><![CDATA[<p>The mill reopened on Monday &nbsp;with forty workers.</p><h2>Orders</h2><p>Orders came from three countries.</p><script>bad()</script>]]></content:encoded>
      </item>
      <item><title>Road closed</title><description>The road is closed until Friday &amp; the detour is signed.</description></item>
      </channel></rss>
      """
    let docs = try ArticleLoader.documents(from: Data(rss.utf8), name: "valley.rss")
    XCTAssertEqual(docs.count, 2)
    XCTAssertEqual(docs[0].title, "Mill reopens")
    XCTAssertEqual(docs[0].metadata?.published, "2021-01-05")
    XCTAssertEqual(docs[0].metadata?.authors, ["Sam Hill"])
    XCTAssertEqual(docs[0].metadata?.canonicalURL, "https://valley.example/mill")
    XCTAssertEqual(docs[0].paragraphs.map(\.kind), [.title, .body, .heading, .body])
    XCTAssertFalse(docs[0].text.contains("bad()"))
    XCTAssertTrue(docs[1].text.contains("closed until Friday & the detour"))
    XCTAssertEqual(Analysis(document: docs[0]).documentDate?.source, .metadata)
    XCTAssertEqual(docs[1].name, "valley.rss#2")
    // the feed as one document lists its items
    let listing = try ArticleLoader.document(from: Data(rss.utf8), name: "valley.rss")
    XCTAssertEqual(listing.title, "Valley News")
    XCTAssertEqual(listing.paragraphs.filter { $0.kind == .heading }.map { listing.string($0.span) }, ["Mill reopens", "Road closed"])
  }

  func testRSS1AndAtom() throws {
    let rdf = """
      <?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
      <item rdf:about="https://r.example/1"><title>First</title><link>https://r.example/1</link><dc:date>2020-02-03T10:00:00Z</dc:date><description>One.</description></item>
      <item rdf:about="https://r.example/2"><title>Second</title><link>https://r.example/2</link><description>Two.</description></item>
      </rdf:RDF>
      """
    let r = try ArticleLoader.documents(from: Data(rdf.utf8), name: "r.rdf")
    XCTAssertEqual(r.map(\.title), ["First", "Second"])
    XCTAssertEqual(r[0].metadata?.published, "2020-02-03")
    let atom = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://a.example/"/>
      <entry><title>Xhtml entry</title><link rel="alternate" href="https://a.example/x"/><published>2022-09-01T12:00:00+02:00</published>
        <author><name>Kim Lee</name></author>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First para.</p><p>Second para.</p></div></content></entry>
      <entry><title type="html">Html &amp;amp; entry</title><updated>2022-09-02T00:00:00Z</updated>
        <content type="html">&lt;p&gt;Escaped para.&lt;/p&gt;</content></entry>
      <entry><title>Text entry</title><summary>Just a summary.</summary></entry>
      </feed>
      """
    let a = try ArticleLoader.documents(from: Data(atom.utf8), name: "a.atom")
    XCTAssertEqual(a.count, 3)
    XCTAssertEqual(a[0].metadata?.authors, ["Kim Lee"])
    XCTAssertEqual(a[0].metadata?.published, "2022-09-01")
    XCTAssertEqual(a[0].paragraphs.filter { $0.kind == .body }.map { a[0].string($0.span) }, ["First para.", "Second para."])
    XCTAssertEqual(a[1].metadata?.published, "2022-09-02")
    XCTAssertTrue(a[1].text.contains("Escaped para."))
    XCTAssertTrue(a[2].text.contains("Just a summary."))
  }

  // MARK: Wire copy and books

  func testWireCopyIndentedParagraphs() {
    let text = """
      Bank merger approved

          NEW YORK, March 3 - The Federal Reserve approved the merger of two
      regional banks on Tuesday, the largest such deal this year in the U.S.
          Concerning banking acquisitions, the board said it would look at
      each case on its merits.
          Shares of both banks rose in early trading.
      """
    let doc = Document(text: text)
    let body = doc.paragraphs.filter { $0.kind == .body }
    XCTAssertEqual(body.count, 3, doc.paragraphs.map { doc.string($0.span) }.joined(separator: " | "))
    XCTAssertTrue(doc.sentences.contains { doc.string($0.span).hasPrefix("Concerning banking acquisitions") })
    // a block indented all alike is one paragraph, as before
    let even = Document(text: "Title line here\n\n  one line of text that wraps\n  onto a second line of text.\n")
    XCTAssertEqual(even.paragraphs.filter { $0.kind == .body }.count, 1)
  }

  static let gutenberg = """
    The Project Gutenberg eBook of A Small Book, by Some One

    This eBook is for the use of anyone anywhere in the United States.

    Title: A Small Book

    Release Date: April, 2001 [eBook #99999]
    [Most recently updated: June 14, 2022]

    *** START OF THE PROJECT GUTENBERG EBOOK A SMALL BOOK ***

    CHAPTER I

    It was four years ago that the ship left the harbour, in the spring.

    *** END OF THE PROJECT GUTENBERG EBOOK A SMALL BOOK ***

    Updated editions will replace the previous one. Section 1. General Terms of Use, 2022.
    """

  func testGutenbergHeaderAndLicenceAreNotTheBook() {
    let doc = Document(text: Self.gutenberg)
    XCTAssertTrue(doc.text.hasPrefix("CHAPTER I"), doc.text)
    XCTAssertFalse(doc.text.contains("Gutenberg"))
    XCTAssertFalse(doc.text.contains("2022"))
    let a = Analysis(document: doc)
    XCTAssertNotEqual(a.documentDate?.value.prefix(4), "2022", "the licence is not a source of the date")
  }

  /// The tail of a book read on its own (the explorer's G before the whole is read) ends where
  /// the whole's text ends: before the end line, without the licence.
  func testTheTailOfABookEndsWhereTheBookDoes() {
    let whole = Document(text: Self.gutenberg)
    let tailText = String(Self.gutenberg[Self.gutenberg.range(of: "It was four")!.lowerBound...])
    let tail = Document(text: tailText)
    XCTAssertEqual(tail.text, "It was four years ago that the ship left the harbour, in the spring.")
    XCTAssertTrue(whole.text.hasSuffix(tail.text), "a tail's offsets align with the whole's end")
    // a text that only quotes an end line before its start line keeps the start line's rule
    let quoted = "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\n" + Self.gutenberg
    XCTAssertEqual(Document(text: quoted).text, whole.text)
  }

  func testWarAndPeaceSkipsItsHeaderAndLicence() throws {
    let path = try SharedData.path("data/big/war-and-peace.txt")
    let doc = try ArticleLoader.load(path: path)
    XCTAssertFalse(doc.text.contains("Project Gutenberg"))
    XCTAssertFalse(doc.text.contains("Release Date"))
    XCTAssertTrue(doc.text.contains("Well, Prince, so Genoa and Lucca"))
  }

  // MARK: The shared benchmark

  /// The floor reached on the 91 pages (F1 0.968 when this was written; trafilatura 0.962).
  func testEvalExtractOnTheSharedSet() throws {
    let dir = try SharedData.path("data/html/article-extraction/html")
    let gold = try SharedData.path("data/html/article-extraction/ground-truth.json")
    let result = try ExtractionBenchmark.run(dir: dir, goldPath: gold)
    XCTAssertEqual(result.pages.count, 91)
    XCTAssertGreaterThanOrEqual(result.summary.f1, 0.96, "F1 \(result.summary.f1)")
    // publication dates, against the dates written from the pages themselves
    let fixture = Bundle.module.url(forResource: "Fixtures/web/article-extraction-dates", withExtension: "json")!
    let dates = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as! [String: Any]
    var stated = 0
    var right = 0
    for p in result.pages {
      guard let expected = dates[p.id] as? String else { continue }
      stated += 1
      if p.published == expected { right += 1 }
    }
    XCTAssertGreaterThanOrEqual(Double(right) / Double(stated), 0.8, "\(right) of \(stated) dates right")
  }
}
