import ArticleModel

/// What the run loop must do after an action: the state itself does no I/O.
public enum Effect: Equatable, Sendable {
  case quit, redraw, suspend
  /// Show another of the files given: +1 the next, -1 the previous (the state has checked
  /// that there is one).
  case openFile(offset: Int)
  /// `G` on a long file shown from its head: its end is wanted (`FilePart`).
  case showEnd
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
  /// Searched with `?`: `n` goes on backward and `N` forward, as in less.
  public var backward = false
  /// Why there is no match, when the pattern is not a valid regular expression.
  public var problem: String?
  /// Searched as literal text (Ctrl-R), not as a regular expression.
  public var literal = false
}

/// less's `&`: only the paragraphs that match a pattern are shown.
public struct ParagraphFilter: Equatable, Sendable {
  public var pattern: String
  public var literal: Bool
  /// The document's paragraphs shown, by index, in order.
  public var paragraphs: [Int]
  /// How many paragraphs the document has.
  public var total: Int
}

/// The search prompt while it is open; keeps what Esc restores.
public struct SearchPrompt: Equatable, Sendable {
  public var text: String
  var savedTop: LinePosition
  var savedSearch: SearchState?
  var historyIndex: Int
  /// Opened with `?`.
  public var backward = false
  /// Ctrl-R: the text is searched literally, not as a regular expression.
  public var literal = false
  /// Opened with `&`: the pattern filters the paragraphs (on Enter), it is not searched.
  public var filter = false
  /// A count typed before `/` or `?`: Enter goes to the Nth match, as in less.
  var count = 1
}

/// The whole explorer as a value: what is shown, where, what is selected. `apply` and
/// `handle` change it; `Screen.render` draws it.
public struct ExplorerState {
  public private(set) var analysis: Analysis
  /// The title line's title and source: the whole document's, also while a part is shown.
  public internal(set) var title: String?
  public internal(set) var source: String?
  /// Which part of a long file is shown while the whole is read (nil: the whole).
  public internal(set) var part: FilePart.Kind?
  /// Keys that need the whole document, pressed while only a part is there: replayed when the
  /// whole comes (`takeWhole`), in order, with the keys pressed after them.
  public internal(set) var deferredKeys: [Key] = []
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
  /// The article wrapped to the pane's width (a new one on each width: see `resize`).
  public internal(set) var layout: ArticleLayout
  /// The search index: built in the background once the first frame is up (`adopt(index:)`),
  /// or by the first search that cannot wait (`readySearchIndex`).
  public internal(set) var searchIndex: SearchIndex?

  public private(set) var entityRows: [EntityRow]
  /// Entity indices in display order (the order j/k walk).
  public private(set) var entityOrder: [Int]
  /// Position in `entityOrder`, nil until something is selected.
  public internal(set) var selectedEntity: Int?
  var entityScroll = 0
  /// The Entities pane's order within each type group (`s` cycles it).
  public internal(set) var entitySort: EntitySort = .count
  /// The Entities pane's filter (`F`): only entities whose name or an alias contains it, case
  /// and accents aside. Empty: every entity.
  public internal(set) var entityFilter = ""
  /// The filter prompt is open: typed characters edit `entityFilter` live.
  public internal(set) var entityFilterEditing = false

  /// The timeline, in the model's order (the order `lede timeline` prints).
  public private(set) var timeline: [TimelineEntry]
  public internal(set) var selectedTimeline: Int?
  var timelineScroll = 0
  /// The Timeline pane shows the exact TIMEX3 values (`v`) instead of people's words.
  public internal(set) var timelineShowsValues = false

  /// Every mention of every entity, in text order.
  public private(set) var mentions: [MentionRef]
  public internal(set) var mentionCursor: Int?
  /// Where the reader is: the offset the last search match, mention or timeline jump went to.
  /// A mention jump starts from here when it is on screen (else from the top of the view).
  public internal(set) var readingAt: Int?

  public internal(set) var search: SearchState?
  /// `&`: only the paragraphs matching a pattern are shown (the layout shows only those).
  public internal(set) var paragraphFilter: ParagraphFilter?
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
  /// Digits typed before a key (less's and vim's N: `5j`, `100G`, `50%`, `3n`); the status line
  /// shows it, Esc cancels it, the next key takes it.
  public internal(set) var pendingCount: Int?
  enum MarkCommand { case set, go }

  /// A view of an analysis at a size; `layout`, when given, must be the document's at the
  /// article pane's width for that size (the `App` keeps them).
  public init(
    analysis: Analysis, size: Size, colorMode: ColorMode = .extended, layout: ArticleLayout? = nil
  ) {
    self.analysis = analysis
    self.title = analysis.document.title
    self.source = analysis.document.source
    self.theme = Theme(mode: colorMode)
    self.size = size
    self.layout =
      layout
      ?? ArticleLayout(document: analysis.document, width: PaneLayout.articleTextWidth(for: size))
    (entityRows, entityOrder, mentions, timeline) = Self.derive(analysis)
  }

  /// Takes a search index built in the background (unless a search already built one).
  public mutating func adopt(index: SearchIndex) {
    if searchIndex == nil { searchIndex = index }
  }

  /// The search index, built now if the background one has not come yet.
  mutating func readySearchIndex() -> SearchIndex {
    if let searchIndex { return searchIndex }
    let index = SearchIndex(scalars: analysis.document.scalars)
    searchIndex = index
    return index
  }

  /// Shows an analysis of the same document that finished after the first frame (the
  /// entity recogniser and the tagger take seconds on a book): the panes fill in, the
  /// view, search and focus stay.
  public mutating func adopt(_ newAnalysis: Analysis) {
    replaceAnalysis(newAnalysis)
    isAnalysing = false
  }

  /// A new analysis (of the same text, or of the whole of a file shown from a part): the
  /// lists are derived again and their selections dropped.
  mutating func replaceAnalysis(_ newAnalysis: Analysis) {
    analysis = newAnalysis
    (entityRows, entityOrder, mentions, timeline) = Self.derive(
      newAnalysis, sort: entitySort, filter: entityFilter)
    selectedEntity = nil
    selectedTimeline = nil
    mentionCursor = nil
    entityScroll = 0
    timelineScroll = 0
  }

  /// The Entities rows, the walk order, the mentions in text order and the timeline.
  static func derive(_ analysis: Analysis, sort: EntitySort = .count, filter: String = "")
    -> ([EntityRow], [Int], [MentionRef], [TimelineEntry])
  {
    let (rows, order) = entityList(analysis, sort: sort, filter: filter)
    var refs: [MentionRef] = []
    for (i, e) in analysis.entities.enumerated() {
      for m in e.mentions { refs.append(MentionRef(span: m, entity: i)) }
    }
    refs.sort { $0.span != $1.span ? $0.span < $1.span : $0.entity < $1.entity }

    return (rows, order, refs, analysis.timeline)
  }

  /// The Entities rows and walk order: grouped by type in the pane's order, each group sorted
  /// by `sort`, only the entities that pass `filter`.
  static func entityList(_ analysis: Analysis, sort: EntitySort, filter: String) -> (
    [EntityRow], [Int]
  ) {
    let needle = EntityFilter.folded(filter)
    let firstStart = analysis.entities.map { $0.mentions.map(\.start).min() ?? Int.max }
    var rows: [EntityRow] = []
    var order: [Int] = []
    for type in EntityType.allCases {
      let members = analysis.entities.indices.filter {
        analysis.entities[$0].type == type
          && (needle.isEmpty || EntityFilter.matches(analysis.entities[$0], needle))
      }
      guard !members.isEmpty else { continue }
      let sorted = members.sorted { a, b in
        let ea = analysis.entities[a]
        let eb = analysis.entities[b]
        let na = ea.name.lowercased()
        let nb = eb.name.lowercased()
        switch sort {
        case .count:
          if ea.mentions.count != eb.mentions.count {
            return ea.mentions.count > eb.mentions.count
          }
        case .name:
          if na != nb { return na < nb }
        case .firstAppearance:
          if firstStart[a] != firstStart[b] { return firstStart[a] < firstStart[b] }
        }
        return na != nb ? na < nb : a < b
      }
      rows.append(.header(type, count: sorted.count))
      for e in sorted {
        rows.append(.entity(e))
        order.append(e)
      }
    }
    return (rows, order)
  }

  /// Derives the Entities list again after a change of sort or filter; the selection stays on
  /// the same entity when it is still listed, else goes to the first listed one (or none).
  mutating func rebuildEntityList() {
    let was = selectedEntityIndex
    (entityRows, entityOrder) = Self.entityList(analysis, sort: entitySort, filter: entityFilter)
    entityScroll = 0
    if let was, let pos = entityOrder.firstIndex(of: was) {
      selectedEntity = pos
    } else if !entityOrder.isEmpty && (was != nil || focus == .entities) {
      selectedEntity = 0
    } else {
      selectedEntity = nil
    }
    if let c = mentionCursor, let e = selectedEntityIndex, mentions[c].entity != e {
      mentionCursor = nil
    }
    if selectedEntity != nil { keepEntitySelectionVisible() }
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
    if entityFilterEditing { return .filter }
    if showHelp { return .help }
    return .main
  }
}

/// The Entities pane's orders (within each type group).
public enum EntitySort: String, CaseIterable, Sendable {
  case count, name
  case firstAppearance = "first appearance"

  var next: EntitySort {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}

/// The Entities pane's filter: a substring of the name or an alias, case and accents aside
/// (the search's folding: `SearchIndex.fold`).
enum EntityFilter {
  static func folded(_ s: String) -> [UInt32] {
    s.unicodeScalars.map { SearchIndex.fold($0.value) }
  }

  static func matches(_ e: Entity, _ needle: [UInt32]) -> Bool {
    ([e.name] + e.aliases).contains { contains(folded($0), needle) }
  }

  static func contains(_ hay: [UInt32], _ needle: [UInt32]) -> Bool {
    guard needle.count <= hay.count else { return false }
    if needle.isEmpty { return true }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
      if hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}
