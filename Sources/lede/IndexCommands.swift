import ArgumentParser
import ArticleModel
import Foundation
import LibraryIndex

/// Options of every command that reads or writes the library index.
struct IndexOptions: ParsableArguments {
  @Option(
    name: .long, help: "The index file (default: one per set of folders in $XDG_CACHE_HOME/lede/).")
  var index: String?

  @Flag(name: .long, help: "Keep the index in memory for this run only.")
  var noIndex = false

  @Option(name: .long, help: "Threads that analyse articles (default: one per core).")
  var jobs: Int?

  func validate() throws {
    if index != nil && noIndex {
      throw ValidationError("--index and --no-index exclude each other")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, at least 1") }
  }

  func location(for roots: [String]) -> IndexLocation {
    if noIndex { return .memory }
    if let index { return .file(index) }
    return .defaultFor(roots)
  }
}

func warn(_ message: String) {
  FileHandle.standardError.write(Data(("lede: " + message + "\n").utf8))
}

/// A field of a tab-separated line: tabs and line breaks become spaces, and any other control
/// character (a file name can hold an escape sequence) U+FFFD, so that none reaches a terminal.
func tsvField(_ s: String) -> String {
  String(
    String.UnicodeScalarView(
      s.unicodeScalars.map { c in
        if c == "\t" || c == "\n" || c == "\r" { return " " }
        if c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) { return "\u{FFFD}" }
        return c
      }))
}

/// The progress of an indexing run on stderr: a bar when stderr is a terminal, nothing otherwise
/// (the summary line follows either way).
struct ProgressBar {
  let enabled = isatty(STDERR_FILENO) == 1
  var drawn = false

  mutating func draw(_ p: RefreshProgress) {
    guard enabled, p.total > 0 else { return }
    let width = 30
    let filled = p.done * width / p.total
    let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
    let left = rate > 0 ? Double(p.total - p.done) / rate : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = String(
      format: "\rindexing [%@] %d/%d  %.0f articles/s  %@ left ", bar, p.done, p.total, rate,
      duration(left))
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  mutating func clear() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }

  func duration(_ s: Double) -> String {
    s < 60
      ? String(format: "%.0fs", s.rounded(.up))
      : String(format: "%dm%02ds", Int(s) / 60, Int(s) % 60)
  }
}

/// Opens the index of `folders` and brings it up to date (analysing what is new or changed).
/// With no folders, `--index` names an index used as it is. Unreadable articles are reported one
/// line each and left out; `failed` tells the caller to exit with status 1 at the end.
func openLibrary(
  _ folders: [String], _ options: IndexOptions, input: InputOptions, summary: Bool = false,
  importing: ((LibraryIndex) throws -> Void)? = nil
) -> (index: LibraryIndex, failed: Bool) {
  if folders.isEmpty && options.index == nil {
    fail("name the article folders (or an index with --index PATH)")
  }
  // A folder or file that is not there is an error before anything is written.
  for f in folders where !FileManager.default.fileExists(atPath: f) {
    fail(LoadError.missing(f).description)
  }
  let paths: [String]
  do { paths = try ArticleLoader.expand(folders) } catch let error as LoadError {
    fail(error.description)
  } catch {
    fail("\(error)")
  }
  let index: LibraryIndex
  do {
    index = try LibraryIndex(options.location(for: folders), log: warn)
  } catch {
    fail("cannot open the index: \(error)")
  }
  do {
    try importing?(index)
  } catch {
    fail("\(error)")
  }
  var failed = false
  if !folders.isEmpty {
    var bar = ProgressBar()
    let result: RefreshSummary
    do {
      result = try index.refresh(
        paths: paths, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
        datings: datings(paths, input), progress: { bar.draw($0) })
    } catch {
      bar.clear()
      fail("cannot write the index: \(error)")
    }
    bar.clear()
    for line in result.failures { warn(line) }
    failed = !result.failures.isEmpty
    if summary {
      let total = (try? index.articleCount()) ?? 0
      let rate = result.seconds > 0 ? Double(result.analysed) / result.seconds : 0
      var where_ = "in memory"
      if case .file(let path) = index.location {
        where_ = String(format: "%@ (%.1f MB)", path, Double(index.sizeOnDisk) / 1e6)
      }
      warn(
        String(
          format:
            "%d %@ indexed: %d analysed, %d unchanged, %d removed, %d unreadable in %.2f s (%.0f articles/s); index %@",
          total, total == 1 ? "article" : "articles", result.analysed + result.touched,
          result.unchanged, result.removed,
          result.failures.count,
          result.seconds, rate, where_))
    }
  }
  return (index, failed)
}

func exitIfFailed(_ failed: Bool) {
  if failed { Lede.exit(withError: ExitCode(1)) }
}

// MARK: - lede index

struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Build or refresh the index of article folders (analysing on every core).",
    discussion: """
      Only new or changed files are analysed. An index mirrors the folders it is given: articles \
      no longer in them are dropped. --import adds analyses made by `lede analyze --jsonl` \
      (elsewhere, in parallel) before the folders are checked.
      """)

  @Argument(help: "Folders of articles, pages and feeds, or article files.")
  var folders: [String] = []

  @Option(
    name: .customLong("import"), parsing: .upToNextOption,
    help: "JSON-lines files from `lede analyze --jsonl`.")
  var imports: [String] = []

  @OptionGroup var options: IndexOptions

  @OptionGroup var input: InputOptions

  func validate() throws {
    if folders.isEmpty && imports.isEmpty {
      throw ValidationError("Missing a folder of articles (or --import FILE).")
    }
    if folders.isEmpty && options.index == nil {
      throw ValidationError("--import needs --index PATH, or the folders the analyses are of")
    }
  }

  func run() throws {
    // Every line is checked before anything is written (a bad line leaves the index as it was);
    // then the lines are read again and written in batches, so no file size is too large.
    var count = 0
    for file in imports {
      count += forEachRecord(file) { r in
        if r.analyser != AnalyserVersion.current {
          fail(
            "\(file): \(r.file.path) was analysed by \(r.analyser), this lede is \(AnalyserVersion.current); analyse it again"
          )
        }
      }
    }
    var batch: [ArticleRecord] = []
    let (index, failed) = openLibrary(folders, options, input: input, summary: true) { index in
      for file in imports {
        _ = forEachRecord(file) { record in
          batch.append(record)
          if batch.count == 256 {
            try index.write(batch, checkingAnalyser: true)
            batch.removeAll(keepingCapacity: true)
          }
        }
      }
      try index.write(batch, checkingAnalyser: true)
      try index.mergeIfNeeded()
    }
    if folders.isEmpty {
      warn(
        "\(count) analyses imported; the index holds \((try? index.articleCount()) ?? 0) articles")
    }
    exitIfFailed(failed)
  }

  /// Calls `body` with each analysis of a JSON-lines file, read a megabyte at a time; a line that
  /// is not one fails the command with one line naming the file and the line. Returns the count.
  func forEachRecord(_ file: String, _ body: (ArticleRecord) throws -> Void) -> Int {
    guard let handle = FileHandle(forReadingAtPath: file) else {
      let why = FileManager.default.fileExists(atPath: file) ? "cannot be read" : "no such file"
      fail("\(file): \(why)")
    }
    defer { try? handle.close() }
    var pending = Data()
    var lineNumber = 0
    var count = 0
    func handleLine(_ line: Data) {
      lineNumber += 1
      guard line.contains(where: { $0 != 0x20 && $0 != 0x0D }) else { return }
      let record: ArticleRecord
      do {
        record = try ArticleRecord.fromJSONLine(Substring(String(decoding: line, as: UTF8.self)))
      } catch {
        fail("\(file):\(lineNumber): not an analysis from `lede analyze --jsonl`")
      }
      do { try body(record) } catch { fail("\(error)") }
      count += 1
    }
    while true {
      let chunk: Data
      do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
        fail("\(file): cannot be read (\(error))")
      }
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let nl = pending.firstIndex(of: 0x0A) {
        handleLine(pending[pending.startIndex..<nl])
        pending.removeSubrange(pending.startIndex...nl)
      }
    }
    if !pending.isEmpty { handleLine(pending) }
    return count
  }
}

// MARK: - lede entities

struct EntitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entities",
    abstract: "List the entities of a library, merged across its articles.",
    discussion: "TSV columns: name, type, articles, mentions, aliases (separated by ' | ').")

  enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

  @Argument(help: "Folders of articles or article files (none with --index: the index as it is).")
  var folders: [String] = []

  @Option(name: .long, help: "Output format: tsv or json.")
  var format: Format = .tsv

  @Option(name: .long, help: "Only entities of this type (PERSON, ORGANIZATION, PLACE, ...).")
  var type: String?

  @Option(name: .long, help: "Sort by articles, mentions or name.")
  var sort: String = "articles"

  @OptionGroup var options: IndexOptions

  @OptionGroup var input: InputOptions

  func validate() throws {
    if let type, EntityType(rawValue: type.uppercased()) == nil {
      throw ValidationError(
        "--type takes one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(type)'"
      )
    }
    if EntitySort(rawValue: sort) == nil {
      throw ValidationError("--sort takes articles, mentions or name")
    }
  }

  func run() throws {
    let (index, failed) = openLibrary(folders, options, input: input)
    let types = type.map { Set([EntityType(rawValue: $0.uppercased())!]) }
    let all = try index.entities(sort: EntitySort(rawValue: sort)!, types: types)
    var out = ""
    switch format {
    case .tsv:
      out += "name\ttype\tarticles\tmentions\taliases\n"
      for e in all {
        out += "\(tsvField(e.name))\t\(e.type.rawValue)\t\(e.articles)\t\(e.mentions)\t"
        out += tsvField(e.aliases.joined(separator: " | ")) + "\n"
      }
    case .json:
      var w = JSONOut()
      w.open("[")
      for e in all {
        w.element()
        w.open("{")
        w.key("name")
        w.string(e.name)
        w.key("type")
        w.string(e.type.rawValue)
        w.key("aliases")
        w.strings(e.aliases)
        w.key("articles")
        w.raw(String(e.articles))
        w.key("mentions")
        w.raw(String(e.mentions))
        w.close("}")
      }
      w.close("]")
      out = w.output + "\n"
    }
    writeStdout(out)
    exitIfFailed(failed)
  }
}

// MARK: - lede mentions

struct MentionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mentions",
    abstract: "Every mention of an entity across a library, with its sentence.",
    discussion: "TSV columns: path, start, end (Unicode scalar offsets), the mention, its sentence."
  )

  @Argument(help: "The entity's name or one of its aliases (\"Tony Blair\", \"Mr Blair\").")
  var name: String

  @Argument(help: "Folders of articles or article files (none with --index: the index as it is).")
  var folders: [String] = []

  @Option(name: .long, help: "Output format: tsv or json.")
  var format: EntitiesCommand.Format = .tsv

  @OptionGroup var options: IndexOptions

  @OptionGroup var input: InputOptions

  func run() throws {
    let (index, failed) = openLibrary(folders, options, input: input)
    guard let entity = try index.entity(named: name) else {
      fail("no entity named '\(name)' in the library")
    }
    let rows = try index.mentions(of: entity.id)
    var out = ""
    switch format {
    case .tsv:
      for m in rows {
        out +=
          "\(tsvField(m.path))\t\(m.start)\t\(m.end)\t\(tsvField(m.text))\t\(tsvField(m.sentence))\n"
      }
    case .json:
      var w = JSONOut()
      w.open("{")
      w.key("name")
      w.string(entity.name)
      w.key("type")
      w.string(entity.type.rawValue)
      w.key("aliases")
      w.strings(entity.aliases)
      w.key("articles")
      w.raw(String(entity.articles))
      w.key("mentions")
      w.open("[")
      for m in rows {
        w.element()
        w.open("{")
        w.key("path")
        w.string(m.path)
        w.key("start")
        w.raw(String(m.start))
        w.key("end")
        w.raw(String(m.end))
        w.key("text")
        w.string(m.text)
        w.key("sentence")
        w.string(m.sentence)
        w.close("}")
      }
      w.close("]")
      w.close("}")
      out = w.output + "\n"
    }
    writeStdout(out)
    exitIfFailed(failed)
  }
}

// MARK: - lede search

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search a library: every match with its sentence, article by article.",
    discussion: """
      Smart case (case matters only when the pattern has a capital), diacritics aside. The \
      pattern's words are looked up whole or as the start of a longer word. TSV columns: path, \
      start, end (Unicode scalar offsets), the sentence.
      """)

  @Argument(help: "What to look for.")
  var pattern: String

  @Argument(help: "Folders of articles or article files (none with --index: the index as it is).")
  var folders: [String] = []

  @Option(name: .long, help: "At most this many matches.")
  var limit: Int?

  @OptionGroup var options: IndexOptions

  @OptionGroup var input: InputOptions

  func run() throws {
    let (index, failed) = openLibrary(folders, options, input: input)
    let hits = try index.search(pattern, limit: limit)
    var out = ""
    for h in hits {
      for m in h.matches {
        out += "\(tsvField(h.path))\t\(m.start)\t\(m.end)\t\(tsvField(m.sentence))\n"
      }
    }
    writeStdout(out)
    exitIfFailed(failed)
  }
}

// MARK: - lede analyze

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Analyse articles and write one JSON analysis per line (for `lede index --import`).",
    discussion: """
      Paths come as arguments (folders stand for their articles) or, with none, one per line on \
      standard input. Each line is a whole analysis; the command keeps no state, so it runs \
      under GNU parallel or Spark's rdd.pipe (docs/SCALING.md).
      """)

  @Flag(name: .long, help: "JSON lines (the only format for now).")
  var jsonl = false

  @Argument(help: "Article files or folders; none: read paths from standard input.")
  var paths: [String] = []

  @OptionGroup var input: InputOptions

  func validate() throws {
    if !jsonl { throw ValidationError("lede analyze writes JSON lines: pass --jsonl") }
  }

  func run() throws {
    var inputs = paths
    if inputs.isEmpty {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      inputs = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter
      { !$0.isEmpty }
    }
    let files: [String]
    do { files = try ArticleLoader.expand(inputs) } catch let error as LoadError {
      fail(error.description)
    }
    var failed = false
    for f in files {
      // As `lede index`: a FIFO or device named like an article is not opened (it could block).
      if FileStamp.statFile(f) == nil {
        let exists = FileManager.default.fileExists(atPath: f)
        warn((exists ? LoadError.notRegular(f) : LoadError.missing(f)).description)
        failed = true
        continue
      }
      do {
        let d = dating(f, date: input.date, year: input.year)
        let record = try ArticleRecord.analyse(path: f, date: d.date, year: d.year)
        writeStdout(try record.jsonLine() + "\n")
      } catch let error as LoadError {
        warn(error.description)
        failed = true
      }
    }
    exitIfFailed(failed)
  }
}

/// A minimal JSON writer for the library commands (strings escaped per RFC 8259).
struct JSONOut {
  private(set) var output = ""
  private var needsComma: [Bool] = []

  mutating func open(_ b: String) {
    output += b
    needsComma.append(false)
  }

  mutating func close(_ b: String) {
    output += b
    needsComma.removeLast()
  }

  mutating func element() {
    if needsComma.last == true { output += "," }
    if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
  }

  mutating func key(_ k: String) {
    element()
    string(k)
    output += ":"
  }

  mutating func raw(_ s: String) { output += s }

  mutating func strings(_ list: [String]) {
    open("[")
    for s in list {
      element()
      string(s)
    }
    close("]")
  }

  mutating func string(_ s: String) {
    output += "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\t": output += "\\t"
      case "\r": output += "\\r"
      default:
        if c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) || c.value == 0x2028
          || c.value == 0x2029
        {
          let hex = String(c.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(c)
        }
      }
    }
    output += "\""
  }
}
