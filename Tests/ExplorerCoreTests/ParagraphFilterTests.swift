import ArticleModel
import XCTest

@testable import ExplorerCore

/// Issue 16: `&pattern` shows only the paragraphs that match (less's filter); `&` and Enter
/// alone shows them all; search and mention jumps stay inside; wrapping and resizes keep it.
final class ParagraphFilterTests: XCTestCase {
  func press(_ s: inout ExplorerState, _ text: String) {
    for c in text {
      s.handle(.key(c == "\n" ? .enter : c == "\u{1B}" ? .escape : .char(c)))
    }
  }

  /// The paragraphs (by index) whose text contains a word.
  func paragraphs(with word: String, _ doc: Document) -> [Int] {
    doc.paragraphs.indices.filter { doc.string(doc.paragraphs[$0].span).contains(word) }
  }

  /// Every article line on screen: the text of the article pane's rows.
  func articleText(_ s: ExplorerState) -> String {
    let r = s.paneLayout.content(.article)!
    let screen = s.screen
    return (r.y..<r.maxY).map { y in (r.x..<r.maxX).map { screen[$0, y].text }.joined() }
      .joined(separator: "\n")
  }

  func testAmpersandShowsOnlyTheMatchingParagraphsAndEmptyShowsAll() {
    var s = SeedFixture.state(SeedFixture.realAnalysis)
    let doc = s.analysis.document
    let withChina = paragraphs(with: "China", doc)
    XCTAssertGreaterThan(withChina.count, 1)
    XCTAssertLessThan(withChina.count, doc.paragraphs.count)
    press(&s, "&China\n")
    XCTAssertEqual(s.paragraphFilter?.paragraphs, withChina)
    XCTAssertEqual(s.layout.shown, withChina)
    // every paragraph on screen has the word; the first paragraph (no China) is gone
    XCTAssertFalse(articleText(s).contains("Foreign Minister"), articleText(s))
    XCTAssertTrue(articleText(s).contains("China"))
    let total = doc.paragraphs.count
    XCTAssertTrue(s.screen.line(1).contains("&China \(withChina.count)/\(total)"), s.screen.line(1))
    XCTAssertTrue(s.statusLine.contains("&China: \(withChina.count) of \(total) paragraphs"), s.statusLine)
    s.press(.char("j"))  // the message goes: the status line still says the filter is on
    XCTAssertTrue(s.statusLine.contains("&China: \(withChina.count) of \(total) paragraphs shown"), s.statusLine)
    // a pattern with no match keeps what is shown
    press(&s, "&zzzqqq\n")
    XCTAssertEqual(s.paragraphFilter?.paragraphs, withChina)
    XCTAssertTrue(s.message?.contains("Pattern not found") == true)
    // & and Enter alone: every paragraph again
    press(&s, "&\n")
    XCTAssertNil(s.paragraphFilter)
    XCTAssertNil(s.layout.shown)
    s.press(.char("g"))
    XCTAssertTrue(articleText(s).contains("Foreign Minister"))
  }

  func testSearchAndMentionJumpsStayInsideTheFilter() {
    var s = SeedFixture.state(SeedFixture.realAnalysis)
    let doc = s.analysis.document
    press(&s, "&China\n")
    let shown = Set(s.paragraphFilter!.paragraphs)
    func paragraph(_ offset: Int) -> Int {
      doc.paragraphs.firstIndex { $0.span.start <= offset && offset < $0.span.end }!
    }
    // every Pyongyang in the paragraphs shown, and only those
    let all = SeedFixture.spans(of: "Pyongyang", in: doc)
    let inside = all.filter { shown.contains(paragraph($0.start)) }
    XCTAssertGreaterThan(all.count, inside.count)
    XCTAssertGreaterThan(inside.count, 1)
    press(&s, "/Pyongyang\n")
    XCTAssertEqual(s.search?.matches.count, inside.count)
    for _ in 0..<(inside.count + 1) {
      s.press(.char("n"))
      XCTAssertTrue(shown.contains(paragraph(s.readingAt!)))
    }
    // ] walks the mentions of the paragraphs shown only
    var seen = Set<Int>()
    for _ in 0..<60 {
      s.press(.char("]"))
      let at = s.readingAt!
      XCTAssertTrue(shown.contains(paragraph(at)), "] went to a hidden paragraph")
      seen.insert(at)
    }
    let mentionsInside = s.mentions.filter { shown.contains(paragraph($0.span.start)) }
    XCTAssertEqual(seen.count, Set(mentionsInside.map(\.span.start)).count)
    // * # too
    s.press(.char("*"))
    XCTAssertTrue(shown.contains(paragraph(s.readingAt!)))
    // clearing the filter brings the other matches back
    press(&s, "&\n")
    XCTAssertEqual(s.search?.matches.count, all.count)
  }

  func testWrappingAndResizesKeepTheFilter() {
    var app = App(paths: [SeedFixture.seedPath], size: Size(width: 120, height: 40))
    _ = app.update(.loaded(file: 0, document: SeedFixture.document, part: nil))
    for c in "&Russia" { _ = app.update(.input(.key(.char(c)))) }
    _ = app.update(.input(.key(.enter)))
    let shown = app.view!.paragraphFilter!.paragraphs
    for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      _ = app.update(.input(.resize(size)))
      let v = app.view!
      XCTAssertEqual(v.layout.shown, shown, "\(size)")
      XCTAssertEqual(v.layout.width, PaneLayout.articleTextWidth(for: size))
      // every line drawn is from a paragraph shown, down to the end
      var pos = v.top
      var lines = 0
      while true {
        if let r = v.layout.range(at: pos), !r.isEmpty {
          XCTAssertTrue(v.layout.shows(r.lowerBound), "\(size)")
        }
        let next = v.layout.advance(pos, by: 1)
        if next == pos { break }
        pos = next
        lines += 1
      }
      XCTAssertGreaterThan(lines, 0)
      // the header says the filter is on, wide or narrow (40 columns have no room)
      XCTAssertTrue(app.render().line(1).contains("&Russia") || size.width < 60, "\(size): \(app.render().line(1))")
    }
    // G then the top: the filter's first paragraph starts the view
    _ = app.update(.input(.key(.char("G"))))
    _ = app.update(.input(.key(.char("g"))))
    XCTAssertEqual(app.view!.layout.startOffset(app.view!.top), SeedFixture.document.paragraphs[shown[0]].span.start)
  }
}
