import ArticleModel
import ExplorerCore
import Foundation
import LibraryBridge
import LibraryIndex
import NCursesTerminal

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
  /// The files given that could not be opened (one line each, said on stderr already).
  var skipped: [String] = []
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
/// `datings`: each file's date and year for its analysis (--date, --year, a dates.tsv beside it),
/// one per path.
func launchExplorer(paths given: [String], datings given2: [FileDating], options: ExplorerOptions)
  throws
{
  var paths = given
  var datings = given2
  var skipped = options.skipped
  var loaded: Document?
  var firstPart: FilePart.Kind?
  // the first file that reads (the others were checked: they are read when first shown)
  while loaded == nil, let path = paths.first {
    do {
      // a long file: its head now, the rest once the first screen is up
      if let head = try FilePart.read(.head, path: path) {
        loaded = head
        firstPart = .head
      } else {
        loaded = try ArticleLoader.load(path: path)
      }
    } catch let error as LoadError {
      guard paths.count > 1 else { fail(error.description) }
      warn(error.description + " (skipped)")
      skipped.append(error.description)
      paths.removeFirst()
      datings.removeFirst()
    }
  }
  guard let first = loaded else { return }
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
  if !skipped.isEmpty {
    app.startNote =
      skipped.count == 1 ? skipped[0] + " (skipped)" : "\(skipped.count) files skipped: " + skipped[0] + ", …"
  }
  let inbox = Inbox()
  let signal = Program.run(
    &app, terminal: terminal, executor: Executor(inbox: inbox), inbox: inbox, library: bridge)
  terminal.close()
  if let signal { NCursesTerminal.reraise(signal) }
}
