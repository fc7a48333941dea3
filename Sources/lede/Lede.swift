import ArgumentParser
import ArticleModel
import ExplorerCore
import Foundation
import LedeConfig

@main
struct Lede: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lede",
    abstract: "Explore a news article in the terminal: its text, entities and timeline.",
    version: "0.1.0",
    subcommands: [
      Open.self, Dump.self, TimelineCommand.self, Export.self, TrainNER.self, EvalNER.self, EvalTimex.self,
      BenchCommand.self, EvalExtract.self, IndexCommand.self, EntitiesCommand.self, MentionsCommand.self,
      SearchCommand.self, AnalyzeCommand.self,
    ],
    defaultSubcommand: Open.self
  )
}

/// Options shared by the commands that read articles.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "The article's date (YYYY-MM-DD), for resolving relative dates.")
  var date: String?

  @Option(
    name: .long,
    help: "The year of an undated dateline (\"LONDON, March 23 -\") or of an undated text.")
  var year: Int?

  func validate() throws {
    if let date, !Self.isISODate(date) {
      throw ValidationError("--date takes a date as YYYY-MM-DD, not '\(date)'")
    }
    if let year, !(1...9999).contains(year) {
      throw ValidationError("--year takes a year such as 1987, not '\(year)'")
    }
  }

  static func isISODate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return false }
    return y >= 1 && (1...12).contains(m) && (1...31).contains(d)
  }
}

/// The date and year to analyse a file with: those given on the command line win over a
/// `dates.tsv` beside the file. A bad table is one line naming it and status 1.
func dating(_ path: String, date: String?, year: Int?) -> (date: String?, year: Int?) {
  guard date == nil, path != "-" else { return (date, year) }
  do {
    if let e = try folderDatesEntry(for: path) { return (e.date, year ?? e.year) }
  } catch let error as FolderDates.Failure {
    fail(error.description)
  } catch {
    fail("\(error)")
  }
  return (date, year)
}

/// The dates.tsv tables read so far, by folder: a library of many files reads each once.
var folderDatesTables: [String: [String: FolderDates.Entry]] = [:]

/// `FolderDates.entry(for:)`, each folder's table read once.
func folderDatesEntry(for file: String) throws -> FolderDates.Entry? {
  let parent = (file as NSString).deletingLastPathComponent
  let folder = parent.isEmpty ? "." : parent
  let table: [String: FolderDates.Entry]
  if let known = folderDatesTables[folder] {
    table = known
  } else {
    table = try FolderDates.table(inFolder: folder) ?? [:]
    folderDatesTables[folder] = table
  }
  return table[(file as NSString).lastPathComponent] ?? table[file]
}

/// The date and year of each file of a library (by path as named), for the index; files with
/// neither are left out.
func datings(_ paths: [String], _ input: InputOptions) -> [String: (date: String?, year: Int?)] {
  var out: [String: (date: String?, year: Int?)] = [:]
  for p in paths {
    let d = dating(p, date: input.date, year: input.year)
    if d.date != nil || d.year != nil { out[p] = d }
  }
  return out
}

/// Loads and analyses one file, or prints its one-line error and exits with status 1.
func analyse(_ path: String, date: String?, year: Int? = nil) throws -> Analysis {
  let (date, year) = dating(path, date: date, year: year)
  do {
    return Analysis(document: try ArticleLoader.load(path: path), date: date, year: year)
  } catch let error as LoadError {
    fail(error.description)
  }
}

/// Every article a file holds (a feed's items, else the one article), analysed.
func analyseAll(_ path: String, date: String?, year: Int? = nil) -> [Analysis] {
  let (date, year) = dating(path, date: date, year: year)
  do {
    return try ArticleLoader.loadAll(path: path).map { Analysis(document: $0, date: date, year: year) }
  } catch let error as LoadError {
    fail(error.description)
  } catch {
    fail("\(path): \(error)")
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("lede: " + message + "\n").utf8))
  Lede.exit(withError: ExitCode(1))
}

func writeStdout(_ s: String) {
  FileHandle.standardOutput.write(Data(s.utf8))
}

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open articles in the explorer (or print them when stdout is not a terminal).")

  // Optional for the parser, required by validate(): an unknown option is then reported as
  // itself ("Unknown option '--bogus'") rather than as a missing file.
  @Argument(help: "Article files or folders of articles, pages and feeds; '-' reads standard input.")
  var files: [String] = []

  @OptionGroup var input: InputOptions

  @Flag(name: .long, help: "Draw without colours (NO_COLOR is honoured too).")
  var noColor = false

  @Flag(name: .long, help: "Let the mouse focus panes, select items and scroll.")
  var mouse = false

  @Flag(name: .long, help: "Print the settings in effect (config file and defaults) and exit.")
  var printConfig = false

  @OptionGroup var index: IndexOptions

  func run() throws {
    let configPath = LedeConfig.defaultPath()
    let (config, warning) = LedeConfig.load(path: configPath)
    if let warning { FileHandle.standardError.write(Data(("lede: " + warning + "\n").utf8)) }
    // The settings go in before anything reads them: keys, colours, search.
    KeyMap.configure(config.bindings(KeyMap.defaults))
    Theme.palette = Theme.Palette(light: config.background == .light, entityColors: config.colors)
    SearchIndex.options = SearchIndex.Options(
      caseMode: config.searchCase == .smart ? .smart : config.searchCase == .sensitive ? .sensitive : .insensitive,
      regex: config.regex, foldAccents: config.foldDiacritics)
    if printConfig {
      writeStdout(config.printed(path: configPath, bindings: KeyMap.defaults))
      return
    }
    // Checked here, not in validate(): the parser reports an unknown option only after
    // validate(), so `lede --bogus` said "Missing an article file" instead of naming --bogus.
    if files.isEmpty { throw ValidationError("Missing an article file (or '-' for standard input).") }
    // among several files, a folder without articles is a line on stderr, as a missing file is
    var expanded: [String] = []
    var emptyFolders: [String] = []
    for file in files {
      do { expanded += try ArticleLoader.expand([file]) } catch let error as LoadError {
        guard files.count > 1 else { fail(error.description) }
        emptyFolders.append(error.description)
      }
    }
    if expanded.isEmpty {
      for p in emptyFolders { warn(p) }
      Lede.exit(withError: ExitCode(1))
    }
    for p in emptyFolders { warn(p + " (skipped)") }
    // among several files, one that cannot be opened is a line on stderr, not the end
    var (paths, skipped) = Self.openable(expanded)
    skipped = emptyFolders + skipped
    if isatty(STDOUT_FILENO) == 1 {
      // The article is drawn as soon as it is loaded; the analysis fills in behind it. Each
      // file's date is looked up once, for the explorer and the library index alike.
      let byFile = datings(paths, input)
      try launchExplorer(
        paths: paths,
        datings: paths.map { FileDating(date: byFile[$0]?.date, year: byFile[$0]?.year) },
        options: ExplorerOptions(
          noColor: noColor, mouse: mouse || config.mouse, skipped: skipped,
          library: paths.count > 1
            ? LibraryLaunch(
              location: index.location(for: files.filter { $0 != "-" }),
              jobs: index.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
              datings: byFile) : nil))
    } else {
      var analyses: [Analysis] = []
      for path in paths {
        let (date, year) = dating(path, date: input.date, year: input.year)
        do {
          analyses.append(Analysis(document: try ArticleLoader.load(path: path), date: date, year: year))
        } catch let error as LoadError {
          // not text, or gone since it was checked
          guard expanded.count > 1 else { fail(error.description) }
          warn(error.description + " (skipped)")
          skipped.append(error.description)
        }
      }
      if analyses.isEmpty { fail("none of the \(expanded.count) files given could be read") }
      for (i, a) in analyses.enumerated() {
        if i > 0 { writeStdout("\n") }
        writeStdout(Report.text(a))
      }
    }
  }

  /// The files that can be opened. One file that cannot is the one-line error it always was;
  /// among several, each that cannot is one line on stderr ("…: no such file (skipped)") and
  /// the others open; when none can, every line is said and the status is 1.
  static func openable(_ paths: [String]) -> (paths: [String], skipped: [String]) {
    guard paths.count > 1 else { return (paths, []) }
    var ok: [String] = []
    var problems: [String] = []
    for path in paths {
      do {
        try ArticleLoader.check(path: path)
        ok.append(path)
      } catch let error as LoadError {
        problems.append(error.description)
      } catch {
        problems.append("\(path): \(error)")
      }
    }
    if ok.isEmpty {
      for p in problems { warn(p) }
      Lede.exit(withError: ExitCode(1))
    }
    for p in problems { warn(p + " (skipped)") }
    return (ok, problems)
  }
}

struct Dump: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the whole analysis of an article as JSON or text, for scripts.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

  @Argument(help: "The article file; '-' reads standard input.")
  var file: String

  @Option(name: .long, help: "Output format: json or text.")
  var format: Format = .json

  @Option(name: [.short, .long], help: "Write to this file (atomically) instead of stdout.")
  var output: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    // A feed gives one analysis per item (JSON: one object per line).
    let text = analyseAll(file, date: input.date, year: input.year).map { a -> String in
      format == .json ? Report.json(a) : Report.text(a)
    }.joined(separator: format == .json ? "" : "\n")
    if let output {
      do { try SafeWriter.write(Data(text.utf8), to: output, inputs: [file]) } catch { fail("\(error)") }
    } else {
      writeStdout(text)
    }
  }
}

struct TimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline", abstract: "Print an article's timeline as text.")

  @Argument(help: "The article file; '-' reads standard input.")
  var file: String

  @OptionGroup var input: InputOptions

  func run() throws {
    let a = try analyse(file, date: input.date, year: input.year)
    writeStdout(Report.timelineText(a))
  }
}
