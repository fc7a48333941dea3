import ArticleModel

/// Draws an explorer state into a screen buffer: a pure function, the same for the terminal,
/// the tests and the benchmark.
public enum Screen {
  /// Renders a frame at the state's size.
  public static func render(_ state: ExplorerState) -> ScreenBuffer {
    let size = state.size
    var buf = ScreenBuffer(size: size)
    guard size.width > 0, size.height > 0 else { return buf }
    let pl = state.paneLayout
    if pl.tooSmall {
      let note = "terminal too small (need \(PaneLayout.minimumSize))"
      buf.write(note, x: 0, y: 0, limit: size.width, style: state.theme.statusMessage)
      return buf
    }
    drawTitle(state, &buf, pl.titleRow)
    if pl.isWide {
      drawHeader(state, &buf, .article, pl.panes[.article]!)
      drawHeader(state, &buf, .entities, pl.panes[.entities]!)
      drawHeader(state, &buf, .timeline, pl.panes[.timeline]!)
    } else {
      drawTabs(state, &buf, pl.panes[state.focus]!)
    }
    if let r = pl.content(.article) { ArticlePaneView.draw(state, &buf, r) }
    if let r = pl.content(.entities) { EntitiesPaneView.draw(state, &buf, r) }
    if let r = pl.content(.timeline) { TimelinePaneView.draw(state, &buf, r) }
    if let sep = pl.separator {
      for y in sep.y..<sep.maxY { buf.write("│", x: sep.x, y: y, style: state.theme.separator) }
    }
    drawStatus(state, &buf, pl.statusRow)
    if state.showHelp { HelpOverlay.draw(state, &buf) }
    return buf
  }

  // MARK: - Chrome

  static func drawTitle(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    let doc = state.analysis.document
    buf.fill(r, style: state.theme.titleLine)
    var parts: [String] = []
    let several = state.fileCount > 1
    // With several files, which one of how many, and its name even when it has a title.
    if several { parts.append("\(state.fileIndex + 1)/\(state.fileCount) \(fileName(doc.name))") }
    if let source = state.source { parts.append(source) }
    if let title = state.title {
      parts.append(title)
    } else if !several {
      parts.append(fileName(doc.name))
    }
    let date = state.analysis.documentDate.map { $0.display } ?? "undated"
    let right = " " + date + " "
    let rightWidth = DisplayWidth.of(right)
    let room = r.width - rightWidth - 1
    let left = " " + parts.joined(separator: " · ")
    buf.write(
      truncate(left, room), x: r.x, y: r.y, limit: r.x + max(0, room), style: state.theme.titleLine)
    if r.width >= rightWidth + 10 {
      buf.write(right, x: r.maxX - rightWidth, y: r.y, style: state.theme.titleLine)
    }
  }

  static func fileName(_ path: String) -> String {
    if path == "-" { return "standard input" }
    return path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The header line of a pane in the wide layout.
  static func drawHeader(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ pane: Pane, _ r: Rect)
  {
    let focused = state.focus == pane
    let style = focused ? state.theme.focusedPaneHeader : state.theme.paneHeader
    buf.fill(Rect(x: r.x, y: r.y, width: r.width, height: 1), style: style)
    let mark = focused ? "▸" : " "
    buf.write(
      "\(mark)\(pane.rawValue + 1) \(pane.title)\(count(state, pane))", x: r.x, y: r.y,
      limit: r.maxX, style: style)
    let right = indicator(state, pane)
    let w = DisplayWidth.of(right)
    if !right.isEmpty && r.width > w + 16 {
      buf.write(right, x: r.maxX - w - 1, y: r.y, style: style)
    }
  }

  /// The narrow header's labels and the columns each takes (also for mouse clicks).
  static func tabSpans(_ state: ExplorerState, width: Int) -> [(Pane, Range<Int>)] {
    var x = 0
    var out: [(Pane, Range<Int>)] = []
    for pane in Pane.allCases {
      let w = DisplayWidth.of(tabLabel(state, pane, width: width))
      out.append((pane, x..<(x + w)))
      x += w
    }
    return out
  }

  static func tabLabel(_ state: ExplorerState, _ pane: Pane, width: Int) -> String {
    let focused = pane == state.focus
    let name =
      width < 44 && !focused ? "\(pane.rawValue + 1)" : "\(pane.rawValue + 1) \(pane.title)"
    return focused ? "[\(name)]" : " \(name) "
  }

  /// The header of the single pane in the narrow layout: every pane's name, the focused one lit.
  static func drawTabs(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    buf.fill(Rect(x: r.x, y: r.y, width: r.width, height: 1), style: state.theme.paneHeader)
    var x = r.x
    for pane in Pane.allCases {
      let style = pane == state.focus ? state.theme.focusedPaneHeader : state.theme.paneHeader
      x = buf.write(
        tabLabel(state, pane, width: r.width), x: x, y: r.y, limit: r.maxX, style: style)
    }
    var right = indicator(state, state.focus)
    // the & filter stays in sight here too (the wide header has it beside the pane's name)
    if state.focus == .article, let f = state.paragraphFilter {
      let withFilter = "&\(f.pattern) \(f.paragraphs.count)/\(f.total) · " + right
      if r.maxX - x > DisplayWidth.of(withFilter) + 1 { right = withFilter }
    }
    let w = DisplayWidth.of(right)
    if !right.isEmpty && r.maxX - x > w + 1 {
      buf.write(right, x: r.maxX - w - 1, y: r.y, style: state.theme.paneHeader)
    }
  }

  static func count(_ state: ExplorerState, _ pane: Pane) -> String {
    switch pane {
    case .article:
      // the & filter, always in sight
      return state.paragraphFilter.map {
        " · &\($0.pattern) \($0.paragraphs.count)/\($0.total)"
      } ?? ""
    case .entities: return state.entityHeaderDetail
    case .timeline: return state.isAnalysing ? " (…)" : " (\(state.timeline.count))"
    }
  }

  /// Where the pane is: Top/Bot/All/NN% for the article, "i/n" for lists.
  static func indicator(_ state: ExplorerState, _ pane: Pane) -> String {
    switch pane {
    case .article:
      // A head's end is not the file's, nor a tail's start.
      let atTop = state.top == .top && state.part != .tail
      let atBottom =
        state.top >= state.layout.maxTop(height: state.textHeight) && state.part != .head
      if atTop && atBottom { return "All" }
      if atTop { return "Top" }
      if atBottom { return "Bot" }
      if state.part != nil { return "…" }
      let total = max(1, state.analysis.document.scalars.count)
      return "\(state.layout.startOffset(state.top) * 100 / total)%"
    case .entities:
      guard let s = state.selectedEntity else { return "" }
      return "\(s + 1)/\(state.entityOrder.count)"
    case .timeline:
      guard let s = state.selectedTimeline else { return "" }
      return "\(s + 1)/\(state.timeline.count)"
    }
  }

  static func drawStatus(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    let theme = state.theme
    buf.fill(r, style: theme.statusBar)
    var right = ""
    if let s = state.search {
      if let c = s.current, !s.matches.isEmpty {
        right = "\(s.backward ? "?" : "/")\(s.pattern) \(c + 1)/\(s.matches.count)"
      } else if state.prompt != nil && !s.pattern.isEmpty {
        right = s.problem == nil ? "no match" : "bad pattern"
      }
    }
    let rw = DisplayWidth.of(right)
    let showRight = !right.isEmpty && r.width >= rw + 12
    let leftLimit = showRight ? r.maxX - rw - 2 : r.maxX
    if let p = state.prompt {
      let x = buf.write(
        (p.literal ? "literal " : "") + (p.filter ? "&" : p.backward ? "?" : "/") + p.text, x: r.x, y: r.y,
        limit: leftLimit, style: theme.statusBar)
      let cursor = theme.mode == .none ? Style(reverse: true) : Style(fg: .black, bg: .white)
      if x < leftLimit { buf.write(" ", x: x, y: r.y, style: cursor) }
    } else if state.entityFilterEditing {
      let x = buf.write(
        "Filter entities: " + state.entityFilter, x: r.x, y: r.y, limit: leftLimit,
        style: theme.statusBar)
      let cursor = theme.mode == .none ? Style(reverse: true) : Style(fg: .black, bg: .white)
      if x < leftLimit { buf.write(" ", x: x, y: r.y, style: cursor) }
    } else if let n = state.pendingCount, state.scope == .main {
      // the count typed so far, as less echoes it, and what it is for
      let x = buf.write(" \(n)", x: r.x, y: r.y, limit: leftLimit, style: theme.statusMessage)
      let hint =
        r.width >= 60
        ? "  a count: \(n)j \(n) lines · \(n)G line \(n) · \(n)% · \(n)n · \(n) Tab pane · Esc cancels"
        : "  Esc cancels"
      buf.write(hint, x: x, y: r.y, limit: leftLimit, style: theme.statusBar)
    } else if let m = state.message {
      buf.write(" " + m, x: r.x, y: r.y, limit: leftLimit, style: theme.statusMessage)
    } else if let f = state.paragraphFilter {
      buf.write(
        " &\(f.pattern): \(f.paragraphs.count) of \(f.total) paragraphs shown · & Enter: all",
        x: r.x, y: r.y, limit: leftLimit, style: theme.statusBar)
    } else {
      let hint =
        r.width >= 60
        ? " h help · q quit · / ? search · ] [ mentions · Tab panes" : " h help · q quit"
      buf.write(hint, x: r.x, y: r.y, limit: leftLimit, style: theme.statusBar)
    }
    if showRight { buf.write(right, x: r.maxX - rw - 1, y: r.y, style: theme.statusBar) }
  }

  /// Cuts a string to `width` columns, ending with "…" when cut.
  public static func truncate(_ s: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(s) <= width { return s }
    var out = String.UnicodeScalarView()
    var w = 0
    for sc in s.unicodeScalars {
      let cw = DisplayWidth.of(DisplayWidth.displayable(sc))
      if w + cw > width - 1 { break }
      out.append(sc)
      w += cw
    }
    return String(out) + "…"
  }
}
