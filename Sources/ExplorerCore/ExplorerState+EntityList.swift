import ArticleModel

// MARK: - The Entities pane's filter and sort (`F`, `s`)

extension ExplorerState {
  /// `F`: focuses the Entities pane and opens the filter prompt on the filter in effect.
  mutating func openEntityFilter() {
    if focus != .entities { focusPane(.entities) }
    entityFilterEditing = true
  }

  /// A typed character narrows the list at once.
  mutating func typeEntityFilter(_ c: Character) {
    // Control characters never reach the filter (nor, through it, the status line).
    guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return }
    setEntityFilter(entityFilter + String(c), editing: true)
  }

  /// Enter: keeps the filter (an empty one is no filter) and closes the prompt.
  mutating func confirmEntityFilter() {
    entityFilterEditing = false
    if !entityFilter.isEmpty && entityOrder.isEmpty { message = "No entity matches “\(entityFilter)”" }
  }

  mutating func setEntityFilter(_ text: String, editing: Bool) {
    entityFilterEditing = editing
    guard text != entityFilter else { return }
    entityFilter = text
    rebuildEntityList()
  }

  /// `s`: the next order of the Entities pane, count → name → first appearance.
  mutating func sortEntities() {
    entitySort = entitySort.next
    rebuildEntityList()
    message = "Entities by \(entitySort.rawValue)"
  }

  /// The Entities pane's header after its name: "(27)", or "(3 of 27) · filter: kor", and the
  /// order when it is not the default.
  public var entityHeaderDetail: String {
    if isAnalysing { return " (…)" }
    var s =
      entityFilter.isEmpty && !entityFilterEditing
      ? " (\(entityOrder.count))"
      : " (\(entityOrder.count) of \(analysis.entities.count)) · filter: \(entityFilter)"
    if entitySort != .count { s += " · by \(entitySort.rawValue)" }
    return s
  }
}
