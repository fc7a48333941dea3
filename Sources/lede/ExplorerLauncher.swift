import ArticleModel
import ExplorerCore
import Foundation
import LibraryBridge
import LibraryIndex
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
  /// Where the library's index is (several files), nil: no library view.
  var library: LibraryLaunch? = nil
}

/// The library view's index: where it is, and the threads that analyse (see LibraryBridge).
struct LibraryLaunch {
  var location: IndexLocation
  var jobs: Int
  /// The date and year of files given them (--date, --year, dates.tsv), by path.
  var datings: [String: (date: String?, year: Int?)] = [:]
}

/// Opens the explorer (the program itself is `App` and `Program` in ExplorerCore). The first
/// file is read (only its head if it is long), and every other checked, before the terminal is
/// taken, so that a bad file is one line on stderr and status 1; the others are read when first
/// shown.
/// `datings`: each file's date and year for its analysis (--date, --year, a dates.tsv beside it).
func launchExplorer(paths: [String], datings: [FileDating], options: ExplorerOptions) throws {
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
  // Several files: the library view over the index (opened before the terminal is taken, so
  // that a problem with it is one line on stderr).
  var bridge: LibraryBridge?
  if paths.count > 1, let launch = options.library {
    do {
      let index = try LibraryIndex(launch.location, log: warn)
      bridge = LibraryBridge(index: index, paths: paths, jobs: launch.jobs, datings: launch.datings)
    } catch {
      fail("cannot open the library index: \(error)")
    }
  }
  let terminal: NCursesTerminal
  do {
    terminal = try NCursesTerminal(noColor: options.noColor, mouse: options.mouse)
  } catch {
    fail((error as? TerminalError)?.description ?? "\(error)")
  }
  var app = App(
    paths: paths, size: terminal.size, colorMode: terminal.colorMode, datings: datings, first: first,
    firstPart: firstPart, library: bridge != nil)
  let inbox = Inbox()
  let signal = Program.run(
    &app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox, library: bridge)
  terminal.close()
  if let signal { NCursesTerminal.reraise(signal) }
}
