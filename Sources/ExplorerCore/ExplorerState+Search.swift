import ArticleModel

// MARK: - Search

extension ExplorerState {
  mutating func openPrompt(backward: Bool = false, filter: Bool = false, count: Int = 1) {
    prompt = SearchPrompt(
      text: "", savedTop: top, savedSearch: search, historyIndex: history.count,
      backward: backward, literal: !SearchIndex.options.regex, filter: filter, count: count)
  }

  /// The spans in paragraphs shown (all of them without a `&` filter).
  func shownOnly(_ spans: [Span]) -> [Span] {
    paragraphFilter == nil ? spans : spans.filter { layout.shows($0.start) }
  }

  /// `&` and Enter: shows only the paragraphs with a match of the pattern (an empty pattern
  /// shows them all again); the view stays where it was, or goes to the next paragraph shown.
  mutating func applyParagraphFilter(_ text: String, literal: Bool) {
    if text.isEmpty {
      if paragraphFilter != nil { message = "Every paragraph shown" }
      setParagraphFilter(nil)
      return
    }
    let matches: [Span]
    do {
      matches = try readySearchIndex().search(text, literal: literal)
    } catch {
      message = "\(error)"
      return
    }
    let doc = analysis.document
    var shown: [Int] = []
    for m in matches {
      let p = doc.paragraphs.partitionPoint { $0.span.end > m.start }
      if p < doc.paragraphs.count && doc.paragraphs[p].span.start <= m.start && shown.last != p {
        shown.append(p)
      }
    }
    guard !shown.isEmpty else {
      message = "Pattern not found: \(text) (every paragraph still shown)"
      return
    }
    let f = ParagraphFilter(
      pattern: text, literal: literal, paragraphs: shown, total: doc.paragraphs.count)
    setParagraphFilter(f)
    message = "&\(text): \(shown.count) of \(f.total) paragraphs"
  }

  /// Takes a filter (nil: none): a layout of the paragraphs shown, the view kept where it was,
  /// the search's matches those shown.
  mutating func setParagraphFilter(_ f: ParagraphFilter?) {
    guard f != paragraphFilter else { return }
    let anchor = layout.startOffset(top)
    paragraphFilter = f
    layout = ArticleLayout(document: analysis.document, width: layout.width, only: f?.paragraphs)
    top = clampTop(layout.position(of: anchor))
    if var s = search, s.problem == nil,
      let all = try? readySearchIndex().search(s.pattern, literal: s.literal)
    {
      let at = s.current.map { s.matches[$0].start }
      s.matches = shownOnly(all)
      s.current = s.matches.isEmpty ? nil : at.flatMap { a in s.matches.firstIndex { $0.start >= a } } ?? 0
      search = s
    }
  }

  /// Types a character into the prompt and searches again (incremental search).
  mutating func type(_ c: Character) {
    guard var p = prompt else { return }
    p.text.append(c)
    prompt = p
    updateIncremental()
  }

  /// Highlights the matches of the prompt's text and shows the first one at or after the
  /// view the search started from (with `?`, the last one before it, wrapping round).
  mutating func updateIncremental() {
    guard let p = prompt, !p.filter else { return }
    top = p.savedTop
    guard !p.text.isEmpty else {
      search = p.savedSearch
      return
    }
    var matches: [Span]
    // typing one more letter of a plain pattern narrows the matches it had
    if let s = search, s != p.savedSearch, s.problem == nil,
      SearchIndex.canRefine(from: s.pattern, to: p.text)
    {
      matches = readySearchIndex().refine(s.matches, to: p.text)
    } else {
      do {
        matches = shownOnly(try readySearchIndex().search(p.text, literal: p.literal))
      } catch {
        search = SearchState(
          pattern: p.text, matches: [], current: nil, backward: p.backward,
          problem: "\(error)")
        return
      }
    }
    guard !matches.isEmpty else {
      search = SearchState(
        pattern: p.text, matches: [], current: nil, backward: p.backward, literal: p.literal)
      return
    }
    let from = layout.startOffset(p.savedTop)
    let after = Self.firstIndex(in: matches, atOrAfter: from)
    let i = p.backward ? ((after ?? matches.count) + matches.count - 1) % matches.count : after ?? 0
    search = SearchState(
      pattern: p.text, matches: matches, current: i, backward: p.backward, literal: p.literal)
    readingAt = matches[i].start
    reveal(matches[i].start)
  }

  mutating func confirmPrompt() {
    guard var p = prompt else { return }
    if p.filter {
      // not kept in the search's history: n after Esc searches the last search, not a filter
      prompt = nil
      applyParagraphFilter(p.text, literal: p.literal)
      return
    }
    if p.text.isEmpty {
      guard let last = history.last else {
        cancelPrompt()
        return
      }
      p.text = last
      prompt = p
      updateIncremental()
    }
    if history.last != p.text { history.append(p.text) }
    prompt = nil
    if let s = search, s.matches.isEmpty {
      search = nil
      top = p.savedTop
      message = s.problem ?? "Pattern not found: \(p.text)"
    } else if p.count > 1 {
      // 3/pattern: the third match, as less's N/
      stepMatch(forward: true, by: p.count - 1)
    }
  }

  mutating func cancelPrompt() {
    guard let p = prompt else { return }
    top = p.savedTop
    search = p.savedSearch
    prompt = nil
  }

  mutating func recall(_ step: Int) {
    guard var p = prompt, !history.isEmpty else { return }
    let i = max(0, min(history.count, p.historyIndex + step))
    p.historyIndex = i
    p.text = i < history.count ? history[i] : ""
    prompt = p
    updateIncremental()
  }

  /// `n` (`forward`) and `N`: on in the search's direction, or back.
  mutating func stepMatch(forward sameWay: Bool, by steps: Int = 1) {
    let forward = search?.backward == true ? !sameWay : sameWay
    guard var s = search else {
      if let last = history.last {
        // n after Esc: search the last pattern again, like less.
        let matches = shownOnly((try? readySearchIndex().search(last, literal: false)) ?? [])
        guard !matches.isEmpty else {
          message = "Pattern not found: \(last)"
          return
        }
        search = SearchState(pattern: last, matches: matches, current: nil)
        stepMatch(forward: forward, by: steps)
      } else {
        message = "No search yet: press / to search"
      }
      return
    }
    guard !s.matches.isEmpty else {
      message = "Pattern not found: \(s.pattern)"
      return
    }
    let n = s.matches.count
    var i: Int
    if let c = s.current, visibleRange.contains(s.matches[c].start) || visibleRange.isEmpty {
      i = forward ? c + steps : c - steps
    } else {
      // The current match scrolled away: continue from the view, as less does.
      let from = layout.startOffset(top)
      if forward {
        i = (Self.firstIndex(in: s.matches, atOrAfter: from) ?? n) + steps - 1
      } else {
        i = (Self.firstIndex(in: s.matches, atOrAfter: from) ?? n) - steps
      }
    }
    let wrapped: String?
    (i, wrapped) = Self.wrapped(i, count: n, what: "search ")
    if let wrapped { message = wrapped }
    s.current = i
    search = s
    readingAt = s.matches[i].start
    reveal(s.matches[i].start)
  }

  /// The first span index whose start is at or after `offset` (binary search).
  static func firstIndex(in spans: [Span], atOrAfter offset: Int) -> Int? {
    let i = spans.partitionPoint { $0.start >= offset }
    return i < spans.count ? i : nil
  }

  /// The first mention index whose start is at or after `offset`.
  func firstMention(atOrAfter offset: Int) -> Int {
    mentions.partitionPoint { $0.span.start >= offset }
  }

  // MARK: - Mentions

  /// `]` and `[`: the next mention of any entity, from the mention cursor or the view's top.
  mutating func stepMention(forward: Bool, by steps: Int = 1) {
    // with a & filter, only the mentions in the paragraphs shown (indices into `mentions`)
    let pool: [Int]? =
      paragraphFilter == nil ? nil : mentions.indices.filter { layout.shows(mentions[$0].span.start) }
    guard !mentions.isEmpty, pool?.isEmpty != true else {
      message = paragraphFilter != nil && !mentions.isEmpty ? "No entity mentions in the paragraphs shown" : noMentions
      return
    }
    let n = pool?.count ?? mentions.count
    var i: Int
    let cursorAt: Int? = mentionCursor.flatMap { c in
      guard mentions[c].span.start == readingAt else { return nil }
      guard let pool else { return c }
      let k = pool.partitionPoint { $0 >= c }
      return k < pool.count && pool[k] == c ? k : nil
    }
    if let k = cursorAt {
      i = forward ? k + steps : k - steps
    } else {
      let first =
        pool.map { p in p.partitionPoint { mentions[$0].span.start >= origin } }
        ?? firstMention(atOrAfter: origin)
      i = forward ? first + steps - 1 : first - steps
    }
    let wrapped: String?
    (i, wrapped) = Self.wrapped(i, count: n, what: "mentions ")
    let ref = mentions[pool?[i] ?? i]
    if let pos = entityOrder.firstIndex(of: ref.entity) { selectEntity(position: pos) }
    jump(toMention: ref.span, entity: ref.entity)
    if let wrapped { message = wrapped + " · " + (message ?? "") }
  }

  /// `*` and `#`: the next mention of the selected entity (all its aliases), wrapping.
  mutating func stepEntityMention(forward: Bool, by steps: Int = 1) {
    if selectedEntity == nil, let c = mentionCursor,
      let pos = entityOrder.firstIndex(of: mentions[c].entity)
    {
      selectedEntity = pos
    }
    guard let e = selectedEntityIndex else {
      message = mentions.isEmpty ? noMentions : "No entity selected: use ] or the Entities pane"
      return
    }
    let spans = shownOnly(analysis.entities[e].mentions.sorted())
    guard !spans.isEmpty else {
      message =
        "\(analysis.entities[e].name) has no mentions"
        + (paragraphFilter == nil ? "" : " in the paragraphs shown")
      return
    }
    let n = spans.count
    var i: Int
    if let c = mentionCursor, mentions[c].entity == e, mentions[c].span.start == readingAt,
      let k = spans.firstIndex(of: mentions[c].span)
    {
      i = forward ? k + steps : k - steps
    } else {
      let first = Self.firstIndex(in: spans, atOrAfter: origin) ?? n
      i = forward ? first + steps - 1 : first - steps
    }
    let wrapped: String?
    (i, wrapped) = Self.wrapped(i, count: n, what: "")
    jump(toMention: spans[i], entity: e)
    if let wrapped { message = wrapped + " · " + (message ?? "") }
  }

  /// An index stepped past either end wraps round (as often as a count asks), with the message
  /// vim gives.
  static func wrapped(_ i: Int, count n: Int, what: String) -> (Int, String?) {
    if i >= n { return (i % n, what + "hit BOTTOM, continuing at TOP") }
    if i < 0 { return (((i % n) + n) % n, what + "hit TOP, continuing at BOTTOM") }
    return (i, nil)
  }

  /// Where a jump to the next or previous mention starts: where the reader is (the search
  /// match or mention last gone to) when that is on screen, else the top of the view.
  var origin: Int {
    if let r = readingAt, visibleRange.contains(r) { return r }
    return layout.startOffset(top)
  }

  var noMentions: String { isAnalysing ? "Still finding entities…" : "No entity mentions" }

  /// Puts the mention cursor on a mention, scrolls to it and says where it is.
  mutating func jump(toMention span: Span, entity e: Int) {
    var k = firstMention(atOrAfter: span.start)
    while k < mentions.count && mentions[k].span.start == span.start && mentions[k].entity != e {
      k += 1
    }
    if k < mentions.count && mentions[k].entity == e && mentions[k].span.start == span.start {
      mentionCursor = k
    }
    readingAt = span.start
    reveal(span.start)
    message = mentionStatus
  }

  /// "Ri Su Yong (Person) 2/5": the entity under the mention cursor and which mention it is.
  public var mentionStatus: String? {
    guard let c = mentionCursor else { return nil }
    let ref = mentions[c]
    let entity = analysis.entities[ref.entity]
    let spans = entity.mentions.sorted()
    let i = (spans.firstIndex(of: ref.span) ?? 0) + 1
    return "\(entity.name) (\(EntityGroupNames.singular(entity.type))) \(i)/\(spans.count)"
  }
}

/// Display names of entity types (pane groups and the status bar).
public enum EntityGroupNames {
  public static func plural(_ t: EntityType) -> String {
    switch t {
    case .person: return "People"
    case .organization: return "Organisations"
    case .place: return "Places"
    case .group: return "Groups"
    case .event: return "Events"
    case .misc: return "Other"
    case .money: return "Money"
    case .percent: return "Percent"
    case .quantity: return "Quantities"
    }
  }

  public static func singular(_ t: EntityType) -> String {
    switch t {
    case .person: return "Person"
    case .organization: return "Organisation"
    case .place: return "Place"
    case .group: return "Group"
    case .event: return "Event"
    case .misc: return "Other"
    case .money: return "Money"
    case .percent: return "Percent"
    case .quantity: return "Quantity"
    }
  }
}
