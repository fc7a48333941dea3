import ArticleModel
import XCTest

@testable import ExplorerCore

final class LayoutTests: XCTestCase {
  func testDisplayWidths() {
    XCTAssertEqual(DisplayWidth.of("abc"), 3)
    XCTAssertEqual(DisplayWidth.of("漢字"), 4, "CJK takes two columns")
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining mark takes none")
    XCTAssertEqual(DisplayWidth.of("😀"), 2, "emoji take two columns")
    XCTAssertEqual(DisplayWidth.displayable("\u{1B}"), DisplayWidth.placeholder)
    XCTAssertEqual(DisplayWidth.displayable("\u{9B}"), DisplayWidth.placeholder)
    XCTAssertEqual(DisplayWidth.displayable("\u{202E}"), DisplayWidth.placeholder)
  }

  func lines(_ text: String, width: Int) -> [String] {
    let doc = Document(name: "t", text: text)
    let layout = ArticleLayout(document: doc, width: width)
    var out: [String] = []
    var pos = LinePosition.top
    while true {
      if let r = layout.range(at: pos) {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: doc.scalars[r].map { $0 == "\n" ? " " : $0 })
        out.append(String(v))
      } else {
        out.append("")
      }
      let next = layout.advance(pos, by: 1)
      if next == pos { break }
      pos = next
    }
    return out
  }

  func testWrapsByDisplayColumns() {
    XCTAssertEqual(lines("one two three four five", width: 9), ["one two", "three", "four five"])
    // CJK: 2 columns each, 5 fit in 10
    XCTAssertEqual(lines("漢字漢字漢字漢字", width: 10), ["漢字漢字漢", "字漢字"])
    // combining marks add nothing
    XCTAssertEqual(lines("cafe\u{301} cafe\u{301}", width: 4).count, 2)
    XCTAssertEqual(
      lines("cafe\u{301}s cafe", width: 10),
      ["cafe\u{301}s cafe"].map { Document(name: "", text: $0).text })
  }

  func testLongWordsAreCutAndParagraphsSeparated() {
    XCTAssertEqual(lines("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
    XCTAssertEqual(lines("first para\n\nsecond", width: 20), ["first para", "", "second"])
  }

  func testHardWrappedLinesAreReflowed() {
    let text = "A line that was\nhard wrapped in\nthe source.\n\nNext paragraph."
    XCTAssertEqual(
      lines(text, width: 40),
      ["A line that was hard wrapped in the", "source.", "", "Next paragraph."])
  }

  func testNoRenderedLineIsWiderThanThePane() {
    let doc = Document(
      name: "t", text: String(repeating: "Tolstoy 漢字 e\u{301}e 😀 word\tx ", count: 60))
    for width in [1, 2, 3, 7, 20, 33] {
      let layout = ArticleLayout(document: doc, width: width)
      for r in layout.textLines(0) {
        XCTAssertLessThanOrEqual(
          ArticleLayout.columns(doc.scalars, r), max(width, 2), "width \(width)")
      }
    }
  }

  func testAdvanceAndPositionsAgree() {
    let doc = SeedFixture.document
    let layout = ArticleLayout(document: doc, width: 50)
    let last = layout.lastPosition
    XCTAssertEqual(layout.advance(.top, by: 100_000), last)
    XCTAssertEqual(layout.advance(last, by: -100_000), .top)
    let mid = layout.advance(.top, by: 17)
    XCTAssertEqual(layout.advance(mid, by: -17), .top)
    let offset = layout.startOffset(mid)
    XCTAssertEqual(layout.position(of: offset), mid)
    let narrow = ArticleLayout(document: doc, width: 30)
    let p = narrow.position(of: offset)
    XCTAssertTrue(
      narrow.range(at: p)!.contains(offset) || narrow.range(at: p)!.lowerBound == offset)
  }

  func testControlCharactersNeverReachTheBuffer() {
    var buf = ScreenBuffer(size: Size(width: 10, height: 1))
    buf.write("a\u{1B}[2Jb\u{7}\u{85}", x: 0, y: 0)
    for x in 0..<10 {
      for s in buf[x, 0].text.unicodeScalars {
        XCTAssertFalse(
          s.value < 0x20 || (0x7F...0x9F).contains(s.value), "control \(s.value) in a cell")
      }
    }
    XCTAssertEqual(buf.line(0), "a\u{FFFD}[2Jb\u{FFFD}\u{FFFD}")
  }

  func testWideCharacterAtTheEdgeIsNotHalved() {
    var buf = ScreenBuffer(size: Size(width: 3, height: 1))
    let end = buf.write("a漢字", x: 0, y: 0)
    XCTAssertEqual(end, 3)
    XCTAssertEqual(buf.line(0), "a漢")
    buf.write("x", x: 2, y: 0)  // overwrite the right half
    XCTAssertEqual(buf.line(0), "a x")
  }

  func testPaneLayoutWideNarrowAndTooSmall() {
    let wide = PaneLayout(size: Size(width: 100, height: 30), focus: .entities)
    XCTAssertTrue(wide.isWide)
    XCTAssertEqual(wide.panes.count, 3)
    XCTAssertGreaterThan(wide.panes[.article]!.width, wide.panes[.entities]!.width)
    let narrow = PaneLayout(size: Size(width: 80, height: 24), focus: .timeline)
    XCTAssertEqual(Array(narrow.panes.keys), [.timeline])
    XCTAssertTrue(PaneLayout(size: Size(width: 19, height: 6), focus: .article).tooSmall)
    XCTAssertTrue(PaneLayout(size: Size(width: 20, height: 5), focus: .article).tooSmall)
    XCTAssertFalse(PaneLayout(size: Size(width: 20, height: 6), focus: .article).tooSmall)
  }

  func testTinySizesNeverCrash() {
    var state = SeedFixture.state()
    for (w, h) in [
      (0, 0), (1, 1), (2, 1), (1, 5), (19, 6), (20, 6), (21, 7), (89, 10), (90, 10), (300, 3),
      (300, 100),
    ] {
      state.handle(.resize(Size(width: w, height: h)))
      state.press(.char("j"), .char("G"), .char("]"), .tab, .char("j"), .enter, .char("h"))
      let buf = Screen.render(state)
      XCTAssertEqual(buf.size, Size(width: w, height: h))
      state.press(.escape)
    }
    state.handle(.resize(Size(width: 1, height: 1)))
    XCTAssertEqual(Screen.render(state).line(0), "t")
    state.handle(.resize(Size(width: 19, height: 6)))
    XCTAssertEqual(Screen.render(state).line(0), "terminal too small")
  }
}

final class RobustnessTests: XCTestCase {
  func testEmptyAndOddDocumentsRender() {
    for text in [
      "", " ", "\n\n\n", "\t\tx", String(repeating: "y", count: 5000), "a\u{1B}[31mb\u{7}c",
      "漢😀e\u{301}\u{202E}z",
    ] {
      let doc = Document(name: "odd", text: text)
      var s = ExplorerState(
        analysis: Analysis(
          document: doc, documentDate: nil, entities: [], timeExpressions: [], timeline: []),
        size: Size(width: 30, height: 8))
      s.press(.char("G"), .char("j"), .char("/"))
      s.type("y")
      s.press(.enter, .char("n"), .char("]"), .char("*"), .char("g"))
      let lines = Screen.render(s).lines
      XCTAssertEqual(lines.count, 8)
      if text.isEmpty { XCTAssertTrue(lines.joined().contains("(empty article)")) }
      for line in lines {
        XCTAssertFalse(
          line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
      }
    }
  }

  /// Random keys, clicks and sizes: the state stays consistent and rendering never traps.
  func testRandomInputNeverTraps() {
    var rng = SplitMix(seed: 42)
    var s = SeedFixture.state(width: 100, height: 30)
    let keys: [Key] =
      KeyMap.bindings.flatMap(\.keys).filter {
        $0 != .ctrl("c") && $0 != .char("q") && $0 != .char("Q")
      }
      + [.char("x"), .char("é"), .char("漢"), .left, .right, .delete]
    for step in 0..<3000 {
      switch rng.next() % 20 {
      case 0:
        s.handle(.resize(Size(width: Int(rng.next() % 160), height: Int(rng.next() % 60))))
      case 1:
        s.handle(.click(x: Int(rng.next() % 120), y: Int(rng.next() % 40)))
      case 2:
        s.handle(
          .wheel(lines: Int(rng.next() % 7) - 3, x: Int(rng.next() % 120), y: Int(rng.next() % 40)))
      default:
        s.handle(.key(keys[Int(rng.next() % UInt64(keys.count))]))
      }
      let buf = Screen.render(s)
      XCTAssertEqual(buf.size, s.size, "step \(step)")
      if let c = s.mentionCursor { XCTAssertLessThan(c, s.mentions.count) }
      if let e = s.selectedEntity { XCTAssertLessThan(e, s.entityOrder.count) }
      if let t = s.selectedTimeline { XCTAssertLessThan(t, s.timeline.count) }
      XCTAssertEqual(s.layout.clamp(s.top), s.top, "top stays inside the document")
    }
  }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
