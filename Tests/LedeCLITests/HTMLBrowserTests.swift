import Foundation
import XCTest

/// The HTML export in a real browser (issue 16): headless Chromium loads the page, and the DOM
/// after load must hold every entity mention and every timeline entry, while the page makes no
/// network request. Skipped, saying so, when no Chromium is on PATH (it is not in `make deps`:
/// a 100+ MB browser for one test).
final class HTMLBrowserTests: XCTestCase {
  static let chromium: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
      }
    }
    return nil
  }()

  var dir: URL!

  override func setUpWithError() throws {
    guard Self.chromium != nil else {
      print("SKIPPED HTMLBrowserTests: no chromium on PATH (apt-get install chromium to run them)")
      throw XCTSkip("no chromium on PATH")
    }
    dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lede-browser-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let dir { try? FileManager.default.removeItem(at: dir) }
  }

  /// Runs headless Chromium on a file with extra arguments; returns its stdout. Killed after
  /// 90 s. Its own background requests are turned off; the net log tells them apart anyway.
  func chromium(_ args: [String], page: URL) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.chromium!)
    p.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--user-data-dir=" + dir.appendingPathComponent("profile").path,
      ] + args + [page.absoluteString]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let timer = DispatchWorkItem { if p.isRunning { p.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    timer.cancel()
    return String(decoding: data, as: UTF8.self)
  }

  /// The URLs the page itself asked for (the net log's requests with an initiator that is an
  /// origin; Chromium's own requests have "not an origin").
  func pageRequests(_ netLog: URL) throws -> [String] {
    let data = try Data(contentsOf: netLog)
    guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let events = log["events"] as? [[String: Any]]
    else { throw XCTSkip("the net log could not be read") }
    var urls: Set<String> = []
    for e in events {
      guard let params = e["params"] as? [String: Any], let url = params["url"] as? String,
        let initiator = params["initiator"] as? String, initiator != "not an origin"
      else { continue }
      urls.insert(url)
    }
    return urls.sorted()
  }

  func count(_ needle: String, in s: Substring) -> Int {
    s.components(separatedBy: needle).count - 1
  }

  func testTheExportedPageLoadsWithItsEntitiesAndTimelineAndFetchesNothing() throws {
    let page = dir.appendingPathComponent("seed.html")
    let export = try Lede.run(["export", Lede.seed, "--format", "html", "-o", page.path])
    XCTAssertEqual(export.status, 0, export.stderr)
    let dump = try Lede.run(["dump", Lede.seed])
    let analysis = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    let entities = try XCTUnwrap(analysis["entities"] as? [[String: Any]])
    let mentions = entities.map { ($0["mentions"] as? [Any])?.count ?? 0 }.reduce(0, +)
    let timeline = try XCTUnwrap(analysis["timeline"] as? [[String: Any]])
    XCTAssertGreaterThan(mentions, 10)
    XCTAssertGreaterThan(timeline.count, 3)

    let netLog = dir.appendingPathComponent("net.json")
    let dom = try chromium(["--log-net-log=" + netLog.path, "--dump-dom"], page: page)
    // the DOM after load: the article with a span per mention, the timeline with an item per entry
    guard let a = dom.range(of: "<article"), let b = dom.range(of: "</article>"),
      let t = dom.range(of: "<h2>Timeline</h2>")
    else { return XCTFail("no article or timeline in the DOM:\n\(dom.prefix(2000))") }
    let article = dom[a.lowerBound..<b.upperBound]
    XCTAssertEqual(count("<span class=\"e t-", in: article), mentions, "a span per mention")
    XCTAssertTrue(article.contains("Ri Su Yong"))
    let timelineSection = dom[t.upperBound...].prefix { _ in true }
    let ol = timelineSection[..<(timelineSection.range(of: "</ol>")?.lowerBound ?? timelineSection.endIndex)]
    XCTAssertEqual(count("<li>", in: ol), timeline.count, "an item per timeline entry")
    for entry in timeline {
      let value = try XCTUnwrap(entry["value"] as? String)
      XCTAssertTrue(ol.contains("<code>\(value)</code>"), "the timeline lacks \(value)")
    }
    XCTAssertFalse(dom.contains("<script"), "no script")
    XCTAssertEqual(try pageRequests(netLog), [], "the page fetched something")

    // and the page is drawn: a screenshot of it
    let shot = dir.appendingPathComponent("shot.png")
    _ = try chromium(["--screenshot=" + shot.path, "--window-size=1200,900"], page: page)
    let png = try Data(contentsOf: shot)
    XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
    XCTAssertGreaterThan(png.count, 20_000, "more than a blank page")
  }

  /// The request check can fail: a page with an external image is caught.
  func testTheRequestCheckCatchesAnExternalResource() throws {
    let page = dir.appendingPathComponent("external.html")
    try Data(
      "<!doctype html><html><body><img src=\"http://example.invalid/x.png\"><p>x</p></body></html>".utf8
    ).write(to: page)
    let netLog = dir.appendingPathComponent("net.json")
    _ = try chromium(["--log-net-log=" + netLog.path, "--dump-dom"], page: page)
    XCTAssertEqual(try pageRequests(netLog), ["http://example.invalid/x.png"])
  }
}
