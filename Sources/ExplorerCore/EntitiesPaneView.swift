import ArticleModel

/// Draws the Entities pane: groups by type, each entity with its mention count.
enum EntitiesPaneView {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer, _ r: Rect) {
    guard !r.isEmpty else { return }
    let theme = state.theme
    if state.entityRows.isEmpty {
      buf.write(
        state.isAnalysing ? " Finding entities…" : " No entities found.", x: r.x, y: r.y,
        limit: r.maxX, style: theme.dimText)
      return
    }
    let selectedRow = state.selectedEntityIndex.flatMap {
      state.entityRows.firstIndex(of: .entity($0))
    }
    let scroll = state.entityWindow(height: r.height)
    for row in 0..<r.height {
      let i = scroll + row
      guard i < state.entityRows.count else { break }
      let y = r.y + row
      switch state.entityRows[i] {
      case .header(let type, let count):
        buf.write(
          " \(EntityGroupNames.plural(type)) (\(count))", x: r.x, y: y, limit: r.maxX,
          style: theme.groupHeader)
      case .entity(let e):
        let entity = state.analysis.entities[e]
        let isSelected = i == selectedRow
        let rowStyle: Style =
          isSelected
          ? (state.focus == .entities ? theme.selection : theme.unfocusedSelection) : .plain
        if isSelected { buf.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: rowStyle) }
        let count = String(entity.mentions.count)
        let cw = count.count
        let nameRoom = r.width - 5 - cw  // a space between a cut name and its count
        let nameStyle = isSelected ? rowStyle : theme.mention(entity.type)
        buf.write(
          (isSelected ? " ▸ " : "   ") + Screen.truncate(entity.name, nameRoom), x: r.x, y: y,
          limit: r.maxX - cw - 1, style: nameStyle)
        buf.write(
          count, x: r.maxX - cw - 1, y: y, limit: r.maxX,
          style: isSelected ? rowStyle : theme.dimText)
      }
    }
  }
}
