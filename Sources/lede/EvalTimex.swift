import ArgumentParser
import ArticleModel
import Foundation
import LedeTraining

/// `lede eval-timex DIR [--predictions OUT.jsonl]`: tags the `<TEXT>` of every TimeML file in a
/// directory, writes the expressions as JSON lines, and prints TempEval-3 task A scores when
/// the files hold gold TIMEX3s.
struct EvalTimex: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-timex",
    abstract: "Tag TimeML files (*.tml, *.tml.TE3input) and score against their TIMEX3s.")

  @Argument(help: "A directory of TimeML files.")
  var directory: String

  @Option(name: .long, help: "Write one JSON line per predicted expression to this file.")
  var predictions: String?

  @Flag(name: .long, help: "Print every extent, type and value error (for tuning).")
  var errors = false

  func run() throws {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      fail("\(directory): not a directory")
    }
    let names =
      (try? fm.contentsOfDirectory(atPath: directory))?.filter {
        $0.hasSuffix(".tml") || $0.hasSuffix(".tml.TE3input")
      }.sorted() ?? []
    if names.isEmpty { fail("\(directory): no *.tml or *.tml.TE3input files") }

    var score = TimexScore()
    var out = ""
    var tokens = 0
    var seconds = 0.0
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      guard let data = fm.contents(atPath: path), let xml = String(data: data, encoding: .utf8)
      else {
        fail("\(path): cannot be read as UTF-8")
      }
      guard let file = TimeMLFile(xml) else { fail("\(path): no <TEXT> element") }
      let docName = name.hasSuffix(".tml") ? String(name.dropLast(4)) : String(name.dropLast(13))
      let scalars = TextDecoding.decode(file.text)
      if !scalars.elementsEqual(file.text.unicodeScalars) {
        FileHandle.standardError.write(
          Data("lede: \(name): the decoded text differs from the file's; offsets may shift\n".utf8))
      }
      let doc = Document(name: docName, scalars: scalars)
      // Speed: the best of three runs, so that other processes on the machine disturb it less.
      var best = Double.infinity
      var found: [TimeExpression] = []
      for _ in 0..<3 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let dct = TemporalTagger.documentDate(for: doc, given: file.dct)
        found = TemporalTagger.expressions(in: doc, dct: dct)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
      }
      seconds += best
      tokens += doc.tokens.count
      for e in found {
        out += "{\"doc\":\(jsonString(docName)),\"start\":\(e.span.start),\"end\":\(e.span.end),"
        out += "\"type\":\(jsonString(e.type.rawValue)),\"value\":\(jsonString(e.value))}\n"
      }
      let system = found.map {
        GoldTimex(start: $0.span.start, end: $0.span.end, type: $0.type.rawValue, value: $0.value)
      }
      score.add(gold: file.timexes, system: system)
      if errors {
        for line in score.describeErrors(gold: file.timexes, system: system, text: Array(scalars)) {
          writeStdout("\(docName) [\(file.dct ?? "-")] \(line)\n")
        }
      }
    }
    if let predictions {
      do { try out.write(toFile: predictions, atomically: true, encoding: .utf8) } catch {
        fail("\(predictions): cannot be written (\(error.localizedDescription))")
      }
    }
    let rate = seconds > 0 ? Double(tokens) / seconds : 0
    writeStdout("files \(names.count)  gold \(score.gold)  system \(score.system)\n")
    if score.gold > 0 {
      writeStdout(score.report())
    }
    writeStdout(
      String(
        format:
          "speed  %d tokens in %.3f s: %.0f tokens/s (document date, tagging, resolution; best of 3)\n",
        tokens, seconds, rate))
  }
}

/// A JSON string literal (RFC 8259 escapes).
func jsonString(_ s: String) -> String {
  var out = "\""
  for c in s.unicodeScalars {
    switch c {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default:
      if c.value < 0x20 {
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(c)
      }
    }
  }
  return out + "\""
}
