import ArgumentParser
import ArticleModel
import Foundation
import LedeTraining

/// `lede eval-extract`: the web extractor on a folder of pages, scored like the
/// article-extraction benchmark (word 4-gram precision, recall and F1 per page, averaged).
struct EvalExtract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-extract",
    abstract: "Score the web-page extractor on saved pages (DIR/ID.html.gz or .html) against GOLD.json.")

  @Argument(help: "The folder of pages.")
  var dir: String

  @Argument(help: "The gold file: {ID: {\"articleBody\": text}}.")
  var gold: String

  @Option(name: .long, help: "Write the extracted bodies as {ID: {\"articleBody\": text}} to this file.")
  var predictions: String?

  @Option(name: .long, help: "A JSON file {ID: \"YYYY-MM-DD\" or null} of the dates the pages state: scores the date found.")
  var dates: String?

  @Flag(name: .long, help: "Print one line per page (id, precision, recall, ms).")
  var verbose = false

  func run() throws {
    let result: ExtractionBenchmark.Result
    do { result = try ExtractionBenchmark.run(dir: dir, goldPath: gold) } catch { fail("\(error)") }
    let s = result.summary
    if verbose {
      for p in result.pages {
        let prec = p.tp + p.fp > 0 ? p.tp / (p.tp + p.fp) : 1
        let rec = p.tp + p.fn > 0 ? p.tp / (p.tp + p.fn) : 1
        writeStdout("\(p.id.prefix(12))  P \(format(prec, 3))  R \(format(rec, 3))  \(format(p.seconds * 1000, 2)) ms  \(p.published ?? "-")\n")
      }
    }
    let perPage = result.totalSeconds / Double(max(1, result.pages.count))
    writeStdout("pages \(s.pages)\(result.missing.isEmpty ? "" : " (\(result.missing.count) missing)")\n")
    writeStdout("precision \(format(s.precision, 3))  recall \(format(s.recall, 3))  F1 \(format(s.f1, 3))  accuracy \(format(s.accuracy, 3))\n")
    writeStdout("parse + extraction: \(format(perPage * 1000, 2)) ms per page on average (this build)\n")
    if let dates {
      guard let data = FileManager.default.contents(atPath: dates),
        let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { fail("\(dates): not a JSON object of dates") }
      var stated = 0
      var right = 0
      var wrong: [String] = []
      for p in result.pages {
        guard let expected = obj[p.id] as? String else { continue }
        stated += 1
        if p.published == expected { right += 1 } else { wrong.append("\(p.id.prefix(12)) expected \(expected) found \(p.published ?? "none")") }
      }
      writeStdout("dates: \(right) of \(stated) pages that state one (\(format(100 * Double(right) / Double(max(1, stated)), 1)) %)\n")
      if verbose { for w in wrong { writeStdout("  \(w)\n") } }
    }
    if let predictions {
      do {
        try SafeWriter.write(ExtractionBenchmark.predictionsJSON(result), to: predictions, inputs: [gold])
      } catch { fail("\(error)") }
    }
  }
}
