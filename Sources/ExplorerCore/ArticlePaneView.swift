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
          let a = max(span.start, range.lowerBound)
          let b = min(span.end, range.upperBound)
          guard a < b else { return }
          for k in a..<b {
            styles[k - range.lowerBound] =
              over ? styles[k - range.lowerBound].overlaid(with: style) : style
          }
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
          var i =
            ExplorerState.firstIndex(
              in: matches, atOrAfter: max(0, range.lowerBound - patternLength)) ?? matches.count
          while i < matches.count && matches[i].start < range.upperBound {
            paint(matches[i], theme.searchMatch)
            i += 1
          }
        }
        if let c = cursorSpan { paint(c, theme.mentionCursor) }
        if let c = currentMatch { paint(c, theme.currentMatch) }
        // ▸ in the margin: the line of the mention or match the reader went to (what Enter
        // acts on), the lists' selection mark
        if let at = state.readingAt, range.contains(at) || (range.isEmpty && range.lowerBound == at) {
          buf.write("▸", x: r.x, y: y, limit: r.x + 1, style: theme.readingMark)
        }
        var x = r.x + 1
        let lineStart = x
        for off in range {
          let s = sc[off]
          let style = styles[off - range.lowerBound]
          if s == "\t" {
            let n = ArticleLayout.tabWidth - (x - lineStart) % ArticleLayout.tabWidth
            for _ in 0..<n where x < limit {
              x = buf.put(" ", x: x, y: y, limit: limit, style: style)
            }
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
