import ArticleModel

/// What the run loop must do after an action: the state itself does no I/O.
public enum Effect: Equatable, Sendable {
  case quit, redraw, suspend
  /// Show another of the files given: +1 the next, -1 the previous (the state has checked
  /// that there is one).
  case openFile(offset: Int)
}

/// Input after decoding: keys, resizes and (with --mouse) clicks and the wheel.
public enum InputEvent: Equatable, Sendable {
  case key(Key)
  case resize(Size)
  case click(x: Int, y: Int)
  /// Wheel: positive scrolls down.
  case wheel(lines: Int, x: Int, y: Int)
}

/// One mention in text order, with the entity it belongs to (an index into `entities`).
public struct MentionRef: Hashable, Sendable {
  public var span: Span
  public var entity: Int
}

/// A row of the Entities pane: a group header or an entity (index into `analysis.entities`).
public enum EntityRow: Hashable, Sendable {
  case header(EntityType, count: Int)
  case entity(Int)
}

/// The active search: its pattern, every match and the current one.
public struct SearchState: Equatable, Sendable {
  public var pattern: String
  public var matches: [Span]
  public var current: Int?
}

/// The search prompt while it is open; keeps what Esc restores.
public struct SearchPrompt: Equatable, Sendable {
  public var text: String
  var savedTop: LinePosition
  var savedSearch: SearchState?
  var historyIndex: Int
}

/// The whole explorer as a value: what is shown, where, what is selected. `apply` and
/// `handle` change it; `Screen.render` draws it.
public struct ExplorerState {
  public private(set) var analysis: Analysis
  /// True while the entities and timeline are still being found (see `adopt`).
  public var isAnalysing = false
  public let theme: Theme
  /// Which of the files given is shown (from 0) and how many there are; the title line shows
  /// "2/5" when there are several, and `}` `{` ask the run loop for the others.
  public var fileIndex = 0
  public var fileCount = 1
  public internal(set) var size: Size
  public var focus: Pane = .article
  /// The article's first visible display line.
  public internal(set) var top: LinePosition = .top
  public let layout: ArticleLayout
  let searchIndexBox: LazySearchIndex
  /// The search index (built on first use, or ahead by `prepareInBackground`).
  public var searchIndex: SearchIndex { searchIndexBox.index }

  public private(set) var entityRows: [EntityRow]
  /// Entity indices in display order (the order j/k walk).
  public private(set) var entityOrder: [Int]
  /// Position in `entityOrder`, nil until something is selected.
  public internal(set) var selectedEntity: Int?
  var entityScroll = 0

  /// The timeline in display order: dated entries chronologically, then the rest.
  public private(set) var timeline: [TimelineEntry]
  public internal(set) var selectedTimeline: Int?
  var timelineScroll = 0

  /// Every mention of every entity, in text order.
  public private(set) var mentions: [MentionRef]
  public internal(set) var mentionCursor: Int?

  public internal(set) var search: SearchState?
  public internal(set) var prompt: SearchPrompt?
  public internal(set) var history: [String] = []

  public internal(set) var showHelp = false
  var helpScroll = 0
  /// A one-shot status message, cleared by the next key.
  public internal(set) var message: String?
  /// The sentence a timeline jump marked.
  public internal(set) var markedSentence: Span?
  /// Marks set with `m` and a letter, as in less: the article offset of the top line.
  public internal(set) var marks: [Character: Int] = [:]
  /// The top line's offset before the last jump: `''` goes back there (and `''` again returns).
  public internal(set) var lastJumpFrom: Int?
  /// `m` or `'` waiting for its letter.
  var pendingMark: MarkCommand?
  enum MarkCommand { case set, go }

  public init(analysis: Analysis, size: Size, colorMode: ColorMode = .extended) {
    self.analysis = analysis
    self.theme = Theme(mode: colorMode)
    self.size = size
    self.layout = ArticleLayout(
      document: analysis.document, width: PaneLayout.articleTextWidth(for: size))
    self.searchIndexBox = LazySearchIndex(scalars: analysis.document.scalars)

    (entityRows, entityOrder, mentions, timeline) = Self.derive(analysis)
  }

  /// Takes what outlives a file from the state of the file shown before: the search history.
  public mutating func carryOver(from previous: ExplorerState) {
    history = previous.history
  }

  /// Builds what the first search needs on another thread (call after the first frame).
  public func prepareInBackground() { searchIndexBox.prebuild() }

  /// Shows an analysis of the same document that finished after the first frame (the
  /// entity recogniser and the tagger take seconds on a book): the panes fill in, the
  /// view, search and focus stay.
  public mutating func adopt(_ newAnalysis: Analysis) {
    analysis = newAnalysis
    isAnalysing = false
    (entityRows, entityOrder, mentions, timeline) = Self.derive(newAnalysis)
    selectedEntity = nil
    selectedTimeline = nil
    mentionCursor = nil
    entityScroll = 0
    timelineScroll = 0
  }

  /// The Entities rows, the walk order, the mentions in text order and the sorted timeline.
  static func derive(_ analysis: Analysis) -> ([EntityRow], [Int], [MentionRef], [TimelineEntry]) {
    // Entities: grouped by type in the pane's order, most mentioned first.
    var rows: [EntityRow] = []
    var order: [Int] = []
    for type in EntityType.allCases {
      let members = analysis.entities.indices.filter { analysis.entities[$0].type == type }
      guard !members.isEmpty else { continue }
      let sorted = members.sorted { a, b in
        let ea = analysis.entities[a]
        let eb = analysis.entities[b]
        if ea.mentions.count != eb.mentions.count { return ea.mentions.count > eb.mentions.count }
        return ea.name.lowercased() < eb.name.lowercased()
      }
      rows.append(.header(type, count: sorted.count))
      for e in sorted {
        rows.append(.entity(e))
        order.append(e)
      }
    }

    var refs: [MentionRef] = []
    for (i, e) in analysis.entities.enumerated() {
      for m in e.mentions { refs.append(MentionRef(span: m, entity: i)) }
    }
    refs.sort { $0.span != $1.span ? $0.span < $1.span : $0.entity < $1.entity }

    let dated = analysis.timeline.enumerated().filter { Self.isDated($0.element) }
    let undated = analysis.timeline.enumerated().filter { !Self.isDated($0.element) }
    let timeline =
      dated.sorted {
        $0.element.value != $1.element.value
          ? $0.element.value < $1.element.value : $0.offset < $1.offset
      }
      .map(\.element)
      + undated.sorted { $0.element.span.start < $1.element.span.start }.map(\.element)
    return (rows, order, refs, timeline)
  }

  /// Dated: a value that starts with a year ("2014-04", "2010", "199" for the 1990s).
  static func isDated(_ e: TimelineEntry) -> Bool {
    guard let f = e.value.unicodeScalars.first else { return false }
    return ("0"..."9").contains(f)
  }

  // MARK: - Geometry helpers

  public var paneLayout: PaneLayout { PaneLayout(size: size, focus: focus) }
  var textHeight: Int { PaneLayout.articleTextHeight(for: size) }

  /// Offsets of the article shown now: [first scalar, last scalar + 1).
  public var visibleRange: Range<Int> {
    let first = layout.startOffset(top)
    let last = layout.advance(top, by: textHeight - 1)
    return first..<max(first, layout.endOffset(last))
  }

  /// The entity selected in the Entities pane, as an index into `analysis.entities`.
  public var selectedEntityIndex: Int? {
    guard let s = selectedEntity, s < entityOrder.count else { return nil }
    return entityOrder[s]
  }

  /// The input scope the next key is looked up in.
  public var scope: KeyScope {
    if prompt != nil { return .prompt }
    if showHelp { return .help }
    return .main
  }
}
