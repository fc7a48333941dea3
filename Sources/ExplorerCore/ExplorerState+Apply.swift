import ArticleModel

// MARK: - Input

extension ExplorerState {
  /// Handles one decoded input: looks keys up in the key table (or types them into the
  /// prompt), then applies the action. Returns what the run loop must do.
  @discardableResult
  public mutating func handle(_ event: InputEvent) -> [Effect] {
    switch event {
    case .resize(let s):
      resize(to: s)
      return [.redraw]
    case .click(let x, let y):
      click(x: x, y: y)
      return []
    case .wheel(let lines, let x, let y):
      wheel(lines: lines, x: x, y: y)
      return []
    case .key(let key):
      if let effects = deferIfPartial(key) { return effects }
      if let command = pendingMark {
        pendingMark = nil
        message = nil
        mark(command, key)
        return []
      }
      if let action = KeyMap.action(for: key, in: scope) {
        if scope == .main, let effects = takeCount(action, key) { return effects }
        let count = pendingCount
        pendingCount = nil
        return apply(action, count: count)
      }
      pendingCount = nil
      if prompt != nil, case .char(let c) = key {
        type(c)
        return []
      }
      if entityFilterEditing, case .char(let c) = key {
        typeEntityFilter(c)
        return []
      }
      if scope == .main { message = "Unbound key \(key.name): press ? for help" }
      return []
    }
  }

  /// A digit of a count (kept, nothing else done), or Esc cancelling one; nil for any other key.
  mutating func takeCount(_ action: Action, _ key: Key) -> [Effect]? {
    if action == .count, case .char(let c) = key, let d = c.wholeNumberValue {
      pendingCount = min(Self.maximumCount, (pendingCount ?? 0) * 10 + d)
      message = nil
      return []
    }
    if action == .close, pendingCount != nil {
      pendingCount = nil
      return []
    }
    return nil
  }

  /// Counts stop here (a line number of a book is far below).
  static let maximumCount = 99_999_999

  /// Applies a named action; `count` is the number typed before its key, if any.
  @discardableResult
  public mutating func apply(_ action: Action, count: Int? = nil) -> [Effect] {
    if prompt == nil { message = nil }
    // how many times: at least once (vim's and less's 0 counts as none)
    let times = max(1, count ?? 1)
    switch action {
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    case .toggleHelp:
      showHelp.toggle()
      helpScroll = 0
    case .close:
      if showHelp {
        showHelp = false
      } else if focus == .entities && !entityFilter.isEmpty {
        setEntityFilter("", editing: false)
      } else {
        search = nil
        mentionCursor = nil
        readingAt = nil
        markedSentence = nil
      }
    case .count: break  // the digits are taken in `handle`
    case .focusNextPane, .focusPreviousPane:
      if let count {
        // N Tab: pane N, as vim's N Ctrl-W w goes to window N
        guard let pane = Pane(rawValue: count - 1) else {
          message = "No pane \(count): 1 Article, 2 Entities, 3 Timeline"
          break
        }
        focusPane(pane)
      } else {
        focusPane(Pane(rawValue: (focus.rawValue + (action == .focusNextPane ? 1 : 2)) % 3)!)
      }
    case .lineDown: move(times)
    case .lineUp: move(-times)
    // with a count, less scrolls N lines
    case .pageDown: move(count == nil ? page : times)
    case .pageUp: move(-(count == nil ? page : times))
    case .halfPageDown: move(count == nil ? max(1, page / 2) : times)
    case .halfPageUp: move(-(count == nil ? max(1, page / 2) : times))
    case .top, .bottom:
      let before = top
      if let count {
        goTo(line: max(1, count))
      } else {
        move(action == .top ? Int.min / 2 : Int.max / 2)
      }
      // g and G in the article are jumps, as in vim
      if focus == .article && !showHelp && top != before {
        lastJumpFrom = layout.startOffset(before)
      }
    case .goToPercent: goTo(percent: min(100, count ?? 0))
    case .nextHeading: stepHeading(forward: true, by: times)
    case .previousHeading: stepHeading(forward: false, by: times)
    case .fileInfo: message = fileInfo
    case .toggleTimelineValues:
      timelineShowsValues.toggle()
      message = timelineShowsValues ? "Timeline: exact values (v: words)" : "Timeline: in words (v: exact values)"
    case .setMark:
      pendingMark = .set
      message = "mark: type a letter"
    case .goToMark:
      pendingMark = .go
      message = "go to mark: type a letter, or ' for the place before the last jump"
    case .search: openPrompt(count: times)
    case .searchBackward: openPrompt(backward: true, count: times)
    case .filterParagraphs: openPrompt(filter: true)
    case .nextMatch: stepMatch(forward: true, by: times)
    case .previousMatch: stepMatch(forward: false, by: times)
    case .nextMention: stepMention(forward: true, by: times)
    case .previousMention: stepMention(forward: false, by: times)
    case .nextMentionOfEntity: stepEntityMention(forward: true, by: times)
    case .previousMentionOfEntity: stepEntityMention(forward: false, by: times)
    case .nextFile:
      if fileIndex + times < fileCount { return [.openFile(offset: times)] }
      message = times == 1 ? "no next file" : "no file \(times) after this one (\(fileCount - fileIndex - 1) left)"
    case .previousFile:
      if fileIndex - times >= 0 && fileCount > 1 { return [.openFile(offset: -times)] }
      message = times == 1 ? "no previous file" : "no file \(times) before this one (\(fileIndex) before)"
    case .activate: activate()
    case .confirmPrompt where entityFilterEditing: confirmEntityFilter()
    case .cancelPrompt where entityFilterEditing: setEntityFilter("", editing: false)
    case .deleteBackward where entityFilterEditing:
      if entityFilter.isEmpty {
        setEntityFilter("", editing: false)
      } else {
        setEntityFilter(String(entityFilter.dropLast()), editing: true)
      }
    case .filterEntities: openEntityFilter()
    case .sortEntities: sortEntities()
    case .confirmPrompt: confirmPrompt()
    case .cancelPrompt: cancelPrompt()
    case .toggleLiteral:
      guard var p = prompt else { break }
      p.literal.toggle()
      prompt = p
      updateIncremental()
    case .olderPattern: recall(-1)
    case .newerPattern: recall(1)
    case .showLibrary, .sortList, .listMentions: break  // the App's (App+Library.swift)
    case .deleteBackward:
      guard var p = prompt else { break }
      if p.text.isEmpty {
        cancelPrompt()
      } else {
        p.text.removeLast()
        prompt = p
        updateIncremental()
      }
    }
    return []
  }

  /// Focuses a pane; a list focused with nothing selected selects its first item, so that what
  /// Enter, `*` and the cursor keys act on is always shown.
  mutating func focusPane(_ pane: Pane) {
    focus = pane
    switch pane {
    case .entities where selectedEntity == nil && !entityOrder.isEmpty: selectEntity(position: 0)
    case .timeline where selectedTimeline == nil && !timeline.isEmpty:
      selectedTimeline = 0
      keepTimelineSelectionVisible()
    default: break
    }
  }

  // MARK: - Size

  /// Takes a new size; `layout`, when given, is the document's at the new article width (the
  /// `App` keeps one per width), otherwise one is made when the width changes.
  public mutating func resize(to newSize: Size, layout newLayout: ArticleLayout? = nil) {
    let anchor = layout.startOffset(top)
    // The view the prompt restores on Esc is a line of the old width too.
    let promptAnchor = prompt.map { layout.startOffset($0.savedTop) }
    size = newSize
    let width = PaneLayout.articleTextWidth(for: newSize)
    let only = paragraphFilter?.paragraphs
    if let newLayout, newLayout.width == max(1, width), newLayout.shown == only {
      layout = newLayout
    } else if layout.width != max(1, width) || layout.shown != only {
      layout = ArticleLayout(document: analysis.document, width: width, only: only)
    }
    top = clampTop(layout.position(of: anchor))
    if var p = prompt, let a = promptAnchor {
      p.savedTop = clampTop(layout.position(of: a))
      prompt = p
    }
  }

  /// Ctrl-G, as in less: the file, where the view is, and what the analysis rests on.
  var fileInfo: String {
    let d = analysis.document
    let here = layout.startOffset(top)
    let shownEnd = layout.endOffset(layout.advance(top, by: textHeight - 1))
    let first = layout.paragraph(containing: here) + 1
    let last = layout.paragraph(containing: max(here, shownEnd - 1)) + 1
    let percent = d.scalars.isEmpty ? 100 : shownEnd * 100 / d.scalars.count
    var parts = [
      d.name + (fileCount > 1 ? " (file \(fileIndex + 1) of \(fileCount))" : ""),
      (first == last ? "paragraph \(first)" : "paragraphs \(first)–\(last)")
        + " of \(layout.lastParagraph + 1)",
      "\(min(100, percent))%",
    ]
    if let f = paragraphFilter {
      parts.append("&\(f.pattern): \(f.paragraphs.count) of \(f.total) paragraphs shown")
    }
    if let date = analysis.documentDate {
      parts.append("dated \(date.display) (\(date.source.rawValue))")
    } else if !isAnalysing {
      parts.append("no document date")
    }
    return parts.joined(separator: " · ")
  }

  // MARK: - Marks and jumps

  /// The letter after `m` or `'`; any other key cancels.
  mutating func mark(_ command: MarkCommand, _ key: Key) {
    guard case .char(let c) = key else { return }
    let here = layout.startOffset(top)
    switch command {
    case .set:
      guard c.isLetter else {
        message = "Marks are letters"
        return
      }
      marks[c] = here
      message = "Mark \(c) set"
    case .go:
      let target: Int
      if c == "'" {
        guard let back = lastJumpFrom else {
          message = "No earlier place: '' goes back after a jump"
          return
        }
        target = back
      } else {
        guard let m = marks[c] else {
          message = "Mark \(c) is not set"
          return
        }
        target = m
      }
      top = clampTop(layout.position(of: target))
      lastJumpFrom = here
      focus = .article
    }
  }

  // MARK: - Movement

  /// A page in the focused pane.
  var page: Int {
    if showHelp { return max(1, size.height - 4) }
    switch focus {
    case .article: return max(1, textHeight)
    case .entities, .timeline: return max(1, PaneLayout.listHeight(focus, for: size) - 1)
    }
  }

  mutating func move(_ n: Int) {
    if showHelp {
      helpScroll = max(0, min(helpScroll + n, HelpOverlay.maxScroll(for: size)))
      return
    }
    switch focus {
    case .article:
      scroll(n)
    case .entities:
      guard !entityOrder.isEmpty else {
        message = isAnalysing ? "Still finding entities…" : "No entities"
        return
      }
      let cur = selectedEntity ?? (n > 0 ? -1 : entityOrder.count)
      selectEntity(position: max(0, min(entityOrder.count - 1, cur &+ n)))
    case .timeline:
      guard !timeline.isEmpty else {
        message = isAnalysing ? "Still finding dates…" : "No dated events"
        return
      }
      let cur = selectedTimeline ?? (n > 0 ? -1 : timeline.count)
      selectedTimeline = max(0, min(timeline.count - 1, cur &+ n))
      keepTimelineSelectionVisible()
    }
  }

  mutating func scroll(_ n: Int) {
    let limit = layout.maxTop(height: textHeight)
    if n >= Int.max / 4 {
      top = limit
      return
    }
    if n <= Int.min / 4 {
      top = .top
      return
    }
    var t = layout.advance(top, by: n)
    if n > 0 && t > limit { t = max(limit, top) }
    top = t
  }

  func clampTop(_ pos: LinePosition) -> LinePosition {
    min(layout.clamp(pos), layout.maxTop(height: textHeight))
  }

  /// Scrolls so that an offset is on screen, a third of the way down when it was not. Below
  /// 90 columns, where one pane shows at a time, the article comes into view: the result of
  /// the key is there.
  mutating func reveal(_ offset: Int) {
    if !paneLayout.isWide { focus = .article }
    let pos = layout.position(of: offset)
    let h = textHeight
    if pos >= top && layout.distance(from: top, to: pos, limit: h) < h { return }
    lastJumpFrom = layout.startOffset(top)
    top = clampTop(layout.advance(pos, by: -(h / 3)))
  }

  mutating func selectEntity(position: Int) {
    selectedEntity = position
    if let c = mentionCursor, mentions[c].entity != entityOrder[position] { mentionCursor = nil }
    keepEntitySelectionVisible()
  }

  mutating func keepEntitySelectionVisible() {
    guard let s = selectedEntity, let row = entityRows.firstIndex(of: .entity(entityOrder[s]))
    else { return }
    let h = PaneLayout.listHeight(.entities, for: size)
    // Show the group header above the group's first entity.
    let wanted =
      row > 0 && { if case .header = entityRows[row - 1] { return true } else { return false } }()
      ? row - 1 : row
    entityScroll = Self.scroll(
      Self.scroll(entityScroll, showing: wanted, height: h), showing: row, height: h)
  }

  mutating func keepTimelineSelectionVisible() {
    guard let s = selectedTimeline else { return }
    timelineScroll = Self.scroll(
      timelineScroll, showing: s, height: PaneLayout.listHeight(.timeline, for: size))
  }

  /// The first row of a window of `height` rows that shows `row`, moved as little as possible
  /// from `scroll` (the one clamp of the lists).
  static func scroll(_ scroll: Int, showing row: Int, height: Int) -> Int {
    if row < scroll { return row }
    if row >= scroll + height { return row - height + 1 }
    return scroll
  }

  /// The first row the Entities pane shows: the selection kept visible.
  public func entityWindow(height h: Int) -> Int {
    var scroll = min(entityScroll, max(0, entityRows.count - h))
    if let e = selectedEntityIndex, let s = entityRows.firstIndex(of: .entity(e)) {
      scroll = Self.scroll(scroll, showing: s, height: h)
    }
    return max(0, scroll)
  }

  /// The first row the Timeline pane shows: the selection while the pane is in use,
  /// otherwise the entries that are in the article's view, so that they can be seen.
  public func timelineWindow(height h: Int) -> Int {
    var scroll = min(timelineScroll, max(0, timeline.count - h))
    if let s = selectedTimeline, focus == .timeline {
      return max(0, Self.scroll(scroll, showing: s, height: h))
    }
    let visible = visibleRange
    let inView = timeline.indices.filter { visible.contains(timeline[$0].span.start) }
    if let first = inView.first, !inView.contains(where: { $0 >= scroll && $0 < scroll + h }) {
      scroll = min(first, max(0, timeline.count - h))
    } else if let s = selectedTimeline, inView.isEmpty {
      scroll = Self.scroll(scroll, showing: s, height: h)
    }
    return max(0, scroll)
  }

  // MARK: - Enter

  mutating func activate() {
    switch focus {
    case .article:
      showEntityOfMention()
    case .entities:
      guard !entityOrder.isEmpty else {
        message = isAnalysing ? "Still finding entities…" : "No entities"
        return
      }
      if selectedEntity == nil { selectEntity(position: 0) }
      guard let e = selectedEntityIndex, let first = analysis.entities[e].mentions.first else {
        return
      }
      jump(toMention: first, entity: e)
    case .timeline:
      guard !timeline.isEmpty else {
        message = isAnalysing ? "Still finding dates…" : "No dated events"
        return
      }
      if selectedTimeline == nil { selectedTimeline = 0 }
      let entry = timeline[selectedTimeline!]
      markedSentence = entry.sentence
      readingAt = entry.sentence.start
      reveal(entry.sentence.start)
      message =
        "\(entry.approximate ? "~" : "")\(entry.value): \(analysis.document.string(entry.span))"
      if !layout.shows(entry.sentence.start) {
        message! += " (hidden by the & filter: the next paragraph shown)"
      }
    }
  }

  /// Enter in the article: from a mention to its entity. The mention is the one under the
  /// mention cursor when it is on screen, else the first one on screen; the Entities pane takes
  /// the focus with that entity selected.
  mutating func showEntityOfMention() {
    let shown = visibleRange
    var k = mentionCursor
    if let c = k, !shown.contains(mentions[c].span.start) { k = nil }
    if k == nil {
      let first = firstMention(atOrAfter: shown.lowerBound)
      if first < mentions.count && shown.contains(mentions[first].span.start) { k = first }
    }
    guard let k, let pos = entityOrder.firstIndex(of: mentions[k].entity) else {
      message = isAnalysing ? "Still finding entities…" : "No entity mention on screen"
      return
    }
    mentionCursor = k
    readingAt = mentions[k].span.start
    selectEntity(position: pos)
    focus = .entities
    message = mentionStatus
  }

  // MARK: - Mouse

  mutating func click(x: Int, y: Int) {
    let pl = paneLayout
    guard let (pane, rect) = pl.panes.first(where: { $0.value.contains(x: x, y: y) }) else {
      return
    }
    focus = pane
    let row = y - rect.y - 1
    if row < 0 && !pl.isWide {
      // the tab labels of the narrow header
      for (tab, span) in Screen.tabSpans(self, width: rect.width) where span.contains(x - rect.x) {
        focus = tab
      }
      return
    }
    guard row >= 0 else { return }
    switch pane {
    case .article:
      // a click on a mention selects its entity
      guard let offset = offset(atColumn: x - rect.x - 1, row: row) else { break }
      var k = firstMention(atOrAfter: max(0, offset - 256))
      while k < mentions.count && mentions[k].span.start <= offset {
        if mentions[k].span.contains(offset) {
          let ref = mentions[k]
          if let pos = entityOrder.firstIndex(of: ref.entity) { selectEntity(position: pos) }
          mentionCursor = k
          readingAt = mentions[k].span.start
          message = mentionStatus
          break
        }
        k += 1
      }
    case .entities:
      let r = entityWindow(height: rect.height - 1) + row
      if r < entityRows.count, case .entity(let e) = entityRows[r],
        let pos = entityOrder.firstIndex(of: e)
      {
        selectEntity(position: pos)
      }
    case .timeline:
      let r = timelineWindow(height: rect.height - 1) + row
      if r < timeline.count {
        selectedTimeline = r
        keepTimelineSelectionVisible()
      }
    }
  }

  /// The article offset drawn at a column of a row of the article pane, if any.
  func offset(atColumn column: Int, row: Int) -> Int? {
    guard column >= 0 else { return nil }
    let pos = layout.advance(top, by: row)
    guard layout.distance(from: top, to: pos, limit: row + 1) == row,
      let range = layout.range(at: pos)
    else { return nil }
    var col = 0
    for off in range {
      let s = layout.scalars[off]
      let w =
        s == "\t"
        ? ArticleLayout.tabWidth - col % ArticleLayout.tabWidth
        : DisplayWidth.of(DisplayWidth.displayable(s == "\n" ? " " : s))
      if column < col + w { return off }
      col += w
    }
    return nil
  }

  mutating func wheel(lines: Int, x: Int, y: Int) {
    let pl = paneLayout
    let pane = pl.panes.first(where: { $0.value.contains(x: x, y: y) })?.key ?? focus
    let saved = focus
    focus = pane
    move(lines)
    focus = saved
  }
}

extension ExplorerState {
  /// Shows a message in the status bar until the next key.
  public mutating func note(_ text: String) { message = text }
}

// MARK: - Counts: lines, per cent, headings

extension ExplorerState {
  /// `Ng` and `NG`: line N of the text (as less counts lines: a hard-wrapped book's lines, an
  /// article's paragraphs), in a list its Nth item, in the help its Nth line.
  mutating func goTo(line n: Int) {
    if showHelp {
      helpScroll = max(0, min(n - 1, HelpOverlay.maxScroll(for: size)))
      return
    }
    switch focus {
    case .article:
      let offset = Self.offset(ofLine: n, in: layout.scalars)
      top = clampTop(layout.position(of: offset))
    case .entities, .timeline:
      selectItem(n - 1)
    }
  }

  /// `N%` and `Np`: N per cent of the way into the text (of the list in a list).
  mutating func goTo(percent p: Int) {
    if showHelp {
      helpScroll = HelpOverlay.maxScroll(for: size) * p / 100
      return
    }
    switch focus {
    case .article:
      let before = top
      let total = layout.scalars.count
      top = p >= 100 ? layout.maxTop(height: textHeight) : clampTop(layout.position(of: total * p / 100))
      if top != before { lastJumpFrom = layout.startOffset(before) }
    case .entities:
      selectItem(max(0, entityOrder.count - 1) * p / 100)
    case .timeline:
      selectItem(max(0, timeline.count - 1) * p / 100)
    }
  }

  /// Selects the item at a position of the focused list (clamped).
  mutating func selectItem(_ i: Int) {
    switch focus {
    case .entities:
      guard !entityOrder.isEmpty else {
        message = isAnalysing ? "Still finding entities…" : "No entities"
        return
      }
      selectEntity(position: max(0, min(entityOrder.count - 1, i)))
    case .timeline:
      guard !timeline.isEmpty else {
        message = isAnalysing ? "Still finding dates…" : "No dated events"
        return
      }
      selectedTimeline = max(0, min(timeline.count - 1, i))
      keepTimelineSelectionVisible()
    case .article: break
    }
  }

  /// The offset where line `n` (from 1) of the text starts; past the last line, the last.
  static func offset(ofLine n: Int, in scalars: [Unicode.Scalar]) -> Int {
    var line = 1
    var start = 0
    var i = 0
    while line < n && i < scalars.count {
      if scalars[i] == "\n" && i + 1 < scalars.count {
        line += 1
        start = i + 1
      }
      i += 1
    }
    return start
  }

  /// The headings `)` and `(` stop at: paragraphs that are a title or a heading ("CHAPTER IV"),
  /// except in a run of three or more with no text between them (a table of contents): there
  /// only the run's first and its last two (the part and chapter the text starts with, as in
  /// War and Peace, whose contents runs straight into "BOOK ONE: 1805", "CHAPTER I") are stops,
  /// or a book's contents would take a key per line.
  var headings: [Int] {
    let blocks = layout.blocks
    func isHeading(_ i: Int) -> Bool {
      i >= 0 && i < blocks.count && (blocks[i].kind == .heading || blocks[i].kind == .title)
    }
    var stops: [Int] = []
    var i = 0
    while i < blocks.count {
      guard isHeading(i) else {
        i += 1
        continue
      }
      var end = i
      while isHeading(end + 1) { end += 1 }
      stops += end - i + 1 >= 3 ? [i, end - 1, end] : Array(i...end)
      i = end + 1
    }
    return stops
  }

  /// `)` and `(`: the next (previous) heading at the top of the view; a count steps N of them.
  mutating func stepHeading(forward: Bool, by n: Int) {
    let all = headings
    guard !all.isEmpty else {
      message = paragraphFilter == nil ? "No headings in this text" : "No headings in the paragraphs shown"
      return
    }
    let here = top
    // a heading at the top of the view is where the reader is: the next is after it
    let k: Int
    if forward {
      let after = all.partitionPoint { $0 > here.paragraph }
      k = after + n - 1
      guard k < all.count else {
        message = "No next heading (\(all.count - after) below)"
        return
      }
    } else {
      // the headings above the view's top line (the one it is inside of included)
      var above = all.partitionPoint { $0 >= here.paragraph }
      if above < all.count && all[above] == here.paragraph && here.line > 0 { above += 1 }
      k = above - n
      guard k >= 0 else {
        message = "No previous heading"
        return
      }
    }
    let p = all[k]
    if !paneLayout.isWide { focus = .article }
    let target = clampTop(LinePosition(paragraph: p, line: 0))
    if target != here { lastJumpFrom = layout.startOffset(here) }
    top = target
    let text = String(String.UnicodeScalarView(layout.scalars[layout.blocks[p].span.start..<layout.blocks[p].span.end]))
    message = Screen.truncate(text.replacingNewlines(), 60) + " · heading \(k + 1)/\(all.count)"
  }
}
