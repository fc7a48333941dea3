import ArticleModel

/// Draws the visible lines of the article: wrapped text, headings, mentions coloured by type,
/// the selected entity, search matches, the mention cursor and the marked sentence.
enum ArticlePaneView {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    guard !r.isEmpty else { return }
    let layout = state.layout
    let theme = state.theme
    let sc = layout.scalars
    let selected = state.selectedEntityIndex
    let cursorSpan = state.mentionCursor.map { state.mentions[$0].span }
    let matches = state.search?.matches ?? []
    let currentMatch = state.search?.current.flatMap { $0 < matches.count ? matches[$0] : nil }
    let patternLength = state.search.map { $0.pattern.unicodeScalars.count } ?? 0
    let limit = r.maxX - 1
    var pos = state.top
    for row in 0..<r.height {
      let y = r.y + row
      if let range = layout.range(at: pos) {
        let kind = layout.blocks[pos.paragraph].kind
        let base: Style = (kind == .heading || kind == .title) ? theme.heading : .plain
        var styles = [Style](repeating: base, count: range.count)
        func paint(_ span: Span, _ style: Style, over: Bool = true) {
          let a = max(span.start, range.lowerBound), b = min(span.end, range.upperBound)
          guard a < b else { return }
          for k in a..<b { styles[k - range.lowerBound] = over ? styles[k - range.lowerBound].overlaid(with: style) : style }
        }
        if let m = state.markedSentence { paint(m, theme.markedSentence) }
        // mentions: they are short, so starting a little before the line is enough
        var k = state.firstMention(atOrAfter: max(0, range.lowerBound - 256))
        while k < state.mentions.count && state.mentions[k].span.start < range.upperBound {
          let ref = state.mentions[k]
          if ref.span.end > range.lowerBound {
            let type = state.analysis.entities[ref.entity].type
            paint(ref.span, theme.mention(type))
            if ref.entity == selected { paint(ref.span, theme.selectedMention) }
          }
          k += 1
        }
        if !matches.isEmpty {
          var i = ExplorerState.firstIndex(in: matches, atOrAfter: max(0, range.lowerBound - patternLength)) ?? matches.count
          while i < matches.count && matches[i].start < range.upperBound {
            paint(matches[i], theme.searchMatch)
            i += 1
          }
        }
        if let c = cursorSpan { paint(c, theme.currentMatch) }
        if let c = currentMatch { paint(c, theme.currentMatch) }
        var x = r.x + 1
        let lineStart = x
        for off in range {
          let s = sc[off]
          let style = styles[off - range.lowerBound]
          if s == "\t" {
            let n = ArticleLayout.tabWidth - (x - lineStart) % ArticleLayout.tabWidth
            for _ in 0..<n where x < limit { x = buf.put(" ", x: x, y: y, limit: limit, style: style) }
          } else {
            let shown: Unicode.Scalar = s == "\n" ? " " : s
            let w = DisplayWidth.of(DisplayWidth.displayable(shown))
            if w > 0 && x + w > limit { break }
            x = buf.put(shown, x: x, y: y, limit: limit, style: style)
          }
        }
      }
      let next = layout.advance(pos, by: 1)
      if next == pos { break }
      pos = next
    }
    if sc.isEmpty {
      buf.write("(empty article)", x: r.x + 1, y: r.y, limit: limit, style: theme.dimText)
    }
  }
}

/// Draws the Entities pane: groups by type, each entity with its mention count.
enum EntitiesPaneView {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    guard !r.isEmpty else { return }
    let theme = state.theme
    if state.entityRows.isEmpty {
      buf.write(" No entities found.", x: r.x, y: r.y, limit: r.maxX, style: theme.dimText)
      return
    }
    let selectedRow = state.selectedEntityIndex.flatMap { state.entityRows.firstIndex(of: .entity($0)) }
    var scroll = min(state.entityScroll, max(0, state.entityRows.count - r.height))
    if let s = selectedRow {
      if s < scroll { scroll = s }
      if s >= scroll + r.height { scroll = s - r.height + 1 }
    }
    for row in 0..<r.height {
      let i = scroll + row
      guard i < state.entityRows.count else { break }
      let y = r.y + row
      switch state.entityRows[i] {
      case .header(let type, let count):
        buf.write(" \(EntityGroupNames.plural(type)) (\(count))", x: r.x, y: y, limit: r.maxX, style: theme.groupHeader)
      case .entity(let e):
        let entity = state.analysis.entities[e]
        let isSelected = i == selectedRow
        let rowStyle: Style = isSelected ? (state.focus == .entities ? theme.selection : theme.unfocusedSelection) : .plain
        if isSelected { buf.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: rowStyle) }
        let count = String(entity.mentions.count)
        let cw = count.count
        let nameRoom = r.width - 4 - cw
        let nameStyle = isSelected ? rowStyle : theme.mention(entity.type)
        buf.write((isSelected ? " ▸ " : "   ") + Screen.truncate(entity.name, nameRoom), x: r.x, y: y, limit: r.maxX - cw - 1, style: nameStyle)
        buf.write(count, x: r.maxX - cw - 1, y: y, limit: r.maxX, style: isSelected ? rowStyle : theme.dimText)
      }
    }
  }
}

/// Draws the Timeline pane: one line per entry, the ones in the article's view marked.
enum TimelinePaneView {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    guard !r.isEmpty else { return }
    let theme = state.theme
    if state.timeline.isEmpty {
      buf.write(" No dated events found.", x: r.x, y: r.y, limit: r.maxX, style: theme.dimText)
      return
    }
    let doc = state.analysis.document
    let visible = state.visibleRange
    var scroll = min(state.timelineScroll, max(0, state.timeline.count - r.height))
    if let s = state.selectedTimeline {
      if s < scroll { scroll = s }
      if s >= scroll + r.height { scroll = s - r.height + 1 }
    }
    let valueWidth = min(12, max(4, state.timeline.prefix(200).map { DisplayWidth.of($0.value) + ($0.approximate ? 1 : 0) }.max() ?? 4))
    for row in 0..<r.height {
      let i = scroll + row
      guard i < state.timeline.count else { break }
      let y = r.y + row
      let entry = state.timeline[i]
      let isSelected = state.selectedTimeline == i
      let inView = visible.contains(entry.span.start)
      let rowStyle: Style = isSelected ? (state.focus == .timeline ? theme.selection : theme.unfocusedSelection) : .plain
      if isSelected { buf.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: rowStyle) }
      var x = r.x
      x = buf.write(inView ? "●" : " ", x: x, y: y, limit: r.maxX, style: isSelected ? rowStyle : theme.inView)
      let value = (entry.approximate ? "~" : "") + entry.value
      let padded = value + String(repeating: " ", count: max(1, valueWidth + 1 - DisplayWidth.of(value)))
      x = buf.write(padded, x: x, y: y, limit: r.maxX, style: isSelected ? rowStyle : (inView ? theme.inView : theme.groupHeader))
      var text = doc.string(entry.span)
      let sentence = doc.string(entry.sentence)
      if !sentence.isEmpty && sentence != text { text += " · " + sentence }
      text = text.replacingNewlines()
      buf.write(Screen.truncate(text, r.maxX - x - 1), x: x, y: y, limit: r.maxX - 1, style: rowStyle)
    }
  }
}

extension String {
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
  }
}

/// The help overlay: the key table, framed, scrollable.
enum HelpOverlay {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer) {
    let theme = state.theme
    let lines = KeyMap.helpLines()
    let size = buf.size
    let w = min(size.width - 2, 86)
    let h = min(size.height - 2, lines.count + 2)
    guard w >= 10, h >= 3 else { return }
    let x0 = (size.width - w) / 2
    let y0 = max(1, (size.height - h) / 2)
    buf.fill(Rect(x: x0, y: y0, width: w, height: h), style: theme.overlay)
    let horizontal = String(repeating: "─", count: w - 2)
    buf.write("┌" + horizontal + "┐", x: x0, y: y0, style: theme.overlayBorder)
    buf.write("└" + horizontal + "┘", x: x0, y: y0 + h - 1, style: theme.overlayBorder)
    for y in (y0 + 1)..<(y0 + h - 1) {
      buf.write("│", x: x0, y: y, style: theme.overlayBorder)
      buf.write("│", x: x0 + w - 1, y: y, style: theme.overlayBorder)
    }
    buf.write(" Keys ", x: x0 + 2, y: y0, limit: x0 + w - 1, style: theme.overlayBorder)
    let footer = " Esc/q/? close · j/k scroll "
    if w > DisplayWidth.of(footer) + 4 {
      buf.write(footer, x: x0 + w - 2 - DisplayWidth.of(footer), y: y0 + h - 1, style: theme.overlayBorder)
    }
    let inner = h - 2
    let scroll = min(state.helpScroll, max(0, lines.count - inner))
    for row in 0..<inner {
      let i = scroll + row
      guard i < lines.count else { break }
      let line = lines[i]
      let isTitle = !line.hasPrefix(" ") && !line.isEmpty
      buf.write(" " + line, x: x0 + 1, y: y0 + 1 + row, limit: x0 + w - 1, style: isTitle ? theme.overlayBorder : theme.overlay)
    }
  }
}
