import ArticleModel

/// The explorer as one value: the files it was opened on, each one's view and analysis, and the
/// article layouts per (file, width). `update` takes a message and returns commands; it does no
/// I/O, so whole sessions can be replayed in tests (Bubble Tea's model/update, see
/// docs/DECISIONS.md). `render` draws the file shown.
public struct App {
  /// Where a file's entities and timeline are.
  public enum AnalysisStatus: Sendable {
    case notAsked, running
    case done(Analysis)
  }

  /// One file named on the command line: opened (its name known) until it is first shown.
  public struct OpenFile {
    public let path: String
    public internal(set) var document: Document?
    /// Which part of a long file `document` is while the whole is read (nil: the whole).
    public internal(set) var part: FilePart.Kind?
    /// The tail of a long file shown from its head, read ahead for `G`.
    public internal(set) var tail: Document?
    /// The view as it was left (kept for coming back to the file).
    public internal(set) var view: ExplorerState?
    public internal(set) var analysis: AnalysisStatus = .notAsked

    init(path: String) { self.path = path }
  }

  struct LayoutKey: Hashable {
    var file: Int
    var width: Int
  }

  public internal(set) var files: [OpenFile]
  /// The file shown (from 0).
  public private(set) var current = 0
  /// A file being loaded to be shown next (`}` or `{` pressed, its `.loaded` not yet taken).
  public private(set) var switching: Int?
  public private(set) var size: Size
  public let colorMode: ColorMode
  /// The article date given with --date, for the analyses.
  public let date: String?
  /// Each file's date and year for its analysis (--date, --year, a dates.tsv beside it), by
  /// file index.
  public let datings: [FileDating]
  /// Layouts already made, so that a resize back and forth or a file shown again wraps nothing
  /// twice. Kept for the file shown at its recent widths only (a book's lines are megabytes).
  var layouts: [LayoutKey: ArticleLayout] = [:]
  /// What outlives a file: the search history.
  var history: [String] = []
  /// The Library view, when the explorer was given several files with an index (App+Library).
  public internal(set) var library: LibraryState?
  /// Whether the Library view is shown (rather than a file's three panes).
  public internal(set) var showingLibrary = false
  /// Where to go in a file once it is shown (opened from the library).
  var pendingJump: LibraryJump?
  /// A line for the status line of the first frame (the files given that were skipped).
  public var startNote: String?

  /// `first`: the first file's document when it was read already (to report a bad file before
  /// the terminal is taken).
  public init(
    paths: [String], size: Size, colorMode: ColorMode = .extended, date: String? = nil,
    datings: [FileDating]? = nil, first: Document? = nil, firstPart: FilePart.Kind? = nil,
    library: Bool = false
  ) {
    precondition(!paths.isEmpty, "the explorer needs a file")
    precondition(datings == nil || datings!.count == paths.count, "one dating per file")
    self.datings = datings ?? paths.map { _ in FileDating(date: date, year: nil) }
    files = paths.map(OpenFile.init)
    files[0].document = first
    files[0].part = first == nil ? nil : firstPart
    self.size = size
    self.colorMode = colorMode
    self.date = date
    if library { self.library = LibraryState(paths: paths, size: size, colorMode: colorMode) }
  }

  /// Shows the first file, or asks for it to be loaded.
  public mutating func start() -> [Command] {
    if library != nil { return startLibrary() }
    if files[0].document != nil { return show(0) }
    return [.load(file: 0, path: files[0].path)]
  }

  /// The view of the file shown, once it is loaded.
  public var view: ExplorerState? { files[current].view }

  // MARK: - Update

  public mutating func update(_ message: Message) -> [Command] {
    defer { takePendingJump() }
    switch message {
    case .input(let event):
      return handle(event)
    case .loaded(let file, let document, let part):
      let had = files[file].part
      if files[file].document != nil && had == nil { return [] }  // the whole is there
      files[file].document = document
      files[file].part = part
      layouts = layouts.filter { $0.key.file != file }
      guard var v = files[file].view, had != nil else { return show(file) }
      files[file].tail = nil
      if part == .tail {
        v.showTail(document, layout: layout(file, for: size))
        files[file].view = v
        return []
      }
      let effects = v.takeWhole(document, layout: layout(file, for: size))
      files[file].view = v
      return commands(for: effects) + backgroundWork(file)
    case .tailRead(let file, let tail):
      if files[file].part == .head { files[file].tail = tail }
      return []
    case .loadFailed(let file, let problem):
      if switching == file { switching = nil }
      if files[file].part != nil, var v = files[file].view {
        // the rest of a file shown from a part could not be read: what is shown is all there is
        v.deferredKeys = []
        v.note(problem)
        files[file].view = v
        return []
      }
      if files[current].view == nil {
        // Nothing to show: the first file could not be read.
        return [.quit(signal: nil)]
      }
      files[current].view?.note(problem)
      return []
    case .analysed(let file, let analysis):
      files[file].analysis = .done(analysis)
      files[file].view?.adopt(analysis)
      return []
    case .indexed(let file, let index):
      files[file].view?.adopt(index: index)
      return []
    case .terminate(let signal):
      return [.quit(signal: signal)]
    case .library(let m):
      return updateLibrary(m)
    }
  }

  mutating func handle(_ event: InputEvent) -> [Command] {
    if case .resize(let newSize) = event {
      size = newSize
      library?.resize(to: newSize)
      guard var v = files[current].view else { return [] }
      v.resize(to: newSize, layout: layout(current, for: newSize))
      files[current].view = v
      return []
    }
    if let commands = handleLibrary(event) { return commands }
    guard var v = files[current].view else { return [] }
    let effects = v.handle(event)
    files[current].view = v
    return commands(for: effects)
  }

  /// What the view's effects ask of the run loop.
  mutating func commands(for effects: [Effect]) -> [Command] {
    var commands: [Command] = []
    for effect in effects {
      switch effect {
      case .quit: commands.append(.quit(signal: nil))
      case .redraw: commands.append(.clearScreen)
      case .suspend: commands.append(.suspend)
      case .openFile(let offset): commands += open(current + offset)
      case .showEnd:
        if let tail = files[current].tail {
          // read ahead: shown at once
          commands += update(.loaded(file: current, document: tail, part: .tail))
        } else {
          commands.append(.loadTail(file: current, path: files[current].path))
        }
      }
    }
    return commands
  }

  /// The background work a file shown needs: its analysis and search index, or first the rest
  /// of it when only a part is there.
  mutating func backgroundWork(_ file: Int) -> [Command] {
    guard let document = files[file].document else { return [] }
    if let part = files[file].part {
      // the tail is asked for last, so it comes first (the executor runs the latest job first)
      let path = files[file].path
      return [.loadWhole(file: file, path: path)]
        + (part == .head ? [.readTail(file: file, path: path)] : [])
    }
    var commands: [Command] = []
    if case .notAsked = files[file].analysis {
      files[file].analysis = .running
      commands.append(.analyse(file: file, document: document, dating: datings[file]))
    }
    commands.append(.buildSearchIndex(file: file, scalars: document.scalars))
    return commands
  }

  /// Switches to another file: at once when it was shown before or is loaded, otherwise after
  /// its `.loaded` (the loop loads it before drawing, so a switch is one frame).
  mutating func open(_ file: Int) -> [Command] {
    guard files.indices.contains(file) else { return [] }
    switching = file
    if files[file].document != nil { return show(file) }
    return [.load(file: file, path: files[file].path)]
  }

  /// Shows a loaded file: its view as it was left, or a new one with the analysis to come.
  mutating func show(_ file: Int) -> [Command] {
    let first = files.allSatisfy { $0.view == nil }
    guard first || switching == file || file == current else { return [] }
    switching = nil
    let previous = files[current].view
    if let previous { history = previous.history }
    current = file
    if var v = files[file].view {
      if v.size != size { v.resize(to: size, layout: layout(file, for: size)) }
      v.history = history
      files[file].view = v
      return []
    }
    guard let document = files[file].document else { return [] }
    var analysis = Analysis(
      document: document, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
    var analysing = true
    if case .done(let a) = files[file].analysis {
      analysis = a
      analysing = false
    }
    var v = ExplorerState(
      analysis: analysis, size: size, colorMode: colorMode, layout: layout(file, for: size))
    v.isAnalysing = analysing
    v.part = files[file].part
    v.fileIndex = file
    v.fileCount = files.count
    v.history = history
    if first && files.count > 1 { v.note("\(files.count) files: } next file, { previous file") }
    if first, let startNote { v.note(startNote) }
    files[file].view = v
    return backgroundWork(file)
  }

  /// The layout of a file's document for the article pane at a size, made once per width.
  mutating func layout(_ file: Int, for size: Size) -> ArticleLayout? {
    guard let document = files[file].document else { return nil }
    let key = LayoutKey(file: file, width: max(1, PaneLayout.articleTextWidth(for: size)))
    if let known = layouts[key] { return known }
    // Keep the file shown only: another file's layouts are made again if it comes back.
    layouts = layouts.filter { $0.key.file == file }
    if layouts.count >= 4 { layouts.removeAll() }
    let made = ArticleLayout(document: document, width: key.width)
    layouts[key] = made
    return made
  }

  // MARK: - Render

  /// The frame for the state: the file shown, or a blank screen before the first is loaded.
  public func render() -> ScreenBuffer {
    if showingLibrary, let library { return LibraryView.render(library) }
    if let v = files[current].view { return Screen.render(v) }
    return ScreenBuffer(size: size)
  }
}
