import Foundation
import XCTest

@testable import ArticleModel

/// What a folder named on the command line stands for (the explorer, `lede index`, dump, export).
final class FolderExpansionTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-folder-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func put(_ relative: String, _ text: String = "Some words.") throws {
    let url = dir.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func testAFolderStandsForItsArticlesPagesAndFeeds() throws {
    try put("a.txt")
    try put("b.text")
    try put("README.TXT")  // extensions in lower case only: a corpus's README.TXT is no article
    try put("c.html", "<html><body><p>A page.</p></body></html>")
    try put("d.htm", "<p>A page.</p>")
    try put("e.xhtml", "<html><body><p>A page.</p></body></html>")
    try put("news.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title></channel></rss>")
    try put("atom.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>")
    try put("settings.xml", "<?xml version=\"1.0\"?>\n<config><key>1</key></config>")
    try put("f.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>")
    try put("notes.md")
    try put("dates.tsv", "a.txt\t2001-02-03\n")
    try put(".hidden.txt")
    try put(".git/objects.txt")
    try put("sub/10.txt")
    try put("sub/2.txt")
    try put("sub/deeper/page.html", "<p>Deep.</p>")
    try put("folder.txt/inside.txt")
    let prefix = dir.path + "/"
    let got = try ArticleLoader.expand([dir.path]).map { String($0.dropFirst(prefix.count)) }
    XCTAssertEqual(
      got,
      [
        "a.txt", "atom.xml", "b.text", "c.html", "d.htm", "e.xhtml", "f.rss", "folder.txt/inside.txt", "news.xml",
        "sub/2.txt", "sub/10.txt", "sub/deeper/page.html",
      ])
    // a file named is kept as given, whatever its name
    XCTAssertEqual(try ArticleLoader.expand([prefix + "notes.md", "-"]), [prefix + "notes.md", "-"])
  }

  func testAFolderWithNothingToOpenIsRefused() throws {
    try put("notes.md")
    try put("settings.xml", "<config/>")
    try put(".hidden.txt")
    XCTAssertThrowsError(try ArticleLoader.expand([dir.path])) { error in
      XCTAssertEqual(error as? LoadError, .noArticles(dir.path))
      XCTAssertTrue("\(error)".contains("*.html"), "\(error)")
    }
  }
}
