import ArticleModel
import ExplorerCore
import Foundation
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
}

/// Opens the explorer (the program itself is `App` and `Program` in ExplorerCore). The first
/// file is read (only its head if it is long), and every other checked, before the terminal is
/// taken, so that a bad file is one line on stderr and status 1; the others are read when first
/// shown.
func launchExplorer(paths: [String], date: String?, options: ExplorerOptions) throws {
  guard let path = paths.first else { return }
  let first: Document
  var firstPart: FilePart.Kind?
  do {
    // a long file: its head now, the rest once the first screen is up
    if let head = try FilePart.read(.head, path: path) {
      first = head
      firstPart = .head
    } else {
      first = try ArticleLoader.load(path: path)
    }
    for other in paths.dropFirst() { try ArticleLoader.check(path: other) }
  } catch let error as LoadError {
    fail(error.description)
  }
  let terminal: NCursesTerminal
  do {
    terminal = try NCursesTerminal(noColor: options.noColor, mouse: options.mouse)
  } catch {
    fail((error as? TerminalError)?.description ?? "\(error)")
  }
  var app = App(
    paths: paths, size: terminal.size, colorMode: terminal.colorMode, date: date, first: first,
    firstPart: firstPart)
  let inbox = Inbox()
  let signal = Program.run(&app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox)
  terminal.close()
  if let signal { NCursesTerminal.reraise(signal) }
}
