import ArticleModel

/// Draws the Timeline pane: one line per entry, the ones in the article's view marked.
enum TimelinePaneView {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    guard !r.isEmpty else { return }
    let theme = state.theme
    if state.timeline.isEmpty {
      buf.write(
        state.isAnalysing ? " Finding dates…" : " No dated events found.", x: r.x, y: r.y,
        limit: r.maxX, style: theme.dimText)
      return
    }
    let doc = state.analysis.document
    let visible = state.visibleRange
    let scroll = state.timelineWindow(height: r.height)
    // People's words ("June 2014", "every year") or, after `v`, the exact values ("~2010").
    let analysis = state.analysis
    func label(_ entry: TimelineEntry) -> String {
      state.timelineShowsValues
        ? (entry.approximate ? "~" : "") + entry.value : TimexWords.describe(entry, in: analysis)
    }
    let valueWidth = min(
      state.timelineShowsValues ? 12 : 18,
      max(4, state.timeline.prefix(200).map { DisplayWidth.of(label($0)) }.max() ?? 4))
    for row in 0..<r.height {
      let i = scroll + row
      guard i < state.timeline.count else { break }
      let y = r.y + row
      let entry = state.timeline[i]
      let isSelected = state.selectedTimeline == i
      let inView = visible.contains(entry.span.start)
      let rowStyle: Style =
        isSelected
        ? (state.focus == .timeline ? theme.selection : theme.unfocusedSelection) : .plain
      if isSelected { buf.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: rowStyle) }
      var x = r.x
      // the selection's look in every list: the row lit and ▸ before it
      x = buf.write(isSelected ? "▸" : " ", x: x, y: y, limit: r.maxX, style: rowStyle)
      x = buf.write(
        inView ? "●" : " ", x: x, y: y, limit: r.maxX, style: isSelected ? rowStyle : theme.inView)
      let value = Screen.truncate(label(entry), valueWidth)
      let padded =
        value + String(repeating: " ", count: max(1, valueWidth + 1 - DisplayWidth.of(value)))
      x = buf.write(
        padded, x: x, y: y, limit: r.maxX,
        style: isSelected ? rowStyle : (inView ? theme.inView : theme.groupHeader))
      var text = doc.string(entry.span)
      let sentence = doc.string(entry.sentence)
      if !sentence.isEmpty && sentence != text { text += " · " + sentence }
      text = text.replacingNewlines()
      buf.write(
        Screen.truncate(text, r.maxX - x - 1), x: x, y: y, limit: r.maxX - 1, style: rowStyle)
    }
  }
}

extension String {
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
  }
}
