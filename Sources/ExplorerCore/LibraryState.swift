import ArticleModel
import Foundation

/// What the run loop must do after a key in the Library view (the state does no I/O).
public enum LibraryEffect: Equatable, Sendable {
  case quit, redraw, suspend
  /// Show an article in the three panes; `at`: go to this place in it (a mention, a match, a
  /// date) and mark `sentence`.
  case open(file: Int, at: Span?, sentence: Span?)
  /// Ask the index (answered by `LibraryState.take`).
  case query(LibraryQuery)
}

/// The Library view as a value: the articles and the library's entities, the list shown, its
/// order, its filter (typed, as in fzf), the entity chosen with its articles and every mention
/// (the concordance), and the timeline. `handle` changes it; `LibraryView.draw` draws it.
public struct LibraryState {
  public enum List: Int, CaseIterable, Sendable {
    case articles, entities, mentions, timeline, search

    public var title: String {
      switch self {
      case .articles: return "Articles"
      case .entities: return "Entities"
      case .mentions: return "Mentions"
      case .timeline: return "Timeline"
      case .search: return "Search"
      }
    }
  }

  public enum ArticleOrder: String, CaseIterable, Sendable { case date, title, source }
  public enum EntityOrder: String, CaseIterable, Sendable { case articles, mentions, name }

  /// The files given, in order; `articles[file]` is each one's row.
  public let paths: [String]
  public internal(set) var articles: [LibraryArticle]
  /// How many of the files the index holds (the others are listed by name).
  public internal(set) var indexedCount = 0
  public internal(set) var entities: [LibraryEntityItem] = []
  /// Whether the entities have been read from the index (they come after the first frame).
  public internal(set) var entitiesRead = false
  public internal(set) var size: Size
  public let theme: Theme
  public internal(set) var list: List = .articles
  public internal(set) var articleOrder: ArticleOrder = .date
  public internal(set) var entityOrder: EntityOrder = .articles
  /// The filter typed for each list.
  public internal(set) var filters: [List: String] = [:]
  /// What each list shows, in order: indices into `articles`, `entities`, `concordance`,
  /// `timelineItems`.
  public internal(set) var rows: [List: [Int]] = [:]
  /// The selected row of each list (a place in `rows[list]`).
  public internal(set) var selection: [List: Int] = [:]
  var scrolls: [List: Int] = [:]
  /// The entity chosen (Enter in Entities, or `L` on an article's entity): the Articles list
  /// shows the articles that mention it, Mentions every mention.
  public internal(set) var chosen: LibraryEntityItem?
  /// Mentions per article of the entity chosen.
  public internal(set) var chosenCounts: [Int: Int]?
  public internal(set) var concordance: [LibraryMention] = []
  public internal(set) var timelineItems: [LibraryTimelineItem] = []
  /// The matches of the pattern typed in the Search list, article by article with context.
  public internal(set) var searchResults: [LibraryMention] = []
  /// The pattern `searchResults` are of.
  public internal(set) var searchedFor = ""
  /// Whose timeline `timelineItems` is (`.some(nil)`: the whole library's; nil: not asked).
  var timelineOf: Int64??
  /// No index: the view lists one article's mentions of an entity (`M` on a single file).
  public internal(set) var articleOnly = false
  /// The list to show when the entity asked for comes (`M` in a library).
  var listOnAnswer: List?
  /// Indexing in the background: files done of total.
  public internal(set) var progress: (done: Int, total: Int)?
  /// A one-shot message, cleared by the next key.
  public internal(set) var message: String?
  /// What an answer from the index is awaited for ("Finding the articles of Tony Blair…").
  public internal(set) var waiting: String?

  // Sorted orders and folded texts for the filter, made when first needed.
  var articleSorted: [Int] = []
  var entitySorted: [Int] = []
  var articleKeys: [[UInt8]]?
  var entityKeys: [[UInt8]]?
  var entityOrders: [EntityOrder: [Int]] = [:]
  var concordanceKeys: [[UInt8]]?
  var timelineKeys: [[UInt8]]?

  public init(paths: [String], size: Size, colorMode: ColorMode = .extended) {
    self.paths = paths
    self.size = size
    self.theme = Theme(mode: colorMode)
    articles = paths.indices.map { LibraryArticle(file: $0) }
    sortArticles()
    refilter(.articles)
    rows[.entities] = []
    rows[.mentions] = []
    rows[.timeline] = []
    rows[.search] = []
  }

  // MARK: - Data from the index

  /// Takes the articles the index holds: they fill their rows. The selection stays on the same
  /// article.
  public mutating func take(_ snapshot: LibrarySnapshot) {
    // the first rows read from the index: the first row selected, not the file that was first
    let keptArticle = indexedCount == 0 ? nil : selectedItem(.articles)
    var rowsByFile = paths.indices.map { LibraryArticle(file: $0) }
    var count = 0
    for a in snapshot.articles where rowsByFile.indices.contains(a.file) {
      rowsByFile[a.file] = a
      count += 1
    }
    articles = rowsByFile
    indexedCount = count
    articleKeys = nil
    sortArticles()
    refilter(.articles, keep: keptArticle)
  }

  /// The library's entities with what the list needs made off the loop (their folded texts for
  /// the filter and their three orders): 15,000 entities take tens of milliseconds to sort.
  public struct EntityTable: Sendable {
    var items: [LibraryEntityItem]
    var keys: [[UInt8]]
    var orders: [EntityOrder: [Int]]

    public init(_ items: [LibraryEntityItem]) {
      self.items = items
      keys = items.map { e in LibraryState.fold(([e.name] + e.aliases).joined(separator: " ")) }
      var o: [EntityOrder: [Int]] = [:]
      for order in EntityOrder.allCases { o[order] = LibraryState.sorted(items, by: order) }
      orders = o
    }
  }

  /// Takes the library's entities (read after the first frame); the selection stays on the
  /// same entity.
  public mutating func take(entities table: EntityTable) {
    let keptEntity = selectedItem(.entities).map { entities[$0].id }
    entities = table.items
    entitiesRead = true
    entityKeys = table.keys
    entityOrders = table.orders
    sortEntities()
    refilter(.entities, keep: keptEntity.flatMap { id in entities.firstIndex { $0.id == id } })
  }

  /// Takes an answer from the index.
  public mutating func take(_ answer: LibraryAnswer) {
    waiting = nil
    switch answer {
    case .entities(let list):
      take(entities: EntityTable(list))
    case .entity(let item, let counts, let mentions):
      chosen = item
      chosenCounts = Dictionary(counts.map { ($0.file, $0.mentions) }, uniquingKeysWith: +)
      concordance = mentions
      concordanceKeys = nil
      filters[.articles] = nil
      filters[.mentions] = nil
      selection[.mentions] = 0
      if list == .entities { list = .articles }
      if let l = listOnAnswer {
        list = l
        listOnAnswer = nil
      }
      refilter(.articles)
      selection[.articles] = 0
      refilter(.mentions)
      if timelineOf != nil { timelineOf = nil }
      message =
        "\(item.name): \(item.articles) article\(item.articles == 1 ? "" : "s"), \(item.mentions) mention\(item.mentions == 1 ? "" : "s") (Tab Tab: every mention; Esc: all articles)"
    case .timeline(let entity, let items):
      guard entity == chosen?.id else { return }
      timelineItems = items
      timelineOf = .some(entity)
      timelineKeys = nil
      refilter(.timeline)
    case .search(let pattern, let matches):
      // an answer to a pattern since changed is dropped
      guard pattern == (filters[.search] ?? "") else { return }
      searchResults = matches
      searchedFor = pattern
      refilter(.search)
      let files = Set(matches.map(\.file)).count
      message =
        matches.isEmpty
        ? "No match for “\(pattern)”"
        : "\(matches.count) match\(matches.count == 1 ? "" : "es") in \(files) article\(files == 1 ? "" : "s") (Enter: go there; n N in the article: the next one)"
    case .none(let line):
      message = line
    }
  }

  /// Indexing progress (nil when done).
  public mutating func setProgress(_ p: (done: Int, total: Int)?) { progress = p }

  public mutating func note(_ text: String) { message = text }

  public mutating func resize(to newSize: Size) { size = newSize }

  // MARK: - Keys

  public mutating func handle(_ key: Key) -> [LibraryEffect] {
    message = nil
    if let action = KeyMap.action(for: key, in: .library) { return apply(action) }
    if case .char(let c) = key {
      type(c)
      return list == .search ? searchAgain() : []
    }
    message = "Unbound key \(key.name) in the library (its keys are in the help of an article: ?)"
    return []
  }

  mutating func apply(_ action: Action) -> [LibraryEffect] {
    switch action {
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    case .lineDown: move(1)
    case .lineUp: move(-1)
    case .pageDown: move(listHeight)
    case .pageUp: move(-listHeight)
    case .top: select(0)
    case .bottom: select((rows[list]?.count ?? 0) - 1)
    case .focusNextPane: return show(List(rawValue: (list.rawValue + 1) % List.allCases.count)!)
    case .focusPreviousPane:
      return show(
        List(rawValue: (list.rawValue + List.allCases.count - 1) % List.allCases.count)!)
    case .sortList: sort()
    case .deleteBackward:
      if var f = filters[list], !f.isEmpty {
        f.removeLast()
        filters[list] = f
        if list == .search { return searchAgain() }
        refilter(list)
      }
    case .close:
      if let f = filters[list], !f.isEmpty {
        filters[list] = nil
        if list == .search { return searchAgain() }
        refilter(list)
      } else if chosen != nil {
        let kept = selectedItem(.articles)
        chosen = nil
        chosenCounts = nil
        concordance = []
        concordanceKeys = nil
        refilter(.mentions)
        if list == .mentions { list = .articles }
        if list == .timeline { return show(.timeline) }
        refilter(.articles, keep: kept)
      }
    case .activate: return activate()
    default: break
    }
    return []
  }

  /// One article's mentions of one of its entities, without an index (`M` on a single file).
  public mutating func showMentions(of item: LibraryEntityItem, _ mentions: [LibraryMention]) {
    chosen = item
    chosenCounts = [:]
    for m in mentions { chosenCounts![m.file, default: 0] += 1 }
    concordance = mentions
    concordanceKeys = nil
    filters[.mentions] = nil
    refilter(.mentions)
    refilter(.articles)
    list = .mentions
    message = "\(item.name): \(mentions.count) mention\(mentions.count == 1 ? "" : "s") (Enter: go there; L: back)"
  }

  /// Shows a list; the timeline is asked for the first time it is shown for the entity chosen.
  mutating func show(_ l: List) -> [LibraryEffect] {
    if articleOnly {
      message = "One article: its mentions only (several files or a folder have the library)"
      return []
    }
    list = l
    if l == .mentions && chosen == nil {
      message = "No entity chosen: choose one in Entities (Enter) to list its mentions"
    }
    if l == .timeline, timelineOf == nil || timelineOf! != chosen?.id {
      waiting = "Reading the timeline…"
      return [.query(.timeline(entity: chosen?.id))]
    }
    return []
  }

  mutating func activate() -> [LibraryEffect] {
    guard let item = selectedItem(list) else {
      message = "Nothing to open"
      return []
    }
    switch list {
    case .articles:
      let file = articles[item].file
      if let e = chosen, let first = concordance.first(where: { $0.file == file }) {
        let here = chosenCounts?[file] ?? 1
        message = "\(e.name): \(here) mention\(here == 1 ? "" : "s") here · article \(articleOrdinal(file)) · ] next"
        return [.open(file: file, at: first.span, sentence: nil)]
      }
      return [.open(file: file, at: nil, sentence: nil)]
    case .entities:
      let e = entities[item]
      waiting = "Finding the articles that mention \(e.name)…"
      return [.query(.entity(id: e.id))]
    case .mentions:
      let m = concordance[item]
      return [.open(file: m.file, at: m.span, sentence: nil)]
    case .timeline:
      let t = timelineItems[item]
      let sentence = Span(t.sentenceStart, t.sentenceStart + t.sentence.unicodeScalars.count)
      return [.open(file: t.file, at: t.span, sentence: sentence)]
    case .search:
      let m = searchResults[item]
      message = "“\(searchedFor)” \(rows[.search]!.firstIndex(of: item)! + 1)/\(searchResults.count) · n N: the next, the previous"
      return [.open(file: m.file, at: m.span, sentence: nil)]
    }
  }

  /// The item under the selection of a list (an index into its array).
  public func selectedItem(_ l: List) -> Int? {
    guard let r = rows[l], !r.isEmpty else { return nil }
    let s = min(max(0, selection[l] ?? 0), r.count - 1)
    return r[s]
  }

  /// Rows a page of the list shows.
  public var listHeight: Int { max(1, size.height - 3) }

  mutating func move(_ n: Int) { select((selection[list] ?? 0) + n) }

  mutating func select(_ i: Int) {
    let count = rows[list]?.count ?? 0
    selection[list] = max(0, min(i, count - 1))
    let s = selection[list]!
    let h = listHeight
    var top = scrolls[list] ?? 0
    if s < top { top = s }
    if s >= top + h { top = s - h + 1 }
    scrolls[list] = max(0, top)
  }

  /// The first row shown of a list.
  public func window(_ l: List) -> Int {
    let count = rows[l]?.count ?? 0
    let h = listHeight
    var top = min(scrolls[l] ?? 0, max(0, count - h))
    let s = selection[l] ?? 0
    if s < top { top = s }
    if s >= top + h { top = s - h + 1 }
    return max(0, top)
  }

  // MARK: - The walk across articles (`]` `[` `*` `#` with an entity chosen)

  /// The articles in the order of the Articles list as shown (its order and filter); the
  /// walk goes through them in that order.
  var walkOrder: [Int] { (rows[.articles] ?? []).map { articles[$0].file } }

  /// A file's place in the walk (files not in the list come after, in file order).
  func walkRank(_ file: Int) -> Int {
    (walkOrder.firstIndex(of: file) ?? (articles.count + file))
  }

  /// The chosen entity's mentions in walk order: article by article as the list shows them,
  /// text order within each; the article the reader is in is kept even when filtered out.
  func walk(from current: Int) -> [LibraryMention] {
    let order = walkOrder
    var rank: [Int: Int] = [:]
    for (i, f) in order.enumerated() where rank[f] == nil { rank[f] = i }
    return concordance.filter { rank[$0.file] != nil || $0.file == current }.sorted { a, b in
      let ra = rank[a.file] ?? (articles.count + a.file)
      let rb = rank[b.file] ?? (articles.count + b.file)
      return ra != rb ? ra < rb : a.span.start < b.span.start
    }
  }

  /// "3/168": where an article is in the walk.
  func articleOrdinal(_ file: Int) -> String {
    let order = walkOrder
    return "\((order.firstIndex(of: file) ?? 0) + 1)/\(order.count)"
  }

  // MARK: - Sorting

  mutating func sort() {
    switch list {
    case .articles:
      let all = ArticleOrder.allCases
      articleOrder = all[(all.firstIndex(of: articleOrder)! + 1) % all.count]
      let kept = selectedItem(.articles)
      sortArticles()
      refilter(.articles, keep: kept)
      message = "Articles by \(articleOrder.rawValue)"
    case .entities:
      let all = EntityOrder.allCases
      entityOrder = all[(all.firstIndex(of: entityOrder)! + 1) % all.count]
      let kept = selectedItem(.entities)
      sortEntities()
      refilter(.entities, keep: kept)
      message = "Entities by \(entityOrder == .name ? "name" : "number of \(entityOrder.rawValue)")"
    case .mentions, .search: message = "\(list.title): in text order, article by article"
    case .timeline: message = "The timeline is in date order"
    }
  }

  mutating func sortArticles() {
    let a = articles
    func name(_ i: Int) -> String { Self.fileName(paths[i]) }
    func key(_ i: Int) -> String? {
      switch articleOrder {
      case .date: return a[i].date
      case .title: return a[i].title?.lowercased() ?? name(i).lowercased()
      case .source: return (a[i].source ?? Self.folderName(paths[i])).lowercased()
      }
    }
    let keys = a.indices.map(key)
    articleSorted = a.indices.sorted { x, y in
      switch (keys[x], keys[y]) {
      case (nil, nil): return paths[x] < paths[y]
      case (nil, _): return false
      case (_, nil): return true
      case (let kx?, let ky?): return kx != ky ? kx < ky : paths[x] < paths[y]
      }
    }
  }

  mutating func sortEntities() {
    if let known = entityOrders[entityOrder], known.count == entities.count {
      entitySorted = known
    } else {
      entitySorted = Self.sorted(entities, by: entityOrder)
    }
  }

  static func sorted(_ e: [LibraryEntityItem], by order: EntityOrder) -> [Int] {
    switch order {
    case .articles:
      return e.indices.sorted { x, y in
        e[x].articles != e[y].articles
          ? e[x].articles > e[y].articles
          : e[x].mentions != e[y].mentions ? e[x].mentions > e[y].mentions : e[x].name < e[y].name
      }
    case .mentions:
      return e.indices.sorted { x, y in
        e[x].mentions != e[y].mentions
          ? e[x].mentions > e[y].mentions
          : e[x].articles != e[y].articles ? e[x].articles > e[y].articles : e[x].name < e[y].name
      }
    case .name:
      let names = e.map { $0.name.lowercased() }
      return e.indices.sorted { names[$0] != names[$1] ? names[$0] < names[$1] : $0 < $1 }
    }
  }

  // MARK: - Filtering (typed, fzf-like: every word typed must be in the row)

  /// In the Search list the text typed is the pattern: each change asks the index again.
  mutating func searchAgain() -> [LibraryEffect] {
    let pattern = filters[.search] ?? ""
    if pattern.trimmingCharacters(in: .whitespaces).isEmpty {
      searchResults = []
      searchedFor = ""
      refilter(.search)
      return []
    }
    waiting = "Searching the library for “\(pattern)”…"
    return [.query(.search(pattern))]
  }

  mutating func type(_ c: Character) {
    let old = filters[list] ?? ""
    filters[list] = old + String(c)
    // a longer filter keeps a subset of the rows: only those are looked at again
    refilter(list, narrowing: !old.isEmpty)
  }

  /// Recomputes a list's rows from its order, the entity chosen and its filter; the selection
  /// goes to `keep` when it is still shown, else to the first row.
  mutating func refilter(_ l: List, keep: Int? = nil, narrowing: Bool = false) {
    let base: [Int]
    if narrowing, let current = rows[l] {
      base = current
    } else {
      switch l {
      case .articles:
        if let counts = chosenCounts {
          base = articleSorted.filter { counts[articles[$0].file] != nil }
        } else {
          base = articleSorted
        }
      case .entities: base = entitySorted
      case .mentions: base = Array(concordance.indices)
      case .timeline: base = Array(timelineItems.indices)
      case .search: base = Array(searchResults.indices)
      }
    }
    if l == .search {
      // the pattern is the index's to match, not a filter
      rows[l] = base
      selection[l] = 0
      scrolls[l] = 0
      return
    }
    let terms = (filters[l] ?? "").split(separator: " ").map { Self.fold(String($0)) }
    var shown = base
    if !terms.isEmpty {
      let keys = filterKeys(l)
      shown = base.filter { i in terms.allSatisfy { Self.contains(keys[i], $0) } }
    }
    rows[l] = shown
    if let keep, let at = shown.firstIndex(of: keep) {
      selection[l] = at
    } else {
      selection[l] = 0
      scrolls[l] = 0
    }
  }

  /// The folded text each row of a list is filtered on (made once).
  mutating func filterKeys(_ l: List) -> [[UInt8]] {
    switch l {
    case .articles:
      if let k = articleKeys { return k }
      let k = articles.map { a in
        Self.fold(
          [a.title ?? "", a.source ?? "", a.date ?? "", paths[a.file]].joined(separator: " ") + " "
            + a.topEntities.joined(separator: " "))
      }
      articleKeys = k
      return k
    case .entities:
      if let k = entityKeys { return k }
      let k = entities.map { e in Self.fold(([e.name] + e.aliases).joined(separator: " ")) }
      entityKeys = k
      return k
    case .mentions:
      if let k = concordanceKeys { return k }
      let k = concordance.map { m in Self.fold(m.sentence + " " + paths[m.file]) }
      concordanceKeys = k
      return k
    case .timeline:
      if let k = timelineKeys { return k }
      let k = timelineItems.map { t in Self.fold(t.value + " " + t.sentence) }
      timelineKeys = k
      return k
    case .search:
      return []
    }
  }

  /// Lower case without accents, as UTF-8 (the filter's "case and accents aside").
  static func fold(_ s: String) -> [UInt8] {
    if s.utf8.allSatisfy({ $0 < 0x80 }) {
      return s.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }
    }
    return Array(
      s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        .utf8)
  }

  static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    if needle.isEmpty { return true }
    let n = needle.count
    guard hay.count >= n else { return false }
    let first = needle[0]
    var i = 0
    let last = hay.count - n
    while i <= last {
      if hay[i] == first {
        var j = 1
        while j < n && hay[i + j] == needle[j] { j += 1 }
        if j == n { return true }
      }
      i += 1
    }
    return false
  }

  // MARK: - Names

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// "politics/106.txt": a file and its folder (a folder of folders has many 106.txt).
  static func shortName(_ path: String) -> String {
    let parts = path.split(separator: "/")
    return parts.suffix(2).joined(separator: "/")
  }

  static func folderName(_ path: String) -> String {
    let parts = path.split(separator: "/")
    return parts.count >= 2 ? String(parts[parts.count - 2]) : ""
  }
}
