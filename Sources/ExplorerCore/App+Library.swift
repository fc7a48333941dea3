import ArticleModel

/// What the library's index tells the App.
public enum LibraryMessage: Sendable {
  /// What the index holds (read at once before the first frame, and after a refresh).
  case loaded(LibrarySnapshot)
  /// Indexing in the background: files done of total.
  case progress(done: Int, total: Int)
  /// Indexing finished: what changed (nil: nothing) and the index as it is now.
  case refreshed(LibrarySnapshot?, note: String?)
  case answer(LibraryAnswer)
  /// The library's entities, made ready for the list on the executor.
  case entities(LibraryState.EntityTable)
  /// The index could not be read or written: one line.
  case failed(String)
}

/// What the App asks of the library's index (performed by `Program` with its `LibrarySource`).
public enum LibraryCommand: Sendable, Equatable {
  /// Read what the index holds, at once (the first frame shows it); answers `.loaded`.
  case open
  /// Bring the index up to date in the background; answers `.progress`..., `.refreshed`.
  case refresh
  /// Answers `.answer`.
  case query(LibraryQuery)
}

/// A place to go in a file once it is shown.
struct LibraryJump {
  var file: Int
  var at: Span
  var sentence: Span?
  var note: String?
}

extension App {
  /// The library first: what the index holds now, then a refresh in the background.
  mutating func startLibrary() -> [Command] {
    showingLibrary = true
    if let startNote { library?.note(startNote) }
    // the entities after the first frame (asked last: the executor runs it first)
    return [.library(.open), .library(.refresh), .library(.query(.entities))]
  }

  mutating func updateLibrary(_ message: LibraryMessage) -> [Command] {
    guard library != nil else { return [] }
    switch message {
    case .loaded(let snapshot):
      // what the index holds when the library opens, before the refresh: files it lacks are
      // said to be indexing from the first frame on (the loop may take every progress report
      // and the refresh's end in one go)
      library!.take(snapshot)
      if library!.indexedCount < files.count {
        library!.setProgress((library!.indexedCount, files.count))
      }
    case .progress(let done, let total):
      library!.setProgress((done, total))
    case .refreshed(let snapshot, let note):
      library!.setProgress(nil)
      // the files skipped at the start stay said after the indexing's own line
      if let line = [note, startNote].compactMap({ $0 }).joined(separator: " · ").nilIfEmpty {
        library!.note(line)
      }
      startNote = nil
      if let snapshot {
        library!.take(snapshot)
        return [.library(.query(.entities))]
      }
    case .answer(let answer):
      library!.take(answer)
    case .entities(let table):
      library!.take(entities: table)
    case .failed(let line):
      library!.setProgress(nil)
      library!.note(line)
      files[current].view?.note(line)
    }
    return []
  }

  /// Keys for the Library view, and the keys of an article's view that reach the library: `L`
  /// (back to it) and, with an entity chosen in the library, the mention jumps (across articles).
  /// Nil: the article's view handles the event.
  mutating func handleLibrary(_ event: InputEvent) -> [Command]? {
    if library == nil, case .key(let key) = event, let v = files[current].view, v.scope == .main,
      KeyMap.action(for: key, in: .main) == .listMentions
    {
      files[current].view?.pendingCount = nil
      return listMentions(v)
    }
    guard library != nil else { return nil }
    if showingLibrary {
      guard case .key(let key) = event else { return [] }
      return perform(library!.handle(key))
    }
    guard case .key(let key) = event, let v = files[current].view, v.scope == .main,
      let action = KeyMap.action(for: key, in: .main)
    else { return nil }
    // a count typed in the article goes to the key the App takes here (3] the third mention)
    let times = max(1, v.pendingCount ?? 1)
    func taken(_ commands: [Command]) -> [Command] {
      files[current].view?.pendingCount = nil
      return commands
    }
    switch action {
    case .showLibrary:
      files[current].view?.pendingCount = nil
      showingLibrary = true
      if library!.articleOnly { return [] }
      if let e = v.selectedEntityIndex {
        let name = v.analysis.entities[e].name
        let chosen = library!.chosen
        if chosen == nil || (chosen!.name != name && !chosen!.aliases.contains(name)) {
          library!.waiting = "Finding the articles that mention \(name)…"
          return [.library(.query(.entityOfArticle(file: current, name: name)))]
        }
      }
      return []
    case .nextMention, .nextMentionOfEntity, .previousMention, .previousMentionOfEntity:
      guard library!.chosen != nil, !library!.concordance.isEmpty else { return nil }
      return taken(
        stepAcrossArticles(
          forward: action == .nextMention || action == .nextMentionOfEntity, by: times))
    case .listMentions:
      files[current].view?.pendingCount = nil
      guard let e = v.selectedEntityIndex ?? v.mentionCursor.map({ v.mentions[$0].entity }) else {
        files[current].view?.note("No entity selected: select one in Entities (2 Tab) or with ]")
        return []
      }
      if library!.articleOnly { return listMentions(v) }
      let name = v.analysis.entities[e].name
      showingLibrary = true
      library!.listOnAnswer = .mentions
      library!.waiting = "Finding every mention of \(name)…"
      return [.library(.query(.entityOfArticle(file: current, name: name)))]
    case .nextMatch, .previousMatch:
      // the library's search, while the article has no search of its own
      guard v.search == nil, !library!.searchResults.isEmpty else { return nil }
      let lib = library!
      let files = Array(Set(lib.searchResults.map(\.file))).sorted()
      return taken(
        step(
          through: lib.searchResults, rank: { files.firstIndex(of: $0) ?? Int.max },
          label: "“\(lib.searchedFor)”",
          ordinal: { "\((files.firstIndex(of: $0) ?? 0) + 1)/\(files.count)" },
          forward: action == .nextMatch, by: times))
    default:
      return nil
    }
  }

  /// `M` without a library: the mentions of the selected entity in this article, in their
  /// sentences, in the Library view's Mentions list (Enter goes to one, L comes back).
  mutating func listMentions(_ v: ExplorerState) -> [Command] {
    guard let e = v.selectedEntityIndex ?? v.mentionCursor.map({ v.mentions[$0].entity }) else {
      files[current].view?.note("No entity selected: select one in Entities (2 Tab) or with ]")
      return []
    }
    let entity = v.analysis.entities[e]
    let doc = v.analysis.document
    let mentions = entity.mentions.sorted().map { span -> LibraryMention in
      let sentence = doc.sentenceIndex(containing: span.start).map { doc.sentences[$0].span } ?? span
      return LibraryMention(
        file: current, span: span, sentence: doc.string(sentence), sentenceStart: sentence.start)
    }
    if library == nil {
      var lib = LibraryState(paths: files.map(\.path), size: size, colorMode: colorMode)
      lib.articleOnly = true
      library = lib
    }
    library!.showMentions(
      of: LibraryEntityItem(
        id: -1, name: entity.name, type: entity.type, aliases: entity.aliases, articles: 1,
        mentions: mentions.count), mentions)
    showingLibrary = true
    return []
  }

  /// The Library view's effects as commands.
  mutating func perform(_ effects: [LibraryEffect]) -> [Command] {
    var commands: [Command] = []
    for effect in effects {
      switch effect {
      case .quit: commands.append(.quit(signal: nil))
      case .redraw: commands.append(.clearScreen)
      case .suspend: commands.append(.suspend)
      case .query(let q): commands.append(.library(.query(q)))
      case .open(let file, let at, let sentence):
        // what the library said of it goes with it ("Tony Blair: 3 mentions here")
        let note = library?.message
        library?.message = nil
        commands += go(to: file, at: at, sentence: sentence, note: note)
      }
    }
    return commands
  }

  /// Shows a file (from the library), at a place in it.
  mutating func go(to file: Int, at: Span?, sentence: Span?, note: String?) -> [Command] {
    guard files.indices.contains(file) else { return [] }
    showingLibrary = false
    if let at { pendingJump = LibraryJump(file: file, at: at, sentence: sentence, note: note) }
    if file == current && files[file].view != nil { return [] }
    return open(file)
  }

  /// Goes to the place asked for once its file is shown.
  mutating func takePendingJump() {
    guard let jump = pendingJump, jump.file == current, var v = files[current].view else { return }
    pendingJump = nil
    v.goTo(jump.at, sentence: jump.sentence, note: jump.note)
    files[current].view = v
  }

  /// `]` `[` `*` `#` with an entity chosen in the library: its next (previous) mention, from the
  /// last one in an article to the first one in the next (the articles in the library's order).
  mutating func stepAcrossArticles(forward: Bool, by steps: Int = 1) -> [Command] {
    guard let lib = library, let chosen = lib.chosen else { return [] }
    return step(
      through: lib.walk(from: current), rank: { lib.walkRank($0) }, label: chosen.name,
      ordinal: { lib.articleOrdinal($0) }, forward: forward, by: steps)
  }

  /// The next (previous) place of a list ordered article by article (`rank`), then in text
  /// order, from where the reader is; wraps with a word.
  mutating func step(
    through c: [LibraryMention], rank: (Int) -> Int, label: String, ordinal: (Int) -> String,
    forward: Bool, by steps: Int = 1
  ) -> [Command] {
    guard !c.isEmpty, let v = files[current].view else { return [] }
    // where the reader is: on a place gone to, or just above the top of the view
    let origin = v.readingAt ?? (v.visibleRange.lowerBound - 1)
    let here = rank(current)
    func before(_ m: LibraryMention) -> Bool {
      m.file != current ? rank(m.file) < here : m.span.start < origin
    }
    func after(_ m: LibraryMention) -> Bool {
      m.file != current ? rank(m.file) > here : m.span.start > origin
    }
    var wrapped = false
    var k: Int
    if forward {
      if let i = c.firstIndex(where: after) {
        k = i
      } else {
        k = 0
        wrapped = true
      }
    } else {
      if let i = c.lastIndex(where: before) {
        k = i
      } else {
        k = c.count - 1
        wrapped = true
      }
    }
    // a count: N places on, wrapping round
    if steps > 1 {
      let moved = forward ? k + steps - 1 : k - (steps - 1)
      if moved >= c.count || moved < 0 { wrapped = true }
      k = ((moved % c.count) + c.count) % c.count
    }
    let m = c[k]
    var note = "\(label) \(k + 1)/\(c.count) · article " + ordinal(m.file)
    if wrapped {
      note = (forward ? "from the first article again · " : "from the last article · ") + note
    }
    return go(to: m.file, at: m.span, sentence: nil, note: note)
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension ExplorerState {
  /// Goes to a place asked for from the library: the span on screen and marked, the mention
  /// cursor on it when it is a mention the article's analysis knows.
  mutating func goTo(_ span: Span, sentence: Span?, note: String?) {
    if let k = mentions.firstIndex(where: { $0.span == span }) {
      if let pos = entityOrder.firstIndex(of: mentions[k].entity) { selectEntity(position: pos) }
      jump(toMention: span, entity: mentions[k].entity)
      markedSentence = sentence
    } else {
      readingAt = span.start
      reveal(span.start)
      markedSentence = sentence ?? span
    }
    if paneLayout.isWide { focus = .article }
    if let note { message = note }
  }
}
