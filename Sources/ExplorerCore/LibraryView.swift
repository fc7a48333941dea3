import ArticleModel

/// Draws the Library view: a title line, the lists' tabs with the filter typed, the rows of the
/// list shown, and a status line (indexing progress, messages, key hints). A pure function.
public enum LibraryView {
  public static func render(_ s: LibraryState) -> ScreenBuffer {
    var buf = ScreenBuffer(size: s.size)
    let w = s.size.width
    let h = s.size.height
    guard w >= 20, h >= 4 else {
      buf.write("terminal too small", x: 0, y: 0, limit: w, style: s.theme.statusMessage)
      return buf
    }
    let theme = s.theme
    // Title
    buf.fill(Rect(x: 0, y: 0, width: w, height: 1), style: theme.titleLine)
    var title = " Library · \(s.paths.count) article\(s.paths.count == 1 ? "" : "s")"
    if let e = s.chosen { title += " · \(e.name): \(e.articles) articles, \(e.mentions) mentions" }
    buf.write(Screen.truncate(title, w - 1), x: 0, y: 0, limit: w, style: theme.titleLine)
    // Tabs and filter
    var x = 0
    for l in LibraryState.List.allCases {
      let focused = l == s.list
      let count = s.rows[l]?.count ?? 0
      let label = "\(focused ? "▸" : " ")\(l.title) \(count) "
      let style = focused ? theme.focusedPaneHeader : theme.paneHeader
      x = buf.write(label, x: x, y: 1, limit: w, style: style)
      x = buf.write(" ", x: x, y: 1, limit: w)
    }
    let filter = s.filters[s.list] ?? ""
    let order: String
    switch s.list {
    case .articles: order = "by \(s.articleOrder.rawValue)"
    case .entities: order = "by \(s.entityOrder.rawValue)"
    case .mentions: order = "text order"
    case .timeline: order = "by date"
    case .search: order = "text order"
    }
    let right =
      s.list == .search
      ? order + " · search: " + filter + "▏"
      : filter.isEmpty ? order + " · type to filter" : order + " · filter: " + filter + "▏"
    let rw = DisplayWidth.of(right)
    if w - x > rw + 1 {
      buf.write(right, x: w - rw - 1, y: 1, limit: w, style: filter.isEmpty ? theme.dimText : .plain)
    }
    // Rows
    let top = s.window(s.list)
    let rows = s.rows[s.list] ?? []
    let sel = min(s.selection[s.list] ?? 0, max(0, rows.count - 1))
    let listH = s.listHeight
    if rows.isEmpty {
      let empty: String
      if let waiting = s.waiting {
        empty = waiting
      } else if s.list == .search {
        empty =
          filter.isEmpty ? "Type a pattern: every article is searched (smart case, accents aside)"
          : "No match for “\(filter)”"
      } else if !filter.isEmpty {
        empty = "Nothing matches “\(filter)” (Backspace or Esc)"
      } else {
        switch s.list {
        case .articles: empty = "No articles"
        case .entities:
          empty =
            !s.entitiesRead ? "Reading the entities…"
            : s.progress != nil ? "Indexing: the entities follow…" : "No entities"
        case .mentions:
          empty = s.chosen == nil ? "Choose an entity in Entities (Enter) to list its mentions" : "No mentions"
        case .timeline: empty = "No dated entries"
        case .search: empty = ""
        }
      }
      buf.write(" " + empty, x: 0, y: 2, limit: w, style: theme.dimText)
    }
    for r in 0..<listH {
      let i = top + r
      guard i < rows.count else { break }
      let y = 2 + r
      let selected = i == sel
      let rowStyle: Style = selected ? theme.selection : .plain
      if selected { buf.fill(Rect(x: 0, y: y, width: w, height: 1), style: rowStyle) }
      let mark = selected ? "▸" : " "
      switch s.list {
      case .articles: drawArticle(s, &buf, rows[i], y: y, mark: mark, style: rowStyle, selected)
      case .entities:
        let e = s.entities[rows[i]]
        let counts = "\(e.articles) art  \(e.mentions) m"
        let cw = DisplayWidth.of(counts)
        let typeName = EntityGroupNames.singular(e.type)
        var col = buf.write(mark + " ", x: 0, y: y, limit: w, style: rowStyle)
        col = buf.write(
          Screen.truncate(e.name, max(1, w - cw - 16)), x: col, y: y, limit: w - cw - 14,
          style: selected ? rowStyle : theme.mention(e.type))
        buf.write(
          "  " + typeName, x: col, y: y, limit: w - cw - 2, style: selected ? rowStyle : theme.dimText)
        buf.write(counts, x: w - cw - 1, y: y, limit: w, style: selected ? rowStyle : theme.dimText)
      case .mentions:
        let m = s.concordance[rows[i]]
        drawContext(
          s, &buf, file: m.file, sentence: m.sentence, sentenceStart: m.sentenceStart,
          span: m.span, label: nil, y: y, mark: mark, style: rowStyle, selected)
      case .search:
        let m = s.searchResults[rows[i]]
        drawContext(
          s, &buf, file: m.file, sentence: m.sentence, sentenceStart: m.sentenceStart,
          span: m.span, label: nil, y: y, mark: mark, style: rowStyle, selected)
      case .timeline:
        let t = s.timelineItems[rows[i]]
        drawContext(
          s, &buf, file: t.file, sentence: t.sentence, sentenceStart: t.sentenceStart, span: t.span,
          label: (t.approximate ? "~" : "") + t.value, y: y, mark: mark, style: rowStyle, selected)
      }
    }
    // Status
    let sy = h - 1
    buf.fill(Rect(x: 0, y: sy, width: w, height: 1), style: theme.statusBar)
    var status: String
    if let m = s.message {
      status = " " + m
    } else if let waiting = s.waiting {
      status = " " + waiting
    } else {
      status = " Enter open · Tab lists · Ctrl-S sort · Esc clear · Ctrl-C quit"
    }
    if let p = s.progress {
      status = " Indexing \(p.done)/\(p.total)…" + (s.message.map { " · " + $0 } ?? "")
    }
    buf.write(
      Screen.truncate(status, w - 1), x: 0, y: sy, limit: w,
      style: s.message != nil || s.progress != nil ? theme.statusMessage : theme.statusBar)
    return buf
  }

  static func drawArticle(
    _ s: LibraryState, _ buf: inout ScreenBuffer, _ item: Int, y: Int, mark: String, style: Style,
    _ selected: Bool
  ) {
    let w = s.size.width
    let a = s.articles[item]
    let path = s.paths[a.file]
    let date = a.shownDate.padding(11)
    let source = (a.source ?? LibraryState.folderName(path))
    let sourceCol = Screen.truncate(source, 14).padding(14)
    var col = buf.write("\(mark) " + date + "  ", x: 0, y: y, limit: w, style: style)
    col = buf.write(sourceCol + "  ", x: col, y: y, limit: w, style: selected ? style : s.theme.dimText)
    var right = ""
    if let counts = s.chosenCounts, let n = counts[a.file] { right = "\(n)× " }
    if !a.topEntities.isEmpty { right += a.topEntities.prefix(3).joined(separator: ", ") }
    let titleText = a.title ?? LibraryState.fileName(path)
    let room = w - col - 1
    let rightRoom = min(DisplayWidth.of(right), max(0, room / 3))
    let titleRoom = room - rightRoom - (rightRoom > 0 ? 2 : 0)
    col = buf.write(
      Screen.truncate(titleText, titleRoom), x: col, y: y, limit: col + max(0, titleRoom),
      style: style)
    if rightRoom > 0 {
      buf.write(
        Screen.truncate(right, rightRoom), x: w - 1 - rightRoom, y: y, limit: w - 1,
        style: selected ? style : s.theme.dimText)
    }
  }

  /// A keyword-in-context line: the file, then the sentence cut so that the span sits a third
  /// of the way in, the span highlighted.
  static func drawContext(
    _ s: LibraryState, _ buf: inout ScreenBuffer, file: Int, sentence: String, sentenceStart: Int,
    span: Span, label: String?, y: Int, mark: String, style: Style, _ selected: Bool
  ) {
    let w = s.size.width
    let name = Screen.truncate(LibraryState.shortName(s.paths[file]), 24).padding(24)
    var col = buf.write("\(mark) " + name + " ", x: 0, y: y, limit: w, style: selected ? style : s.theme.dimText)
    if let label {
      col = buf.write(Screen.truncate(label, 14).padding(14) + " ", x: col, y: y, limit: w, style: style)
    }
    // The sentence as one line (newlines and tabs as spaces).
    let scalars = sentence.unicodeScalars.map { $0.value < 32 ? " " : $0 }
    let a = max(0, min(span.start - sentenceStart, scalars.count))
    let b = max(a, min(span.end - sentenceStart, scalars.count))
    let room = w - col - 1
    guard room > 4 else { return }
    // how much context fits before the span
    let before = room / 3
    var from = a
    var used = 0
    while from > 0 && used < before {
      used += DisplayWidth.of(DisplayWidth.displayable(scalars[from - 1]))
      from -= 1
    }
    if from > 0 { col = buf.write("…", x: col, y: y, limit: w - 1, style: s.theme.dimText) }
    col = buf.write(scalars[from..<a], x: col, y: y, limit: w - 1, style: style)
    col = buf.write(
      scalars[a..<b], x: col, y: y, limit: w - 1, style: s.theme.currentMatch)
    buf.write(scalars[b...], x: col, y: y, limit: w - 1, style: style)
  }
}

extension String {
  /// Padded with spaces to a display width.
  fileprivate func padding(_ width: Int) -> String {
    let d = DisplayWidth.of(self)
    return d >= width ? self : self + String(repeating: " ", count: width - d)
  }
}
