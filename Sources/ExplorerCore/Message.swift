import ArticleModel

/// What reaches `App.update`: input from the terminal and the results of background work.
/// (The table in docs/DECISIONS.md lists each with the commands it may give.)
public enum Message: Sendable {
  /// A key, a resize, a click or the wheel, decoded by the terminal.
  case input(InputEvent)
  /// A file was read and structured: the whole (`part` nil) or, for a long file, its head or
  /// tail (`FilePart`), the whole to follow.
  case loaded(file: Int, document: Document, part: FilePart.Kind?)
  /// The tail of a long file shown from its head, read ahead so that `G` need not wait (nil
  /// when it could not be cut: `G` then waits for the whole).
  case tailRead(file: Int, document: Document?)
  /// A file could not be read: one line naming it and the problem.
  case loadFailed(file: Int, problem: String)
  /// The entities and timeline of a file are ready.
  case analysed(file: Int, analysis: Analysis)
  /// The search index of a file is ready.
  case indexed(file: Int, index: SearchIndex)
  /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and die of it.
  case terminate(signal: Int32)
  /// The library's index answered (LibraryMessage, in App+Library.swift).
  case library(LibraryMessage)
}

/// What `App.update` asks the run loop to do; `update` itself does no I/O.
public enum Command: Sendable {
  /// Read a file (at once: it is about to be shown), only its head if it is long; answers
  /// `.loaded` or `.loadFailed`.
  case load(file: Int, path: String)
  /// Read the tail of a long file shown from its head (at once: `G` was pressed); answers
  /// `.loaded` with part `.tail`, or nothing when it cannot (G then waits for the whole).
  case loadTail(file: Int, path: String)
  /// Read the tail of a long file shown from its head, in the background; answers `.tailRead`.
  case readTail(file: Int, path: String)
  /// Read the whole of a long file shown from a part, in the background; answers `.loaded`.
  case loadWhole(file: Int, path: String)
  /// Find a document's entities and timeline in the background; answers `.analysed`.
  case analyse(file: Int, document: Document, dating: FileDating)
  /// Build a document's search index in the background; answers `.indexed`.
  case buildSearchIndex(file: Int, scalars: [Unicode.Scalar])
  /// Clear the physical screen and paint every cell again (Ctrl-L).
  case clearScreen
  /// Give the terminal back and stop the process (Ctrl-Z); a resize follows on return.
  case suspend
  /// End the program; with a signal, die of it once the terminal is restored.
  case quit(signal: Int32?)
  /// Ask the library's index (LibraryCommand, in App+Library.swift).
  case library(LibraryCommand)
}

/// The date and year a file is analysed with: given on the command line (--date, --year) or
/// in a `dates.tsv` beside the file (the launcher works them out; see FolderDates).
public struct FileDating: Hashable, Sendable {
  public var date: String?
  public var year: Int?

  public init(date: String? = nil, year: Int? = nil) {
    self.date = date
    self.year = year
  }
}
