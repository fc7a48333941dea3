import ArticleModel
import ExplorerCore
import Foundation
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
}

/// Opens the interactive explorer on the first of some analysed articles and runs until the
/// user quits. The terminal is restored on every way out: quit, a termination signal, an error.
func launchExplorer(_ analyses: [Analysis], options: ExplorerOptions) throws {
  guard let analysis = analyses.first else { return }
  runExplorer(analysis, analysing: nil, fileCount: analyses.count, options: options)
}

/// Opens the explorer on files before they are analysed: the article is drawn as soon as it
/// is loaded (a book in ~0.2 s) and the entities and timeline fill in when the analysis,
/// which runs on another thread, is done (seconds on a book). Load errors are reported as
/// one line, status 1, before the terminal is touched.
func launchExplorer(paths: [String], date: String?, options: ExplorerOptions) throws {
  guard let path = paths.first else { return }
  let document: Document
  do {
    document = try ArticleLoader.load(path: path)
  } catch let error as LoadError {
    fail(error.description)
  }
  for other in paths.dropFirst() where other != "-" {
    // the others are not shown, but a missing one is still an error
    do { _ = try ArticleLoader.read(path: other) } catch let error as LoadError {
      fail(error.description)
    }
  }
  let pending = PendingAnalysis()
  pending.start = {
    // Started after the first frame, so that the two do not compete for the CPU.
    let thread = Thread { pending.finish(Analysis(document: document, date: date)) }
    thread.stackSize = 16 << 20
    thread.start()
  }
  let placeholder = Analysis(
    document: document, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
  runExplorer(placeholder, analysing: pending, fileCount: paths.count, options: options)
}

/// An analysis finished on another thread, handed to the run loop.
final class PendingAnalysis: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Analysis?
  /// Starts the work; called by the run loop once the first frame is on screen.
  var start: (() -> Void)?

  func finish(_ a: Analysis) {
    lock.lock()
    result = a
    lock.unlock()
  }

  func take() -> Analysis? {
    lock.lock()
    defer { lock.unlock() }
    let r = result
    result = nil
    return r
  }
}

/// The run loop: input → action → state → frame, painting only what changed.
func runExplorer(
  _ analysis: Analysis, analysing pending: PendingAnalysis?, fileCount: Int,
  options: ExplorerOptions
) {
  let terminal: NCursesTerminal
  do {
    terminal = try NCursesTerminal(noColor: options.noColor, mouse: options.mouse)
  } catch let error as TerminalError {
    fail(error.description)
  } catch {
    fail("\(error)")
  }
  var state = ExplorerState(analysis: analysis, size: terminal.size, colorMode: terminal.colorMode)
  state.isAnalysing = pending != nil
  if fileCount > 1 { state.note("Showing the first of \(fileCount) files") }
  var signal: Int32 = 0
  do {
    defer { terminal.close() }
    terminal.draw(Screen.render(state))
    state.prepareInBackground()
    pending?.start?()
    pending?.start = nil  // the closure holds `pending`: let go of it
    var waiting = pending
    loop: while true {
      signal = terminal.takePendingSignal()
      if signal != 0 { break }
      if let p = waiting, let done = p.take() {
        state.adopt(done)
        waiting = nil
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
        }
      }
      terminal.draw(Screen.render(state))
    }
  }
  if signal != 0 { NCursesTerminal.reraise(signal) }
}
