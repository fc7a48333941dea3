import ArticleModel
import Dispatch
import Foundation
import XCTest

@testable import ExplorerCore

/// Issue 16: count prefixes as in less and vim (`5j`, `100G`, `50%`, `3n`, `3]`, `2 Tab`), the
/// pending count in the status line, Esc cancelling it.
final class CountTests: XCTestCase {
  /// A text of numbered hard-wrapped lines (as a Gutenberg book is), a blank line every ten.
  static let numbered: Document = {
    var text = ""
    var n = 1
    while n <= 440 {
      // the blank lines count, as less counts them
      text += n % 11 == 0 ? "\n" : "Line \(n) of the numbered text.\n"
      n += 1
    }
    return Document(name: "numbered.txt", scalars: Array(text.unicodeScalars))
  }()

  static func state(_ doc: Document = numbered, width: Int = 120, height: Int = 40) -> ExplorerState {
    ExplorerState(
      analysis: Analysis(
        document: doc, documentDate: nil, entities: [], timeExpressions: [], timeline: []),
      size: Size(width: width, height: height))
  }

  /// The article's first line on screen.
  static func firstLine(_ s: ExplorerState) -> String {
    let r = s.layout.range(at: s.top) ?? 0..<0
    return String(String.UnicodeScalarView(s.layout.scalars[r]))
  }

  func testFiveJScrollsFiveLines() {
    var s = SeedFixture.state()
    s.press(.char("5"), .char("j"))
    var t = SeedFixture.state()
    for _ in 0..<5 { t.press(.char("j")) }
    XCTAssertEqual(s.top, t.top)
    XCTAssertNotEqual(s.top, SeedFixture.state().top)
    s.press(.char("3"), .char("k"))
    t.press(.char("k"), .char("k"), .char("k"))
    XCTAssertEqual(s.top, t.top)
    XCTAssertNil(s.pendingCount)
  }

  func testTenSpaceScrollsTenLinesAsInLess() {
    var s = Self.state()
    s.press(.char("1"), .char("0"), .char(" "))
    XCTAssertEqual(s.top, s.layout.advance(.top, by: 10))
    s.press(.char(" "))
    XCTAssertEqual(s.top, s.layout.advance(s.layout.advance(.top, by: 10), by: s.page), "a page again without a count")
  }

  func testHundredGAndHundredGoToLineHundred() {
    for key in ["G", "g"] {
      var s = Self.state()
      s.type("100" + key)
      // the text's lines are reflowed: the top display line is the one that holds line 100
      XCTAssertTrue(Self.firstLine(s).contains("Line 100 of"), "100\(key): \(Self.firstLine(s))")
      XCTAssertTrue(Self.firstLine(s).hasPrefix("Line 100 of"), "100\(key): \(Self.firstLine(s))")
      // '' goes back where the jump came from
      s.press(.char("'"), .char("'"))
      XCTAssertEqual(s.top, .top)
    }
    var s = Self.state()
    s.type("1G")
    XCTAssertEqual(s.top, .top)
    s.type("G")
    XCTAssertEqual(s.top, s.layout.maxTop(height: s.textHeight), "G alone: the end")
  }

  func testFiftyPercentAndFiftyPGoHalfWay() {
    for key in ["%", "p"] {
      var s = Self.state()
      s.type("50" + key)
      let here = s.layout.startOffset(s.top)
      let total = s.layout.scalars.count
      // the display line that holds the middle (a line here is about 3 of the text's, reflowed)
      XCTAssertTrue(abs(here - total / 2) < 120, "50\(key): at \(here) of \(total)")
      XCTAssertTrue(s.screen.line(1).contains("49%") || s.screen.line(1).contains("50%"), s.screen.line(1))
      s.type("0" + key)
      XCTAssertEqual(s.top, .top)
      s.type("100" + key)
      XCTAssertEqual(s.top, s.layout.maxTop(height: s.textHeight))
    }
  }

  func testThreeNGoesToTheThirdNextMatch() {
    var s = SeedFixture.state()
    s.type("/Russia")
    s.press(.enter)
    let first = s.search!.current!
    var t = s
    s.type("3n")
    t.type("nnn")
    XCTAssertEqual(s.search!.current, t.search!.current)
    XCTAssertEqual(s.search!.current, (first + 3) % s.search!.matches.count)
    // backward with a count, wrapping round
    let n = s.search!.matches.count
    s.type("\(n)N")
    XCTAssertEqual(s.search!.current, t.search!.current, "N times round is where it was")
  }

  func testThreeBracketGoesToTheThirdMention() {
    var s = SeedFixture.state()
    s.type("3]")
    var t = SeedFixture.state()
    t.type("]]]")
    XCTAssertEqual(s.mentionCursor, t.mentionCursor)
    XCTAssertEqual(s.mentionCursor, 2)
    s.type("2[")
    XCTAssertEqual(s.mentionCursor, 0)
  }

  func testACountSelectsInALists() {
    var s = SeedFixture.state()
    s.press(.tab, .char("3"), .char("j"))
    XCTAssertEqual(s.selectedEntity, 3)
    s.type("5G")
    XCTAssertEqual(s.selectedEntity, 4, "5G in a list: the fifth item")
    s.type("100%")
    XCTAssertEqual(s.selectedEntity, s.entityOrder.count - 1)
  }

  func testNTabFocusesPaneN() {
    var s = SeedFixture.state()
    s.press(.char("2"), .tab)
    XCTAssertEqual(s.focus, .entities)
    s.press(.char("3"), .tab)
    XCTAssertEqual(s.focus, .timeline)
    s.press(.char("1"), .tab)
    XCTAssertEqual(s.focus, .article)
    s.press(.char("9"), .tab)
    XCTAssertEqual(s.focus, .article)
    XCTAssertEqual(s.message?.hasPrefix("No pane 9"), true, s.message ?? "")
    // a digit alone is a count, not a pane
    s.press(.char("2"))
    XCTAssertEqual(s.focus, .article)
  }

  func testThePendingCountIsShownAndEscCancelsIt() {
    var s = SeedFixture.state()
    s.press(.char("4"), .char("2"))
    XCTAssertEqual(s.pendingCount, 42)
    XCTAssertTrue(s.statusLine.hasPrefix(" 42 "), s.statusLine)
    s.press(.escape)
    XCTAssertNil(s.pendingCount)
    XCTAssertFalse(s.statusLine.hasPrefix(" 42"), s.statusLine)
    s.press(.char("j"))
    XCTAssertEqual(s.top, s.layout.advance(.top, by: 1), "j after Esc moves one line")
    // Esc with a count pending keeps the search highlighted
    s.type("/Russia")
    s.press(.enter)
    s.press(.char("7"), .escape)
    XCTAssertNotNil(s.search)
  }

  func testNextFileWithACount() throws {
    var s = SeedFixture.state()
    s.fileCount = 5
    XCTAssertEqual(s.handle(.key(.char("3"))), [])
    XCTAssertEqual(s.handle(.key(.char("}"))), [.openFile(offset: 3)])
    s.type("5")
    XCTAssertEqual(s.handle(.key(.char("}"))), [])
    XCTAssertNotNil(s.message)
  }

  /// On a long file shown from its head, `20001G` waits for the whole (the count with it) and
  /// then goes to line 20,001.
  func testACountOnAFileShownFromItsHeadWaitsForTheWhole() throws {
    let path = try LongFileSessionTests.longFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gate = DispatchSemaphore(value: 0)
    let script: [ScriptedTerminal.Step] =
      ScriptedTerminal.keys("20001G") + [.call { gate.signal() }, .settle]
    let (app, terminal, _) = AppSessionTests.session(
      [path], script, load: LongFileSessionTests.heldBack(gate))
    let waiting = terminal.frames(afterStep: 5)[0].line(39)
    XCTAssertTrue(waiting.contains("Reading the rest"), waiting)
    XCTAssertTrue(waiting.contains("2 0 0 0 1 G"), waiting)
    let v = try XCTUnwrap(app.view)
    XCTAssertNil(v.part)
    // line 1 the title, 2 blank, paragraph n on line 2n + 1
    XCTAssertTrue(Self.firstLine(v).hasPrefix("Paragraph 10000 of"), Self.firstLine(v))
  }
}

/// Issue 16: `)` and `(` go to the next and previous heading.
final class HeadingTests: XCTestCase {
  static let book = Document(
    name: "book.html", title: nil,
    blocks: [
      // a table of contents running into the first part's heading
      (.title, "A Book"), (.heading, "Contents"), (.heading, "Part One"), (.heading, "Part Two"),
      (.heading, "PART ONE"), (.heading, "CHAPTER I"), (.body, "It was a dark night."),
      (.body, "More of the first chapter."),
      (.heading, "CHAPTER II"), (.body, "The second chapter."),
      (.heading, "PART TWO"), (.heading, "CHAPTER I"), (.body, "The third chapter."),
    ] + (1...60).map { (.body, "Filler paragraph \($0) of the last chapter.") },
    metadata: nil)

  func headingAtTop(_ s: ExplorerState) -> String { CountTests.firstLine(s) }

  func testNextAndPreviousHeading() {
    var s = CountTests.state(Self.book, width: 100, height: 12)
    // the title and contents (a run of headings) are one stop: the first ) goes past them
    s.press(.char(")"))
    XCTAssertEqual(headingAtTop(s), "PART ONE")
    XCTAssertEqual(s.message?.hasSuffix("heading 2/6"), true, s.message ?? "")
    s.press(.char(")"))
    XCTAssertEqual(headingAtTop(s), "CHAPTER I")
    s.type("2)")
    XCTAssertEqual(headingAtTop(s), "PART TWO")
    s.press(.char("("))
    XCTAssertEqual(headingAtTop(s), "CHAPTER II")
    s.press(.char("j"), .char("("))
    XCTAssertEqual(headingAtTop(s), "CHAPTER II", "inside a chapter, ( goes to its heading")
    s.type("9(")
    XCTAssertEqual(s.message, "No previous heading")
    XCTAssertEqual(headingAtTop(s), "CHAPTER II")
    s.type("3)")
    XCTAssertEqual(s.message, "No next heading (2 below)")
    s.type("2)")
    XCTAssertEqual(headingAtTop(s), "CHAPTER I")
    XCTAssertEqual(s.message?.hasSuffix("heading 6/6"), true)
    s.press(.char(")"))
    XCTAssertEqual(s.message, "No next heading (0 below)")
    s.press(.char("'"), .char("'"))
    XCTAssertEqual(headingAtTop(s), "CHAPTER II", "'' goes back before the jump")
  }

  func testNoHeadings() {
    var s = CountTests.state()
    s.press(.char(")"))
    XCTAssertEqual(s.message, "No headings in this text")
    XCTAssertEqual(s.top, .top)
  }

  /// War and Peace: its contents is one stop, then BOOK ONE, then its chapters.
  func testWarAndPeaceChapters() throws {
    let path = SeedFixture.repositoryRoot.appendingPathComponent(
      "../shared/data/big/war-and-peace.txt").path
    guard FileManager.default.fileExists(atPath: path) else {
      print("SKIPPED testWarAndPeaceChapters: \(path) is absent")
      return
    }
    var s = CountTests.state(try ArticleLoader.load(path: path))
    s.press(.char(")"))
    XCTAssertEqual(headingAtTop(s), "BOOK ONE: 1805")
    s.press(.char(")"), .char(")"))
    XCTAssertEqual(headingAtTop(s), "CHAPTER II")
    s.press(.char(")"))
    XCTAssertEqual(headingAtTop(s), "CHAPTER III")
    // on to BOOK TWO (the structure also takes a poem's lines and two letters' signatures,
    // "JULIE" and "MARY", for headings: 4 stops more than the 28 chapters)
    var seen: [String] = []
    while seen.count < 40 && headingAtTop(s) != "BOOK TWO: 1805" {
      s.press(.char(")"))
      seen.append(headingAtTop(s))
    }
    XCTAssertEqual(seen.last, "BOOK TWO: 1805")
    XCTAssertEqual(seen.filter { $0.hasPrefix("CHAPTER ") }.count, 25, "\(seen)")
    XCTAssertTrue(s.layout.startOffset(s.top) > 10_000, "past the contents")
  }
}

/// `3/pattern`: the third match from the view, as less's N/.
final class CountedSearchTests: XCTestCase {
  func testThreeSlashGoesToTheThirdMatch() {
    var s = SeedFixture.state()
    s.type("/Russia")
    s.press(.enter)
    let first = s.search!.current!
    var t = SeedFixture.state()
    t.type("3/Russia")
    t.press(.enter)
    XCTAssertEqual(t.search!.current, first + 2)
    var b = SeedFixture.state()
    b.press(.char("G"))
    b.type("2?Russia")
    b.press(.enter)
    var c = SeedFixture.state()
    c.press(.char("G"))
    c.type("?Russia")
    c.press(.enter, .char("n"))
    XCTAssertEqual(b.search!.current, c.search!.current, "2?: the second match back")
    XCTAssertNotEqual(b.search!.current, first + 2)
  }
}
