import ArticleModel
import ExplorerCore
import Foundation
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
}

/// Opens the explorer on files before they are analysed: the article is drawn as soon as it
/// is loaded (a book in ~0.2 s) and the entities and timeline fill in when the analysis,
/// which runs on another thread, is done (seconds on a book). `}` and `{` move between the
/// files, each loaded and analysed the same way when first shown. Load errors at the start
/// are reported as one line, status 1, before the terminal is touched.
func launchExplorer(paths: [String], date: String?, options: ExplorerOptions) throws {
  guard let path = paths.first else { return }
  let files = ExplorerFiles(paths: paths, analyser: BackgroundAnalyser(date: date))
  do {
    files.documents[0] = try ArticleLoader.load(path: path)
  } catch let error as LoadError {
    fail(error.description)
  }
  for other in paths.dropFirst() where other != "-" {
    // shown later, but a missing one is an error now
    do { _ = try ArticleLoader.read(path: other) } catch let error as LoadError {
      fail(error.description)
    }
  }
  runExplorer(files, options: options)
}

/// Analyses documents on a few threads of their own, the most recently asked-for first (so that
/// flipping through files analyses the one being read, even while a book is still being
/// analysed on another thread), and keeps every finished analysis so that coming back to a
/// file does not analyse it again.
final class BackgroundAnalyser: @unchecked Sendable {
  private let condition = NSCondition()
  private let date: String?
  /// At least two, so that a short article never waits for a book, even on one core.
  private let maxWorkers = max(2, min(ProcessInfo.processInfo.activeProcessorCount, 4))
  /// Asked for and not started, the most recent last.
  private var wanted: [(index: Int, document: Document)] = []
  private var running: Set<Int> = []
  private var done: [Int: Analysis] = [:]
  private var workers = 0
  private var idle = 0

  init(date: String?) { self.date = date }

  /// The finished analysis of a file, if any.
  func analysis(at index: Int) -> Analysis? {
    condition.lock()
    defer { condition.unlock() }
    return done[index]
  }

  /// Asks for a file's analysis, ahead of the others asked for before.
  func request(_ index: Int, _ document: Document) {
    condition.lock()
    defer { condition.unlock() }
    guard done[index] == nil, !running.contains(index) else { return }
    wanted.removeAll { $0.index == index }
    wanted.append((index, document))
    if idle == 0 && workers < maxWorkers {
      workers += 1
      let thread = Thread { [self] in work() }
      thread.stackSize = 16 << 20
      thread.start()
    }
    condition.signal()
  }

  /// Set by `stop()`: the workers finish the analysis they are on and end.
  private var stopped = false

  /// Ends the workers once their current analyses are done.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }

  // A loop with a stop condition: `while true` here sent Swift 6.3.1's optimiser into a spin
  // (docs/compiler-bugs/licm-hang.md).
  private func work() {
    while let job = nextJob() {
      let analysis = Analysis(document: job.document, date: date)
      condition.lock()
      done[job.index] = analysis
      running.remove(job.index)
      condition.unlock()
    }
  }

  /// The next file to analyse, waiting for one; nil once stopped.
  private func nextJob() -> (index: Int, document: Document)? {
    condition.lock()
    defer { condition.unlock() }
    idle += 1
    while wanted.isEmpty && !stopped { condition.wait() }
    idle -= 1
    if stopped { return nil }
    let job = wanted.removeLast()
    running.insert(job.index)
    return job
  }
}

/// The files the explorer was opened on: each one's document once loaded and its view once
/// shown, kept for coming back (standard input can be read only once).
final class ExplorerFiles {
  let paths: [String]
  let analyser: BackgroundAnalyser
  var documents: [Int: Document] = [:]
  /// The view of each file shown, as it was left.
  var views: [Int: ExplorerState] = [:]

  init(paths: [String], analyser: BackgroundAnalyser) {
    self.paths = paths
    self.analyser = analyser
  }

  var count: Int { paths.count }

  /// The view of a file: as it was left, or new with the text at once and the analysis (if
  /// not yet done) to come. Loads the file the first time; throws what went wrong.
  func view(_ index: Int, size: Size, colorMode: ColorMode) throws -> ExplorerState {
    if var state = views[index] {
      if state.size != size { state.handle(.resize(size)) }
      return state
    }
    let document: Document
    if let d = documents[index] {
      document = d
    } else {
      document = try ArticleLoader.load(path: paths[index])
      documents[index] = document
    }
    let analysis =
      analyser.analysis(at: index)
      ?? Analysis(
        document: document, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
    var state = ExplorerState(analysis: analysis, size: size, colorMode: colorMode)
    state.isAnalysing = analyser.analysis(at: index) == nil
    state.fileIndex = index
    state.fileCount = count
    return state
  }

  /// Starts what a file shown for the first time needs in the background (call after its
  /// first frame, so that the two do not compete for the CPU).
  func prepare(_ state: ExplorerState) {
    guard views[state.fileIndex] == nil else { return }
    state.prepareInBackground()
    if state.isAnalysing, let d = documents[state.fileIndex] {
      analyser.request(state.fileIndex, d)
    }
  }
}

/// The run loop: input → action → state → frame, painting only what changed.
func runExplorer(_ files: ExplorerFiles, options: ExplorerOptions) {
  let terminal: NCursesTerminal
  do {
    terminal = try NCursesTerminal(noColor: options.noColor, mouse: options.mouse)
  } catch let error as TerminalError {
    fail(error.description)
  } catch {
    fail("\(error)")
  }
  var state: ExplorerState
  do {
    state = try files.view(0, size: terminal.size, colorMode: terminal.colorMode)
  } catch {
    terminal.close()
    fail((error as? LoadError)?.description ?? "\(error)")
  }
  if files.count > 1 { state.note("\(files.count) files: } next file, { previous file") }
  var signal: Int32 = 0
  do {
    defer { terminal.close() }
    terminal.draw(Screen.render(state))
    files.prepare(state)
    files.views[0] = state
    loop: while true {
      signal = terminal.takePendingSignal()
      if signal != 0 { break }
      if state.isAnalysing, let done = files.analyser.analysis(at: state.fileIndex) {
        state.adopt(done)
        terminal.draw(Screen.render(state))
      }
      guard let event = terminal.nextEvent() else { continue }
      for effect in state.handle(event) {
        switch effect {
        case .quit: break loop
        case .redraw: terminal.invalidate(hard: event != .resize(state.size))
        case .suspend:
          terminal.suspend()
          state.handle(.resize(terminal.size))
        case .openFile(let offset):
          let index = state.fileIndex + offset
          guard files.paths.indices.contains(index) else { break }
          files.views[state.fileIndex] = state
          do {
            var next = try files.view(index, size: terminal.size, colorMode: terminal.colorMode)
            next.carryOver(from: state)
            state = next
            terminal.draw(Screen.render(state))
            files.prepare(state)
            files.views[index] = state
          } catch let error as LoadError {
            state.note(error.description)
          } catch {
            state.note("\(files.paths[index]): \(error)")
          }
        }
      }
      terminal.draw(Screen.render(state))
    }
  }
  if signal != 0 { NCursesTerminal.reraise(signal) }
}
