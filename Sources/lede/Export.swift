import ArgumentParser
import ArticleModel
import Foundation

/// `lede export FILE|FOLDER... --format jsonl|csv|conll|brat|timeml|html [-o PATH]`.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the analysis in a format other tools read.",
    discussion: """
      jsonl: one JSON analysis a line (as lede dump). csv: a row per entity mention and time \
      expression. conll: tokens with CoNLL-2003 IOB2 tags. brat: standoff .ann lines. timeml: \
      the text with TIMEX3 elements. html: a self-contained page, entities coloured, timeline \
      beside. jsonl, csv and conll go to stdout or to -o FILE; with several articles, brat, \
      timeml and html need -o DIR (one file per article; brat also writes the .txt its offsets \
      refer to). Files are written atomically and never over an input.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, conll, brat, timeml, html

    /// Formats whose outputs for several articles go one after another in one stream.
    var streams: Bool { self == .jsonl || self == .csv || self == .conll }
    var fileExtension: String {
      switch self {
      case .brat: return "ann"
      case .timeml: return "tml"
      default: return rawValue
      }
    }
  }

  @Argument(help: "Article files or folders of articles; '-' reads standard input.")
  var files: [String]

  @Option(name: .long, help: "jsonl, csv, conll, brat, timeml or html.")
  var format: Format

  @Option(
    name: [.short, .long],
    help: "Write to this file, or for brat/timeml/html with several articles this folder.")
  var output: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    let paths: [String]
    do { paths = try ArticleLoader.expand(files) } catch let error as LoadError { fail(error.description) }
    if !format.streams && paths.count > 1 && output == nil {
      fail("--format \(format.rawValue) with \(paths.count) articles needs -o DIR (a file per article)")
    }
    let toFolder = !format.streams && (paths.count > 1 || format == .brat) && output != nil
    if toFolder, let output { try prepareFolder(output) }
    var stream = format == .csv ? Exporter.csvHeader : ""
    var written: [(String, Data)] = []
    var taken = Set<String>()
    for path in paths {
      let a = try analyse(path, date: input.date)
      let text: String
      switch format {
      case .jsonl: text = Report.json(a)
      case .csv: text = Exporter.csvRows(a, file: path)
      case .conll: text = Exporter.conll(a)
      case .brat: text = Exporter.brat(a)
      case .timeml: text = Exporter.timeml(a)
      case .html: text = Exporter.html(a)
      }
      if format.streams || !toFolder {
        stream += text
        continue
      }
      let base = (output! as NSString).appendingPathComponent(Self.uniqueName(path, taken: &taken))
      written.append((base + "." + format.fileExtension, Data(text.utf8)))
      if format == .brat { written.append((base + ".txt", Data(a.document.text.utf8))) }
    }
    if toFolder {
      // Every article is analysed before anything is written: a bad input writes nothing.
      for (file, data) in written {
        do { try SafeWriter.write(data, to: file, inputs: paths) } catch { fail("\(error)") }
      }
    } else if let output {
      do { try SafeWriter.write(Data(stream.utf8), to: output, inputs: paths) } catch { fail("\(error)") }
    } else {
      writeStdout(stream)
    }
  }

  /// The folder for one file per article: created if missing; a file of that name is an error.
  func prepareFolder(_ path: String) throws {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
      if !isDir.boolValue { fail("\(path): is not a folder (a file per article needs -o DIR)") }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      fail("\(path): cannot create the folder (\(error.localizedDescription))")
    }
  }

  /// The base name, made unique among the articles written: "politics/001.txt" → "001", then
  /// "politics-001" when a "001" from another folder came first, then "politics-001-2"...
  static func uniqueName(_ path: String, taken: inout Set<String>) -> String {
    var name = baseName(path)
    if taken.contains(name) {
      let parent = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
      if !parent.isEmpty && parent != "." && parent != "/" { name = parent + "-" + name }
    }
    var candidate = name
    var n = 2
    while taken.contains(candidate) {
      candidate = "\(name)-\(n)"
      n += 1
    }
    taken.insert(candidate)
    return candidate
  }

  /// "politics/001.txt" → "001"; standard input → "stdin".
  static func baseName(_ path: String) -> String {
    if path == "-" { return "stdin" }
    let name = (path as NSString).lastPathComponent
    let stem = (name as NSString).deletingPathExtension
    return stem.isEmpty ? name : stem
  }
}
