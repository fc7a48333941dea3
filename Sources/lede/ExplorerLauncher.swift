import ArticleModel
import ExplorerCore
import Foundation
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
}

/// Opens the interactive explorer on the first article and runs until the user quits.
/// The terminal is restored on every way out: quit, a termination signal, a thrown error.
func launchExplorer(_ analyses: [Analysis], options: ExplorerOptions) throws {
  guard let analysis = analyses.first else { return }
  let terminal: NCursesTerminal
  do {
    terminal = try NCursesTerminal(noColor: options.noColor, mouse: options.mouse)
  } catch let error as TerminalError {
    fail(error.description)
  }
  var state = ExplorerState(analysis: analysis, size: terminal.size, colorMode: terminal.colorMode)
  if analyses.count > 1 {
    state.note("Showing the first of \(analyses.count) files")
  }
  var signal: Int32 = 0
  do {
    defer { terminal.close() }
    terminal.draw(Screen.render(state))
    loop: while true {
      signal = terminal.takePendingSignal()
      if signal != 0 { break }
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
