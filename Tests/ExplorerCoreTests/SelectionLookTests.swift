import ArticleModel
import XCTest

@testable import ExplorerCore

/// Issue 16: one selection look in every list (the row lit in the theme's selection style, ▸
/// before it), and the current mention or match marked in the article's margin; readable
/// without colour.
final class SelectionLookTests: XCTestCase {
  /// The row of the screen whose text contains `text`, in the columns of a rectangle.
  func row(_ screen: ScreenBuffer, containing text: String, from x0: Int) -> Int? {
    (0..<screen.height).first { y in
      (x0..<screen.width).map { screen[$0, y].text }.joined().contains(text)
    }
  }

  func testEveryListShowsItsSelectionTheSameWay() {
    for mode in [ColorMode.extended, .none] {
      var s = SeedFixture.state(color: mode)
      let theme = s.theme
      let pl = s.paneLayout
      let entities = pl.panes[.entities]!
      let timeline = pl.panes[.timeline]!
      // Entities focused: its selected row lit with ▸, the Timeline's selection (none) not
      s.press(.tab)
      var screen = s.screen
      let ey = row(screen, containing: "▸ Ri Su Yong", from: entities.x)!
      XCTAssertEqual(screen[entities.x + 2, ey].style, theme.selection, "\(mode)")
      XCTAssertEqual(screen[entities.maxX - 1, ey].style, theme.selection, "\(mode): the whole row")
      // Timeline focused: the same look
      s.press(.tab, .char("j"))
      screen = s.screen
      let ty = (timeline.y + 1..<timeline.maxY).first { screen[timeline.x, $0].text == "▸" }
      XCTAssertNotNil(ty, "\(mode): the Timeline marks its selection with ▸")
      if let ty {
        XCTAssertEqual(screen[timeline.x, ty].style, theme.selection, "\(mode)")
        XCTAssertEqual(screen[timeline.maxX - 2, ty].style, theme.selection, "\(mode): the whole row")
      }
      // the Entities selection, now unfocused, keeps its ▸ and takes the unfocused look
      XCTAssertEqual(screen[entities.x + 2, ey].style, theme.unfocusedSelection, "\(mode)")
      XCTAssertEqual(screen[entities.x + 1, ey].text, "▸")
      // the Library's rows: the same style and mark
      var lib = LibraryState(paths: ["/a/one.txt", "/a/two.txt"], size: s.size, colorMode: mode)
      lib.take(LibrarySnapshot(articles: [
        LibraryArticle(file: 0, title: "One", date: "2014-01-01"),
        LibraryArticle(file: 1, title: "Two", date: "2014-01-02"),
      ]))
      let libScreen = LibraryView.render(lib)
      let ly = (0..<libScreen.height).first { libScreen[0, $0].text == "▸" && libScreen.line($0).contains("20") }!
      XCTAssertEqual(libScreen[0, ly].style, theme.selection, "\(mode)")
    }
  }

  /// After `]` the article's margin shows ▸ on the mention's line, and without colour the
  /// mention under the cursor still looks unlike the other mentions of its entity.
  func testTheCurrentMentionIsMarkedInTheMargin() {
    for mode in [ColorMode.extended, .none] {
      var s = SeedFixture.state(color: mode)
      s.press(.char("]"), .char("]"))
      let c = s.mentions[s.mentionCursor!]
      let article = s.paneLayout.panes[.article]!
      let screen = s.screen
      let pos = s.layout.position(of: c.span.start)
      let y = article.y + 1 + s.layout.distance(from: s.top, to: pos, limit: 100)
      XCTAssertEqual(screen[article.x, y].text, "▸", "\(mode): \(screen.line(y))")
      let marks = (article.y + 1..<article.maxY).filter { screen[article.x, $0].text == "▸" }
      XCTAssertEqual(marks, [y], "\(mode): one mark")
      XCTAssertNotEqual(s.theme.mentionCursor, s.theme.selectedMention, "\(mode)")
      // Esc: nothing is marked
      s.press(.escape)
      let after = s.screen
      XCTAssertFalse((article.y + 1..<article.maxY).contains { after[article.x, $0].text == "▸" })
    }
  }
}
