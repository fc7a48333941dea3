import Foundation
import XCTest

@testable import WebArticle

@testable import ArticleModel

/// Web pages: finding the article among boilerplate, its structure and metadata, and the loader.
/// Every page here is made up for the test.
final class WebPageTests: XCTestCase {
  static let article = """
    <!DOCTYPE html>
    <html lang="en"><head>
    <meta charset="utf-8">
    <title>Harbour bridge reopens after repairs | The Coastal Courier</title>
    <meta property="og:site_name" content="The Coastal Courier">
    <meta property="og:title" content="Harbour bridge reopens after repairs">
    <link rel="canonical" href="https://courier.example/news/harbour-bridge">
    <script type="application/ld+json">
    {"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens after two years of repairs",
     "datePublished":"2021-03-04T18:30:00-08:00","author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Reed"}],
     "publisher":{"@type":"Organization","name":"Coastal Courier Media"}}
    </script>
    <style>body { color: red } .x::after { content: "STYLE TEXT" }</style>
    <script>var tracking = "SCRIPT TEXT"; document.write("<p>written</p>");</script>
    </head><body>
    <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
    <header class="site-header"><a href="/">Coastal Courier</a>
      <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
    </header>
    <main>
    <article class="story">
      <h1>Harbour bridge reopens after two years of repairs</h1>
      <div class="byline">By Ana Lima and Tom Reed · <time datetime="2021-03-04">March 4, 2021</time></div>
      <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
      <figure><img src="bridge.jpg" alt=""><figcaption>The bridge at dawn. Photo: Courier staff</figcaption></figure>
      <div class="story-body">
        <p>The harbour bridge reopened to traffic on Thursday morning, two years after engineers closed it because of corroded cables, and drivers queued from before dawn to be among the first across.</p>
        <p>City officials said the repairs cost 48 million dollars, about a third more than planned, because the steel had to be replaced along the whole northern span rather than in the few sections first inspected.</p>
        <h2>What changed</h2>
        <p>The new deck is wider, with a protected cycle lane on each side, and the speed limit has been lowered to 40 kilometres an hour, a change residents of the old town had asked for since the bridge first opened.</p>
        <ul>
          <li>Two lanes of traffic in each direction, as before.</li>
          <li>A cycle lane and a footpath on each side of the deck.</li>
        </ul>
        <blockquote>It feels like getting part of the city back, said Maria Costa, who runs a bakery at the northern end.</blockquote>
        <p>Buses will return to their old routes from Monday, the transport authority said, and the temporary ferry service will run until the end of the month.</p>
      </div>
      <div class="related-articles"><h3>Related</h3>
        <ul><li><a href="/a">Ferry service extended for another month</a></li><li><a href="/b">Council approves bridge budget rise</a></li></ul>
      </div>
    </article>
    </main>
    <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Storm warning for the weekend</a></li><li><a href="/d">School closures announced</a></li></ol></aside>
    <section id="comments" class="comments"><h3>Comments</h3><p>First! This bridge took forever, and the cost is outrageous, frankly, for a few cables.</p></section>
    <footer class="site-footer"><p>© 2021 The Coastal Courier. All rights reserved. Contact us, terms of use, privacy policy.</p></footer>
    </body></html>
    """

  func extract(_ html: String) -> WebArticle {
    ArticleLoader.webArticle(from: Data(html.utf8))
  }

  func testArticleFoundAmongBoilerplate() {
    let a = extract(Self.article)
    let body = a.bodyText
    XCTAssertTrue(body.hasPrefix("The harbour bridge reopened"), body)
    XCTAssertTrue(body.contains("temporary ferry service will run"))
    for junk in [
      "cookies", "Sport", "Share on", "Photo: Courier", "Ferry service extended", "Most read", "Storm warning",
      "First! This bridge", "All rights reserved", "SCRIPT TEXT", "STYLE TEXT", "written", "By Ana Lima",
    ] {
      XCTAssertFalse(body.contains(junk), "\(junk) should not be in the body:\n\(body)")
    }
    // structure kept: the heading, the list items and the quotation are their own blocks
    XCTAssertEqual(a.blocks.filter { $0.kind == .heading }.map(\.text), ["What changed"])
    XCTAssertEqual(a.blocks.filter { $0.kind == .listItem }.count, 2)
    XCTAssertEqual(a.blocks.filter { $0.kind == .quote }.count, 1)
    XCTAssertEqual(a.blocks.filter { $0.kind == .paragraph }.count, 4)
    // the headline is not part of the body
    XCTAssertFalse(body.contains("Harbour bridge reopens"))
  }

  func testMetadataFromJSONLD() {
    let m = extract(Self.article).metadata
    XCTAssertEqual(m.headline, "Harbour bridge reopens after two years of repairs")
    XCTAssertEqual(m.published, "2021-03-04")  // the page's own calendar day, not UTC's
    XCTAssertEqual(m.publishedFrom, "json-ld")
    XCTAssertEqual(m.authors, ["Ana Lima", "Tom Reed"])
    XCTAssertEqual(m.siteName, "The Coastal Courier")
    XCTAssertEqual(m.canonicalURL, "https://courier.example/news/harbour-bridge")
  }

  func testMetadataFallbacks() {
    let meta = """
      <html><head><title>Tide tables | Site</title>
      <meta property="article:published_time" content="2020-07-09T08:00:00+02:00">
      <meta name="author" content="Jo Park"></head>
      <body><h1>Tide tables change</h1><p>\(String(repeating: "The tide tables for the summer were printed, checked and corrected. ", count: 10))</p></body></html>
      """
    let a = extract(meta)
    XCTAssertEqual(a.metadata.published, "2020-07-09")
    XCTAssertEqual(a.metadata.publishedFrom, "meta")
    XCTAssertEqual(a.metadata.authors, ["Jo Park"])
    XCTAssertEqual(a.metadata.headline, "Tide tables | Site")  // the title when nothing better
    let timeOnly = "<html><body><h1>Fair opens</h1><p>Posted <time datetime=\"2019-05-02T10:00\">May 2</time></p><p>\(String(repeating: "The fair opened, with rides, stalls and music, on a sunny day. ", count: 10))</p></body></html>"
    XCTAssertEqual(extract(timeOnly).metadata.published, "2019-05-02")
    XCTAssertEqual(extract(timeOnly).metadata.headline, "Fair opens")  // the h1
    let urlOnly = "<html><head><link rel=\"canonical\" href=\"https://x.example/2018/06/30/story\"></head><body><p>Text, text and text.</p></body></html>"
    XCTAssertEqual(extract(urlOnly).metadata.published, "2018-06-30")
    XCTAssertEqual(extract(urlOnly).metadata.publishedFrom, "url")
  }

  func testDateFormats() {
    XCTAssertEqual(DateParsing.isoDate("2019-11-20T04:31:13-06:00"), "2019-11-20")
    XCTAssertEqual(DateParsing.isoDate("Wed, 20 Nov 2019 10:00:00 GMT"), "2019-11-20")
    XCTAssertEqual(DateParsing.isoDate("November 20, 2019"), "2019-11-20")
    XCTAssertEqual(DateParsing.isoDate("01:38:07 PM IST Nov 20, 2019"), "2019-11-20")
    XCTAssertEqual(DateParsing.isoDate("20191120"), "2019-11-20")
    XCTAssertNil(DateParsing.isoDate("0001-01-01T00:00:00Z"))
    XCTAssertNil(DateParsing.isoDate("yesterday"))
    // days the month does not have are no date (make fuzz-web's first find)
    XCTAssertNil(DateParsing.isoDate("2019-02-31T10:00:00Z"))
    XCTAssertNil(DateParsing.isoDate("2019-02-29"))
    XCTAssertEqual(DateParsing.isoDate("2020-02-29"), "2020-02-29")
    XCTAssertNil(DateParsing.isoDate("April 31, 2019"))
    XCTAssertEqual(DateParsing.isoDate("April 30, 2019"), "2019-04-30")
    XCTAssertNil(DateParsing.dateInURL("https://a.example/2019/06/31/story"))
    XCTAssertEqual(DateParsing.dateInURL("https://a.example/2019/nov/18/story"), "2019-11-18")
    XCTAssertEqual(DateParsing.dateInURL("https://a.example/story/2019-11-19/title"), "2019-11-19")
    XCTAssertNil(DateParsing.dateInURL("https://a.example/2019/11/story"))
  }

  func testLoaderMakesAPageADocument() throws {
    let doc = try ArticleLoader.document(from: Data(Self.article.utf8), name: "saved")
    XCTAssertEqual(doc.title, "Harbour bridge reopens after two years of repairs")
    XCTAssertEqual(doc.paragraphs.first?.kind, .title)
    XCTAssertEqual(doc.metadata?.format, "html")
    XCTAssertTrue(doc.paragraphs.contains { $0.kind == .heading && doc.string($0.span) == "What changed" })
    XCTAssertFalse(doc.text.contains("<"))
    let a = Analysis(document: doc)
    XCTAssertEqual(a.documentDate?.value, "2021-03-04")
    XCTAssertEqual(a.documentDate?.source, .metadata)
    XCTAssertEqual(a.documentDate?.evidence.count, 1)
    XCTAssertTrue(a.documentDate?.evidence.first?.hasPrefix("published (") ?? false, "\(String(describing: a.documentDate))")
    // "Thursday" resolves against the page's date
    XCTAssertTrue(a.timeExpressions.contains { doc.string($0.span).hasPrefix("Thursday") && $0.value.hasPrefix("2021-03-04") },
      "\(a.timeExpressions.map { ($0.value, doc.string($0.span)) })")
    // a date given on the command line still wins
    XCTAssertEqual(Analysis(document: doc, date: "2021-05-05").documentDate?.source, .given)
    let json = Report.json(a)
    XCTAssertTrue(json.contains("\"metadata\":{\"format\":\"html\",\"headline\":\"Harbour bridge reopens after two years of repairs\""))
    XCTAssertTrue(json.contains("\"authors\":[\"Ana Lima\",\"Tom Reed\"]"))
  }

  func testFormatDetection() {
    func format(_ s: String, _ name: String = "-") -> InputFormat { ArticleLoader.format(of: Data(s.utf8), name: name) }
    XCTAssertEqual(format("<!doctype html><p>x"), .html)
    XCTAssertEqual(format("\n  <html><body>x</body></html>"), .html)
    XCTAssertEqual(format("<!-- saved --><html>"), .html)
    XCTAssertEqual(format("Plain words about <html> tags.", "a.txt"), .text)
    XCTAssertEqual(format("<3 for the team, said the fans.", "a.txt"), .text)
    XCTAssertEqual(format("just text", "page.html"), .html)
    XCTAssertEqual(format("<?xml version=\"1.0\"?><rss version=\"2.0\">"), .feed)
    XCTAssertEqual(format("<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY a \"b\"> ]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"), .feed)
    XCTAssertEqual(format("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"), .feed)
    XCTAssertEqual(format("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"), .html)
  }

  func testScriptStyleAndControlCharactersNeverReachTheText() throws {
    let page = "<html><body><p>Safe \u{1B}[31mred\u{1B}[0m text \u{9B}2J and \u{202E}reversed, with enough words to be the article of this page.</p><script>alert('x')</script><style>p{}</style><noscript>Enable JS</noscript><p style=\"display:none\">Hidden words</p></body></html>"
    let doc = try ArticleLoader.document(from: Data(page.utf8), name: "p.html")
    for s in doc.scalars {
      XCTAssertNil(TextDecoding.placeholder(for: s), "unsafe scalar U+\(String(s.value, radix: 16))")
    }
    XCTAssertFalse(doc.text.contains("alert"))
    XCTAssertFalse(doc.text.contains("Enable JS"))
    XCTAssertFalse(doc.text.contains("Hidden words"))
    XCTAssertTrue(doc.text.contains("red"))
  }

  func testBylineAndDateLinesAtTheTopAreNotTheArticle() {
    func line(_ s: String) -> Bool { PageModel.isBylineOrDateLine(s, chars: s.count) }
    XCTAssertTrue(line("By DANICA KIRKA and JILL LAWLESS"))
    XCTAssertTrue(line("Nov. 20, 2019 6:02 AM EST"))
    XCTAssertTrue(line("Updated November 20, 2019"))
    XCTAssertFalse(line("By Tuesday, the river had risen by two metres."))
    XCTAssertFalse(line("The vote was held on Nov. 20, 2019."))
    XCTAssertFalse(line("Nothing of the kind"))
    let page = "<html><body><article><p>By Ana Lima</p><p>March 4, 2021 10:00 AM</p><p>\(String(repeating: "The bridge reopened on Thursday, two years after it closed. ", count: 8))</p></article></body></html>"
    XCTAssertTrue(extract(page).bodyText.hasPrefix("The bridge reopened"), extract(page).bodyText)
  }

  func testEntitiesAndBrokenMarkup() {
    let page = "<html><body><div><p>Caf&eacute; &amp; bar &mdash; &#8220;open&#8221; late<p>Second <b>bold <i>para</b> unclosed, and the tags are broken in many ways here, sadly.</div></span></body>"
    let blocks = extract(page).blocks.map(\.text)
    XCTAssertEqual(blocks.first, "Café & bar — “open” late")
    XCTAssertTrue(blocks.contains { $0.hasPrefix("Second bold para unclosed") })
  }
}
