import ArticleModel
import XCTest

@testable import ExplorerCore

final class StateTests: XCTestCase {
  func testScrollingClampsAtBothEnds() {
    var s = SeedFixture.state(width: 80, height: 24)
    s.press(.char("k"))
    XCTAssertEqual(s.top, .top)
    s.press(.char("j"), .char("j"))
    XCTAssertEqual(s.layout.distance(from: .top, to: s.top, limit: 100), 2)
    s.press(.char("G"))
    let bottom = s.top
    XCTAssertEqual(bottom, s.layout.maxTop(height: s.textHeight))
    s.press(.char("j"), .char(" "), .ctrl("d"))
    XCTAssertEqual(s.top, bottom, "no scrolling past the end")
    XCTAssertTrue(s.screen.line(1).hasSuffix("Bot"))
    s.press(.char("g"))
    XCTAssertEqual(s.top, .top)
    s.press(.ctrl("d"))
    XCTAssertEqual(s.layout.distance(from: .top, to: s.top, limit: 100), s.textHeight / 2)
    s.press(.ctrl("u"))
    XCTAssertEqual(s.top, .top)
    s.press(.pageDown)
    XCTAssertEqual(s.layout.distance(from: .top, to: s.top, limit: 100), s.textHeight)
    s.press(.char("b"))
    XCTAssertEqual(s.top, .top)
  }

  func testFocusCycles() {
    var s = SeedFixture.state()
    s.press(.tab)
    XCTAssertEqual(s.focus, .entities)
    s.press(.tab, .tab)
    XCTAssertEqual(s.focus, .article)
    s.press(.backTab)
    XCTAssertEqual(s.focus, .timeline)
    s.press(.char("1"), .tab)
    XCTAssertEqual(s.focus, .article)
    s.press(.char("2"), .tab)
    XCTAssertEqual(s.focus, .entities)
  }

  func testSmartCaseIncrementalSearchAndCount() {
    var s = SeedFixture.state()
    s.press(.char("/"))
    s.type("russia")
    let insensitive = s.search!.matches.count
    XCTAssertGreaterThan(insensitive, 0)
    XCTAssertEqual(s.search?.current, 0, "matches highlight while typing")
    s.press(.enter)
    XCTAssertNil(s.prompt)
    XCTAssertTrue(s.statusLine.hasSuffix("/russia 1/\(insensitive)"), s.statusLine)
    // "Russia" with a capital is exact; "russia" also finds "Russian" and "Russia-North"
    s.press(.char("/"))
    s.type("RUSSIA")
    s.press(.enter)
    XCTAssertEqual(s.message, "Pattern not found: RUSSIA")
    XCTAssertNil(s.search)
  }

  func testSearchWrapsWithMessages() {
    var s = SeedFixture.state()
    s.press(.char("/"))
    s.type("Pyongyang")
    s.press(.enter)
    let n = s.search!.matches.count
    XCTAssertGreaterThan(n, 3)
    s.press(.char("N"))
    XCTAssertEqual(s.search?.current, n - 1)
    XCTAssertEqual(s.message, "search hit TOP, continuing at BOTTOM")
    s.press(.char("n"))
    XCTAssertEqual(s.search?.current, 0)
    XCTAssertEqual(s.message, "search hit BOTTOM, continuing at TOP")
    XCTAssertTrue(s.statusLine.contains("search hit BOTTOM, continuing at TOP"))
    s.press(.char("n"))
    XCTAssertEqual(s.search?.current, 1)
    XCTAssertNil(s.message)
    XCTAssertTrue(s.statusLine.hasSuffix("/Pyongyang 2/\(n)"))
    XCTAssertTrue(
      s.visibleRange.contains(s.search!.matches[1].start), "the current match is on screen")
  }

  func testEscapeCancelsAndRestoresTheView() {
    var s = SeedFixture.state(width: 80, height: 12)
    s.press(.char("j"))
    let before = s.top
    s.press(.char("/"))
    s.type("hurdles")
    XCTAssertNotEqual(s.top, before, "incremental search scrolled to the match")
    s.press(.escape)
    XCTAssertEqual(s.top, before)
    XCTAssertNil(s.prompt)
    XCTAssertNil(s.search)
  }

  func testPromptHistory() {
    var s = SeedFixture.state()
    for p in ["Moscow", "China"] {
      s.press(.char("/"))
      s.type(p)
      s.press(.enter)
    }
    s.press(.char("/"), .up)
    XCTAssertEqual(s.prompt?.text, "China")
    s.press(.up)
    XCTAssertEqual(s.prompt?.text, "Moscow")
    s.press(.down)
    XCTAssertEqual(s.prompt?.text, "China")
    s.press(.backspace)
    XCTAssertEqual(s.prompt?.text, "Chin")
    s.press(.enter)
    XCTAssertEqual(s.search?.pattern, "Chin")
  }

  func testMentionCursorFromTheTopSelectsTheEntity() {
    var s = SeedFixture.state()
    s.press(.char("]"))
    let first = s.mentions[0]
    XCTAssertEqual(s.mentionCursor, 0)
    XCTAssertEqual(s.selectedEntityIndex, first.entity)
    let name = s.analysis.entities[first.entity].name
    XCTAssertEqual(name, "North Korea", "Democratic People’s Republic of Korea comes first")
    XCTAssertTrue(s.statusLine.contains("North Korea (Place) 1/"), s.statusLine)
    s.press(.char("]"))
    XCTAssertEqual(s.mentionCursor, 1)
    s.press(.char("["), .char("["))
    XCTAssertEqual(s.mentionCursor, s.mentions.count - 1, "wraps to the last mention")
    XCTAssertTrue(s.message!.contains("mentions hit TOP"))
  }

  func testMentionCursorStartsFromTheView() {
    var s = SeedFixture.state(width: 80, height: 12)
    s.press(.char("G"))
    let top = s.layout.startOffset(s.top)
    s.press(.char("]"))
    XCTAssertGreaterThanOrEqual(s.mentions[s.mentionCursor!].span.start, top)
  }

  func testStarAndHashWalkTheSelectedEntitysMentions() {
    var s = SeedFixture.state()
    let dprk = s.analysis.entities.firstIndex { $0.name == "North Korea" }!
    let count = s.analysis.entities[dprk].mentions.count
    XCTAssertGreaterThan(count, 5)
    s.press(.char("]"))  // selects North Korea
    for i in 2...count {
      s.press(.char("*"))
      XCTAssertTrue(s.statusLine.contains("North Korea (Place) \(i)/\(count)"), s.statusLine)
    }
    s.press(.char("*"))
    XCTAssertTrue(s.statusLine.contains("North Korea (Place) 1/\(count)"), "wraps")
    XCTAssertTrue(s.message!.contains("hit BOTTOM, continuing at TOP"))
    s.press(.char("#"))
    XCTAssertTrue(s.statusLine.contains("North Korea (Place) \(count)/\(count)"))
    // aliases: "Democratic People’s Republic of Korea", "DPRK" and "North Korea" all count
    let forms = Set(s.analysis.entities[dprk].mentions.map { s.analysis.document.string($0) })
    XCTAssertEqual(forms, ["Democratic People’s Republic of Korea", "DPRK", "North Korea"])
  }

  func testEnterInEntitiesJumpsToFirstMention() {
    var s = SeedFixture.state(width: 120, height: 20)
    s.press(.char("2"), .tab, .char("G"))
    let e = s.selectedEntityIndex!
    XCTAssertEqual(s.entityOrder.last, e)
    s.press(.enter)
    let first = s.analysis.entities[e].mentions[0]
    XCTAssertEqual(s.mentions[s.mentionCursor!].span, first)
    XCTAssertTrue(s.visibleRange.contains(first.start))
    XCTAssertEqual(s.focus, .entities, "wide: focus stays in the list")
    // the selection is drawn
    XCTAssertTrue(s.screen.lines.contains { $0.contains("▸ " + s.analysis.entities[e].name) })
  }

  func testEnterInTheArticleGoesFromAMentionToItsEntity() {
    var s = SeedFixture.state(width: 120, height: 20)
    // no mention cursor: the first mention on screen
    s.press(.enter)
    XCTAssertEqual(s.focus, .entities)
    XCTAssertEqual(s.mentionCursor, 0)
    XCTAssertEqual(s.selectedEntityIndex, s.mentions[0].entity)
    XCTAssertTrue(s.statusLine.contains("North Korea (Place) 1/"), s.statusLine)
    // the mention cursor comes before the first mention on screen
    s.press(.char("1"), .tab, .char("]"), .char("]"), .char("]"))
    let cursor = s.mentionCursor!
    XCTAssertGreaterThan(cursor, 0)
    s.press(.enter)
    XCTAssertEqual(s.focus, .entities)
    XCTAssertEqual(s.mentionCursor, cursor)
    XCTAssertEqual(s.selectedEntityIndex, s.mentions[cursor].entity)
    // a cursor scrolled out of sight gives way to the first mention on screen
    s.press(.char("1"), .tab, .char("G"), .enter)
    let k = s.mentionCursor!
    XCTAssertGreaterThan(k, cursor)
    XCTAssertTrue(s.visibleRange.contains(s.mentions[k].span.start))
    XCTAssertEqual(s.selectedEntityIndex, s.mentions[k].entity)
  }

  func testEnterInTheArticleWithoutMentionsSaysSo() {
    let doc = Document(name: "plain", text: "nothing to see here")
    var s = ExplorerState(
      analysis: Analysis(
        document: doc, documentDate: nil, entities: [], timeExpressions: [], timeline: []),
      size: Size(width: 80, height: 10))
    s.press(.enter)
    XCTAssertEqual(s.focus, .article)
    XCTAssertEqual(s.message, "No entity mention on screen")
  }

  func testEntitiesAreGroupedAndSortedByMentions() {
    let s = SeedFixture.state(width: 160, height: 80)
    var types: [EntityType] = []
    for row in s.entityRows { if case .header(let t, _) = row { types.append(t) } }
    XCTAssertEqual(
      types, [.person, .organization, .place, .group, .event, .money, .percent, .quantity])
    let places = s.entityOrder.filter { s.analysis.entities[$0].type == .place }.map {
      s.analysis.entities[$0].mentions.count
    }
    XCTAssertEqual(places, places.sorted(by: >))
    let text = s.screen.lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("People (1)"))
    XCTAssertTrue(text.contains("Organisations (1)"))
    XCTAssertTrue(text.contains("Quantities (1)"))
  }

  func testTimelineOrderJumpAndInView() {
    var s = SeedFixture.state(width: 120, height: 16)
    XCTAssertEqual(
      s.timeline.map(\.value), ["1954", "2008", "2010", "2014-04", "2014-06", "PAST_REF"])
    var lines = s.screen.lines
    // In words by default (issue 16), the exact values one key away.
    XCTAssertTrue(lines.contains { $0.contains("about 2010") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("●about 1954") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("April 2014") }, lines.joined(separator: "\n"))
    s.press(.char("v"))
    lines = s.screen.lines
    XCTAssertTrue(lines.contains { $0.contains("~2010") }, "approximate entries carry ~")
    XCTAssertTrue(lines.contains { $0.contains("●~1954") }, lines.joined(separator: "\n"))
    s.press(.char("3"), .tab, .char("G"), .char("k"))  // 2014-06
    s.press(.enter)
    let entry = s.timeline[4]
    XCTAssertEqual(s.markedSentence, entry.sentence)
    XCTAssertTrue(s.visibleRange.contains(entry.sentence.start))
    XCTAssertTrue(s.screen.lines.contains { $0.contains("●2014-06") }, "the entry is now in view")
  }

  func testResizeKeepsTheReadingPosition() {
    var s = SeedFixture.state(width: 120, height: 30)
    s.press(.char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    let anchor = s.layout.startOffset(s.top)
    for size in [
      Size(width: 40, height: 12), Size(width: 20, height: 6), Size(width: 1, height: 1),
      Size(width: 200, height: 50), Size(width: 120, height: 30),
    ] {
      s.handle(.resize(size))
      XCTAssertTrue(
        s.visibleRange.contains(anchor) || s.visibleRange.upperBound == anchor, "at \(size)")
    }
  }

  func testNarrowLayoutShowsOnePaneAtATime() {
    var s = SeedFixture.state(width: 80, height: 24)
    XCTAssertTrue(s.screen.line(1).contains("[1 Article]"))
    s.press(.tab)
    let lines = s.screen.lines
    XCTAssertTrue(lines[1].contains("[2 Entities]"))
    XCTAssertTrue(lines.contains { $0.contains("People (1)") })
    XCTAssertFalse(lines.contains { $0.contains("Foreign Minister") })
  }

  func testNarrowEnterSwitchesToTheArticle() {
    var s = SeedFixture.state(width: 60, height: 20)
    s.press(.char("3"), .tab, .enter)
    XCTAssertEqual(s.focus, .article)
    XCTAssertNotNil(s.markedSentence)
  }

  func testHelpOverlayAndEscape() {
    var s = SeedFixture.state(width: 100, height: 30)
    s.press(.char("h"))
    XCTAssertTrue(s.showHelp)
    XCTAssertTrue(s.screen.lines.joined().contains("Show this help"))
    s.press(.char("j"))  // scrolls the help, not the article
    XCTAssertEqual(s.top, .top)
    s.press(.char("q"))
    XCTAssertFalse(s.showHelp, "q closes the help before it quits")
    XCTAssertEqual(s.handle(.key(.char("q"))), [.quit])
    XCTAssertEqual(s.handle(.key(.ctrl("c"))), [.quit])
    XCTAssertEqual(s.handle(.key(.ctrl("l"))), [.redraw])
    XCTAssertEqual(s.handle(.key(.ctrl("z"))), [.suspend])
  }

  func testHelpEndAndTopAndEveryStepShows() {
    var s = SeedFixture.state(width: 80, height: 16)
    s.press(.char("h"), .char("G"))
    let end = s.helpScroll
    XCTAssertGreaterThan(end, 0)
    XCTAssertTrue(s.screen.lines.joined().contains("undated"), "the last line is shown")
    let before = s.screen.lines
    s.press(.char("k"))
    XCTAssertEqual(s.helpScroll, end - 1, "one step back from the end moves at once")
    XCTAssertNotEqual(s.screen.lines, before)
    s.press(.char("j"), .char("j"))
    XCTAssertEqual(s.helpScroll, end, "no scrolling past the end")
    s.press(.char("<"))
    XCTAssertEqual(s.helpScroll, 0)
    XCTAssertEqual(s.top, .top, "the article stayed put")
  }

  func testMarksAndBackToBeforeTheJump() {
    var s = SeedFixture.state(width: 80, height: 12)
    s.press(.char("j"), .char("j"), .char("m"), .char("a"))
    let a = s.layout.startOffset(s.top)
    XCTAssertEqual(s.marks["a"], a)
    XCTAssertEqual(s.message, "Mark a set")
    s.press(.char("G"))
    let end = s.layout.startOffset(s.top)
    XCTAssertNotEqual(end, a)
    // '' goes back before the jump, and again returns
    s.press(.char("'"), .char("'"))
    XCTAssertEqual(s.layout.startOffset(s.top), a)
    s.press(.char("'"), .char("'"))
    XCTAssertEqual(s.layout.startOffset(s.top), end)
    // 'a goes to the mark, from any pane, and the article takes the focus
    s.press(.char("2"), .tab, .char("'"), .char("a"))
    XCTAssertEqual(s.layout.startOffset(s.top), a)
    XCTAssertEqual(s.focus, .article)
    s.press(.char("'"), .char("b"))
    XCTAssertEqual(s.message, "Mark b is not set")
    XCTAssertEqual(s.layout.startOffset(s.top), a)
    // Esc after m cancels; the next key is an ordinary key again
    s.press(.char("m"), .escape, .char("j"))
    XCTAssertEqual(s.marks.count, 1)
    XCTAssertNotEqual(s.layout.startOffset(s.top), a, "j scrolled")
    // a search jump is remembered too
    s.press(.char("g"), .char("/"))
    s.type("Ukrainian")
    s.press(.enter)
    XCTAssertNotEqual(s.top, .top)
    s.press(.char("'"), .char("'"))
    XCTAssertEqual(s.top, .top)
    // marks hold through a resize: they are text offsets
    s.press(.char("'"), .char("a"))
    s.handle(.resize(Size(width: 50, height: 10)))
    s.press(.char("G"), .char("'"), .char("a"))
    XCTAssertTrue(s.visibleRange.contains(a), "mark a is on screen after a resize")
  }

  func testCtrlGSaysWhereYouAre() {
    var s = SeedFixture.state(width: 80, height: 12)
    s.press(.ctrl("g"))
    let n = s.layout.lastParagraph + 1
    XCTAssertTrue(
      s.message!.hasPrefix(s.analysis.document.name + " · paragraphs 1–2 of \(n) · "), s.message!)
    XCTAssertTrue(s.message!.contains("dated 2014-06-01 (given)"), s.message!)
    s.press(.char("G"), .char("="))
    XCTAssertTrue(s.message!.contains("–\(n) of \(n) · 100%"), s.message!)
  }

  func testBracesAskForTheOtherFilesAndSayWhenThereIsNone() {
    var s = SeedFixture.state()
    // one file: nothing to open, a message like less's
    XCTAssertEqual(s.handle(.key(.char("}"))), [])
    XCTAssertEqual(s.message, "no next file")
    XCTAssertEqual(s.handle(.key(.char("{"))), [])
    XCTAssertEqual(s.message, "no previous file")
    XCTAssertFalse(s.screen.line(0).contains("1/1"), "one file: no file count in the title")

    s.fileCount = 3
    XCTAssertEqual(s.handle(.key(.char("}"))), [.openFile(offset: 1)])
    XCTAssertNil(s.message)
    XCTAssertEqual(s.handle(.key(.char("{"))), [])
    XCTAssertEqual(s.message, "no previous file")
    XCTAssertTrue(s.screen.line(0).hasPrefix(" 1/3 "), s.screen.line(0))

    s.fileIndex = 1
    XCTAssertEqual(s.handle(.key(.char("{"))), [.openFile(offset: -1)])
    XCTAssertEqual(s.handle(.key(.char("}"))), [.openFile(offset: 1)])
    let title = s.screen.line(0)
    XCTAssertTrue(title.hasPrefix(" 2/3 vovworld-dprk-russia.txt · VOVworld"), title)

    s.fileIndex = 2
    XCTAssertEqual(s.handle(.key(.char("}"))), [])
    XCTAssertEqual(s.message, "no next file")
    XCTAssertTrue(s.statusLine.contains("no next file"))
    XCTAssertEqual(s.handle(.key(.char("{"))), [.openFile(offset: -1)])

    // in the search prompt the braces are typed
    s.press(.char("/"), .char("}"))
    XCTAssertEqual(s.prompt?.text, "}")
  }

  func testMouseClickFocusesAndSelects() {
    var s = SeedFixture.state(width: 120, height: 40)
    let pl = s.paneLayout
    let entities = pl.panes[.entities]!
    s.handle(.click(x: entities.x + 3, y: entities.y + 2))  // header, "People", then Ri Su Yong
    XCTAssertEqual(s.focus, .entities)
    XCTAssertEqual(s.analysis.entities[s.selectedEntityIndex!].name, "Ri Su Yong")
    let article = pl.panes[.article]!
    s.handle(.wheel(lines: 3, x: article.x + 2, y: article.y + 3))
    XCTAssertEqual(s.layout.distance(from: .top, to: s.top, limit: 10), 3)
    XCTAssertEqual(s.focus, .entities, "the wheel does not steal focus")
  }

  func testEmptyAnalysisShowsNotes() {
    var s = SeedFixture.state(SeedFixture.realAnalysis.withoutExtras)
    let text = s.screen.lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("No entities found."))
    XCTAssertTrue(text.contains("No dated events found."))
    s.press(.char("]"))
    XCTAssertEqual(s.message, "No entity mentions")
    s.press(.char("*"))
    XCTAssertEqual(s.message, "No entity mentions")
  }

  func testSearchIsFastPathCorrect() {
    let idx = SearchIndex(scalars: Array("The the THE tHe\nthe".unicodeScalars))
    XCTAssertEqual(idx.find("the").count, 5)
    XCTAssertEqual(idx.find("The").count, 1)
    XCTAssertEqual(idx.find("he t").count, 4, "a newline matches a space")
    XCTAssertEqual(idx.find("").count, 0)
    let accents = SearchIndex(scalars: Array("Anna Pávlovna PÁVLOVNA".unicodeScalars))
    XCTAssertEqual(accents.find("pávlovna").count, 2)
  }
}

extension Analysis {
  /// The same document with no entities or timeline.
  var withoutExtras: Analysis {
    Analysis(
      document: document, documentDate: documentDate, entities: [], timeExpressions: [],
      timeline: [])
  }
}

final class SearchRefineTests: XCTestCase {
  func testRefiningEqualsSearchingAfresh() {
    let doc = SeedFixture.document
    let idx = SearchIndex(scalars: doc.scalars)
    for (a, b) in [
      ("t", "th"), ("th", "the"), ("p", "pyongyang"), ("Py", "Pyongyang"), ("k", "korea "),
    ] {
      XCTAssertTrue(SearchIndex.canRefine(from: a, to: b))
      XCTAssertEqual(idx.refine(idx.find(a), to: b), idx.find(b), "\(a) → \(b)")
    }
    XCTAssertFalse(SearchIndex.canRefine(from: "p", to: "Py"), "a capital switches to exact case")
    XCTAssertEqual(
      SearchIndex(scalars: Array("aaaa".unicodeScalars)).find("aa").count, 3,
      "overlapping, like vim")
  }

  func testTypingNarrowsTheSameAsAFreshSearch() {
    var s = SeedFixture.state()
    s.press(.char("/"))
    s.type("the")
    let typed = s.search!.matches
    s.press(.backspace, .backspace, .backspace)
    s.type("tHe")
    let index = SearchIndex(scalars: s.analysis.document.scalars)
    XCTAssertEqual(s.search!.matches, index.find("tHe"))
    XCTAssertEqual(typed, index.find("the"))
  }
}

final class PaneFollowTests: XCTestCase {
  func testTimelineFollowsTheArticleWhenNotInUse() {
    // a short timeline pane: 6 entries, 3 rows
    var s = SeedFixture.state(width: 120, height: 12)
    let h = PaneLayout(size: s.size, focus: .article).content(.timeline)!.height
    XCTAssertLessThan(h, s.timeline.count)
    s.press(.char("G"))
    let w = s.timelineWindow(height: h)
    let shown = (w..<min(s.timeline.count, w + h)).map { s.timeline[$0] }
    XCTAssertTrue(
      shown.contains { s.visibleRange.contains($0.span.start) }, "an entry in view is shown")
    XCTAssertTrue(s.screen.lines.contains { $0.contains("●") })
  }

  func testNarrowHeaderClickSwitchesPanes() {
    var s = SeedFixture.state(width: 80, height: 24)
    let spans = Screen.tabSpans(s, width: 80)
    s.handle(.click(x: spans[2].1.lowerBound + 1, y: 1))
    XCTAssertEqual(s.focus, .timeline)
    s.handle(.click(x: Screen.tabSpans(s, width: 80)[1].1.lowerBound + 1, y: 1))
    XCTAssertEqual(s.focus, .entities)
  }

  func testClickSelectsTheRowThatIsDrawn() {
    var s = SeedFixture.state(width: 120, height: 14)
    s.press(.char("2"), .tab, .char("G"))
    let r = s.paneLayout.content(.entities)!
    let lines = s.screen.lines
    // click the first entity row on screen and compare names
    for row in 0..<r.height {
      let text = String(lines[r.y + row].dropFirst(r.x))
      if text.hasPrefix("   ") {
        s.handle(.click(x: r.x + 4, y: r.y + row))
        let name = s.analysis.entities[s.selectedEntityIndex!].name
        XCTAssertTrue(text.contains(name), "clicked \(text), selected \(name)")
        return
      }
    }
    XCTFail("no entity row on screen")
  }
}

final class LateAnalysisTests: XCTestCase {
  func testAnAnalysisThatArrivesLateFillsThePanesAndKeepsTheView() {
    let doc = SeedFixture.document
    let bare = Analysis(
      document: doc, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
    var s = SeedFixture.state(bare, width: 120, height: 20)
    s.isAnalysing = true
    XCTAssertTrue(s.screen.lines.contains { $0.contains("Finding entities…") })
    XCTAssertTrue(s.screen.lines.contains { $0.contains("2 Entities (…)") })
    s.press(.char("]"))
    XCTAssertEqual(s.message, "Still finding entities…")
    s.press(.char("/"))
    s.type("Moscow")
    s.press(.enter, .char("j"))
    let top = s.top
    s.adopt(SeedFixture.handMade)
    XCTAssertFalse(s.isAnalysing)
    XCTAssertEqual(s.top, top)
    XCTAssertEqual(s.search?.pattern, "Moscow")
    XCTAssertTrue(s.screen.lines.contains { $0.contains("2 Entities (18)") })
    XCTAssertTrue(s.screen.line(0).contains("2014-06-01"), "the document date arrives too")
    s.press(.char("]"))
    XCTAssertNotNil(s.mentionCursor)
  }
}

final class PromptResizeTests: XCTestCase {
  /// Found by the random-input test: Esc after a resize restored a line of the old width.
  func testEscapeAfterAResizeRestoresAValidView() {
    var s = SeedFixture.state(width: 120, height: 20)
    for _ in 0..<12 { s.press(.char("j")) }
    let anchor = s.layout.startOffset(s.top)
    s.press(.char("/"))
    s.type("hurdles")
    s.handle(.resize(Size(width: 40, height: 12)))
    s.press(.escape)
    XCTAssertEqual(s.layout.clamp(s.top), s.top)
    XCTAssertEqual(
      s.top, s.layout.position(of: anchor), "the view from before the search, re-wrapped")
  }
}

final class ArticleClickTests: XCTestCase {
  func testClickingAMentionSelectsItsEntity() {
    var s = SeedFixture.state(width: 120, height: 40)
    let r = s.paneLayout.content(.article)!
    // find "Ri Su Yong" on screen and click its middle
    let lines = s.screen.lines
    for row in 0..<r.height {
      let line = lines[r.y + row]
      guard let range = line.range(of: "Ri Su Yong") else { continue }
      let column = DisplayWidth.of(String(line[line.startIndex..<range.lowerBound])) + 3
      s.handle(.click(x: column, y: r.y + row))
      XCTAssertEqual(s.focus, .article)
      XCTAssertEqual(s.analysis.entities[s.selectedEntityIndex!].name, "Ri Su Yong")
      XCTAssertEqual(s.message, "Ri Su Yong (Person) 1/1")
      return
    }
    XCTFail("Ri Su Yong is not on screen")
  }

  func testClickingPlainTextSelectsNothing() {
    var s = SeedFixture.state(width: 120, height: 40)
    let r = s.paneLayout.content(.article)!
    s.handle(.click(x: r.x + 3, y: r.y))  // "(VOVworld)-": no hand-made entity there
    XCTAssertNil(s.selectedEntity)
    XCTAssertNil(s.mentionCursor)
  }
}
