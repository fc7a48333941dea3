import Foundation
import XCTest

/// Web pages, feeds and `lede eval-extract` through the built binary. The pages are made up.
final class WebCLITests: XCTestCase {
  func run(_ args: [String], stdin: Data? = nil) throws -> Lede.Result { try Lede.run(args, stdin: stdin) }

  static let body = String(repeating: "The lighthouse keeper logged the storm, the ships and the tide, as every night. ", count: 6)
  static let page = """
    <!doctype html><html><head><title>Storm log | Shore Times</title>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm log","datePublished":"2020-01-15T20:00:00-05:00"}</script>
    </head><body><nav><a href="/">Home</a><a href="/x">Sections</a></nav>
    <article><h1>Storm log</h1><p>\(body)</p><p>It was Wednesday, the keeper wrote.</p></article>
    <footer>Copyright Shore Times</footer></body></html>
    """

  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-web-cli-\(getpid())-\(name.hashValue)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDown() { try? FileManager.default.removeItem(at: dir) }

  func testAPageThroughStdinShowsTheArticleNotThePage() throws {
    let r = try run(["-"], stdin: Data(Self.page.utf8))
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("Storm log\n\nThe lighthouse keeper"), r.stdout)
    XCTAssertFalse(r.stdout.contains("<"))
    XCTAssertFalse(r.stdout.contains("Copyright"))
    let j = try run(["dump", "-"], stdin: Data(Self.page.utf8))
    let json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
    XCTAssertEqual((json["documentDate"] as? [String: Any])?["value"] as? String, "2020-01-15")
    XCTAssertEqual((json["documentDate"] as? [String: Any])?["source"] as? String, "metadata")
    XCTAssertEqual((json["metadata"] as? [String: Any])?["headline"] as? String, "Storm log")
  }

  func testDumpOfAFeedWritesOneAnalysisPerItem() throws {
    let feed = """
      <?xml version="1.0"?><rss version="2.0"><channel><title>Shore</title>
      <item><title>One</title><description>First item text.</description></item>
      <item><title>Two</title><description>Second item text.</description></item>
      <item><title>Three</title><description>Third item text.</description></item>
      </channel></rss>
      """
    let path = dir.appendingPathComponent("shore.xml").path
    try Data(feed.utf8).write(to: URL(fileURLWithPath: path))
    let r = try run(["dump", path])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 3)
    let titles = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }.map { $0["title"] as? String }
    XCTAssertEqual(titles, ["One", "Two", "Three"])
    // the plain report lists the items
    let list = try run([path])
    XCTAssertTrue(list.stdout.hasPrefix("Shore\n\nOne\n"), list.stdout)
  }

  func testEvalExtractScoresAndWritesPredictions() throws {
    let pages = dir.appendingPathComponent("html")
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    try Data(Self.page.utf8).write(to: pages.appendingPathComponent("p1.html"))
    let gold = dir.appendingPathComponent("gold.json")
    let goldBody = Self.body + " It was Wednesday, the keeper wrote."
    try JSONSerialization.data(withJSONObject: ["p1": ["articleBody": goldBody, "url": "https://shore.example/2020/01/15/storm"]])
      .write(to: gold)
    let out = dir.appendingPathComponent("pred.json").path
    let r = try run(["eval-extract", pages.path, gold.path, "--predictions", out])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("F1 1.000"), r.stdout)
    let pred = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: [String: String]]
    XCTAssertTrue(pred["p1"]?["articleBody"]?.hasPrefix("The lighthouse keeper") ?? false)
    // a bad gold file: one line, exit 1, nothing written
    let bad = dir.appendingPathComponent("bad.json")
    try Data("[1,2".utf8).write(to: bad)
    let out2 = dir.appendingPathComponent("pred2.json").path
    let e = try run(["eval-extract", pages.path, bad.path, "--predictions", out2])
    XCTAssertEqual(e.status, 1)
    XCTAssertEqual(e.stderr, "lede: \(bad.path): not a gold file (not a JSON object)\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: out2))
  }
}
