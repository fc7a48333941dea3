import ArticleModel

// MARK: - A long file shown from a part

extension ExplorerState {
  /// Whether a key must wait for the whole document: searching, Ctrl-G, marks, and scrolling
  /// past the end of the head (or above the start of the tail).
  func needsWholeDocument(_ key: Key) -> Bool {
    guard let part, scope == .main, pendingMark == nil,
      let action = KeyMap.action(for: key, in: .main)
    else { return false }
    let inArticle = focus == .article && !showHelp
    switch action {
    case .search, .nextMatch, .previousMatch, .fileInfo, .goToMark, .setMark, .filterParagraphs,
      .nextMention, .previousMention, .nextMentionOfEntity, .previousMentionOfEntity,
      .goToPercent, .nextHeading, .previousHeading:
      return true
    // line N is somewhere in the whole
    case .top where pendingCount != nil, .bottom where pendingCount != nil: return inArticle
    case .top: return inArticle && part == .tail
    case .lineDown, .pageDown, .halfPageDown:
      guard inArticle, part == .head else { return false }
      return layout.advance(top, by: amount(action)) >= layout.maxTop(height: textHeight)
    case .lineUp, .pageUp, .halfPageUp:
      guard inArticle, part == .tail else { return false }
      return layout.advance(top, by: -amount(action)) == .top
    default:
      return false
    }
  }

  func amount(_ action: Action) -> Int {
    switch action {
    case .lineDown, .lineUp: return max(1, pendingCount ?? 1)
    case .pageDown, .pageUp: return pendingCount ?? page
    default: return pendingCount ?? max(1, page / 2)
    }
  }

  /// A key while a part is shown: kept for later if it (or a key before it) needs the whole;
  /// `G` on the head asks for the tail. Nil when the key can be handled now.
  mutating func deferIfPartial(_ key: Key) -> [Effect]? {
    guard part != nil, key != .ctrl("c") else { return nil }
    if deferredKeys.isEmpty, part == .head, focus == .article, !showHelp, scope == .main,
      pendingMark == nil, pendingCount == nil, KeyMap.action(for: key, in: .main) == .bottom
    {
      deferredKeys.append(key)
      message = "Reading the end of the file…"
      return [.showEnd]
    }
    guard !deferredKeys.isEmpty || needsWholeDocument(key) else { return nil }
    // the count typed before the key goes with it
    if let n = pendingCount {
      deferredKeys += String(n).map { Key.char($0) }
      pendingCount = nil
    }
    deferredKeys.append(key)
    let waiting = deferredKeys.map(\.name).joined(separator: " ")
    message = "Reading the rest of the file… (\(waiting) will follow)"
    return []
  }

  /// Shows the tail of a long file shown from its head, at its end (`G`).
  public mutating func showTail(_ tail: Document, layout newLayout: ArticleLayout? = nil) {
    guard part == .head else { return }
    if deferredKeys.first.map({ KeyMap.action(for: $0, in: .main) == .bottom }) == true {
      deferredKeys.removeFirst()
    }
    // the head's offsets are the whole's: '' comes back here once the whole is read
    lastJumpFrom = layout.startOffset(top)
    replaceDocument(tail, layout: newLayout)
    part = .tail
    top = layout.maxTop(height: textHeight)
    message = deferredKeys.isEmpty ? nil : message
  }

  /// Takes the whole document of a file shown from a part: the view stays where it was, and the
  /// keys that waited for it are replayed (their effects returned).
  public mutating func takeWhole(_ whole: Document, layout newLayout: ArticleLayout? = nil)
    -> [Effect]
  {
    guard let part else { return [] }
    let atEnd = top >= layout.maxTop(height: textHeight)
    var anchor = layout.startOffset(top)
    if part == .tail { anchor += whole.scalars.count - analysis.document.scalars.count }
    replaceDocument(whole, layout: newLayout)
    title = whole.title
    source = whole.source
    self.part = nil
    top = part == .tail && atEnd ? layout.maxTop(height: textHeight) : clampTop(layout.position(of: anchor))
    let keys = deferredKeys
    deferredKeys = []
    if !keys.isEmpty { message = nil }
    var effects: [Effect] = []
    for key in keys { effects += handle(.key(key)) }
    return effects
  }

  mutating func replaceDocument(_ document: Document, layout newLayout: ArticleLayout?) {
    let analysis = Analysis(
      document: document, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
    replaceAnalysis(analysis)
    paragraphFilter = nil
    let width = PaneLayout.articleTextWidth(for: size)
    if let newLayout, newLayout.width == max(1, width) {
      layout = newLayout
    } else {
      layout = ArticleLayout(document: document, width: width)
    }
    searchIndex = nil
  }
}
