import ArticleModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The figures of `lede bench`, measured in one process run so that ratios to the reference
/// tools (grep, wc, python3) come from the same machine state.
struct BenchRun {
  let shared: String
  let runs: Int
  var rows: [BenchRow] = []

  init(shared: String, runs: Int) {
    self.shared = shared
    self.runs = runs
  }

  var book: String { shared + "/data/big/war-and-peace.txt" }

  mutating func all() {
    loading()
    entityTagging()
    timeExpressions()
    wholeAnalysis()
    explorer()
    inTerminal()
    web()
    library()
  }

  /// Some sections only (`lede bench --only explorer,terminal`).
  mutating func sections(_ names: [String]) {
    for name in names {
      switch name {
      case "loading": loading()
      case "entities": entityTagging()
      case "time": timeExpressions()
      case "analysis": wholeAnalysis()
      case "explorer": explorer()
      case "terminal": inTerminal()
      case "web": web()
      case "library": library()
      default: fail("bench: no section '\(name)' (loading, entities, time, analysis, explorer, terminal, web, library)")
      }
    }
  }

  mutating func add(_ row: BenchRow) {
    rows.append(row)
    let status = row.pass.map { $0 ? "PASS" : "FAIL" } ?? ""
    FileHandle.standardError.write(Data("  \(row.section) · \(row.name): \(row.value) \(status)\n".utf8))
  }

  // MARK: - 1. Loading

  mutating func loading() {
    guard let bookData = FileManager.default.contents(atPath: book) else { return }
    var tokens = 0
    let s = measure(runs: runs) {
      let doc = try! ArticleLoader.document(from: bookData, name: "book")
      tokens = doc.tokens.count
    }
    let mb = Double(bookData.count) / 1e6
    let wc = measure(runs: runs) { _ = spawn(["wc", "-w", book]) }
    add(BenchRow(section: "1 Loading", name: "War and Peace: decode, normalise, segment, tokenise",
      value: "\(ms(s.median)) \(s.spread), \(format(mb / s.median)) MB/s, \(formatRate(Double(tokens) / s.median))tokens/s",
      reference: "wc -w: \(ms(wc.median)) (lede/wc = \(format(s.median / wc.median, 1))x)"))

    let bbc = bbcFiles()
    let datas = bbc.compactMap { FileManager.default.contents(atPath: $0) }
    let bytes = datas.reduce(0) { $0 + $1.count }
    var bbcTokens = 0
    let b = measure(runs: runs) {
      bbcTokens = 0
      for d in datas { bbcTokens += (try? ArticleLoader.document(from: d, name: "bbc"))?.tokens.count ?? 0 }
    }
    add(BenchRow(section: "1 Loading", name: "BBC corpus (\(datas.count) articles)",
      value: "\(ms(b.median)) \(b.spread), \(format(Double(bytes) / 1e6 / b.median)) MB/s, \(formatRate(Double(bbcTokens) / b.median))tokens/s"))
  }

  func bbcFiles() -> [String] {
    let root = shared + "/data/news/bbc-fulltext"
    let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { root + "/" + $0 }
  }

  // MARK: - 2. Entities

  /// eng.testa's tokens, one sentence a line and a blank line between articles.
  func conllText(_ path: String) -> (String, Int)? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    var out = ""
    var line: [Substring] = []
    var count = 0
    for raw in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = raw.split(separator: " ")
      if fields.isEmpty {
        if !line.isEmpty { out += line.joined(separator: " ") + "\n" }
        line.removeAll()
      } else if fields[0] == "-DOCSTART-" {
        out += "\n"
      } else {
        line.append(fields[0])
        count += 1
      }
    }
    if !line.isEmpty { out += line.joined(separator: " ") + "\n" }
    return (out, count)
  }

  mutating func entityTagging() {
    guard let (text, _) = conllText(shared + "/data/conll2003/eng.testa") else { return }
    let doc = Document(name: "eng.testa", text: text)
    let load = measure(runs: runs) { _ = try? EntityResources.loadModel() }
    add(BenchRow(section: "2 Entities", name: "model load (read and decode ner-model.bin)", value: "\(ms(load.median)) \(load.spread)",
      floor: "≤ 100 ms", pass: load.median <= 0.1))
    EntityRecognizer.warmUp()
    if let model = EntityResources.model {
      let mb = Double(model.memoryBytes) / 1_048_576
      add(BenchRow(section: "2 Entities", name: "model memory (weights and tables)", value: "\(format(mb, 1)) MB",
        floor: "≤ 100 MB", pass: mb <= 100))
      let tagging = measure(runs: runs) { _ = model.tag(NERInput(doc)) }
      let rate = Double(doc.tokens.count) / tagging.median
      add(BenchRow(section: "2 Entities", name: "tagging alone: eng.testa (\(doc.tokens.count) tokens)",
        value: "\(ms(tagging.median)) \(tagging.spread), \(formatRate(rate))tokens/s",
        floor: "≥ 300k tokens/s", pass: rate >= 300_000,
        reference: "spaCy en_core_web_sm ≈ 8k tokens/s here (issue 4)"))
    }
    let s = measure(runs: runs) { _ = EntityRecognizer.entities(in: doc) }
    let rate = Double(doc.tokens.count) / s.median
    add(BenchRow(section: "2 Entities", name: "whole entity pipeline (tagger, rules, clustering): eng.testa",
      value: "\(ms(s.median)) \(s.spread), \(formatRate(rate))tokens/s"))
  }

  // MARK: - 3. Time expressions

  /// The `<TEXT>` of a TimeML file with its tags removed and entities decoded.
  static func timemlText(_ xml: String) -> String {
    guard let a = xml.range(of: "<TEXT>"), let b = xml.range(of: "</TEXT>", range: a.upperBound..<xml.endIndex)
    else { return "" }
    var out = ""
    var inTag = false
    for c in xml[a.upperBound..<b.lowerBound] {
      if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
    }
    return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  mutating func timeExpressions() {
    let dir = shared + "/data/tempeval3/TBAQ-cleaned/TimeBank"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tml") }
    let docs = names.compactMap { FileManager.default.contents(atPath: dir + "/" + $0) }
      .map { Document(name: "timebank", text: Self.timemlText(String(decoding: $0, as: UTF8.self))) }
    let tokens = docs.reduce(0) { $0 + $1.tokens.count }
    let dct = DocumentDate(value: "1998-02-27", source: .given)
    var found = 0
    let s = measure(runs: runs) {
      found = 0
      for d in docs { found += TemporalTagger.expressions(in: d, dct: dct).count }
    }
    let rate = Double(tokens) / s.median
    add(BenchRow(section: "3 Time", name: "time expressions of TimeBank (\(docs.count) files, \(tokens) tokens, \(found) found)",
      value: "\(ms(s.median)) \(s.spread), \(formatRate(rate))tokens/s",
      floor: "≥ 500k tokens/s", pass: rate >= 500_000,
      reference: "HeidelTime ≈ 1.1k tokens/s here (issue 5)"))
  }

  // MARK: - 4. Whole analysis as a process

  mutating func wholeAnalysis() {
    let me = selfExecutable()
    let inputs = [
      ("seed article", FileManager.default.currentDirectoryPath + "/seeds/vovworld-dprk-russia.txt"),
      ("BBC business/001", shared + "/data/news/bbc-fulltext/business/001.txt"),
      ("War and Peace", book),
    ]
    for (label, path) in inputs where FileManager.default.fileExists(atPath: path) {
      let s = measure(runs: runs) { _ = spawn([me, "dump", path, "--format", "json"]) }
      add(BenchRow(section: "4 Whole analysis", name: "lede dump --format json: \(label)",
        value: "\(ms(s.median)) \(s.spread), peak RSS \(peakRSS([me, "dump", path, "--format", "json"]))"))
    }
  }

  /// Peak resident memory of a command, from /usr/bin/time (a process spawned from this one
  /// would inherit this process's high-water mark across exec, so wait4's figure is wrong).
  func peakRSS(_ argv: [String]) -> String {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return "n/a (no /usr/bin/time)" }
    let out = NSTemporaryDirectory() + "lede-bench-rss-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = spawn(["/usr/bin/time", "-f", "%M", "-o", out] + argv)
    guard let text = try? String(contentsOfFile: out, encoding: .utf8),
      let kib = Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
    else { return "n/a" }
    return "\(format(Double(kib) / 1024, 1)) MB"
  }

  // MARK: - Output

  func table() -> String {
    var out = "| section | figure | value | floor | result | reference (same run) |\n"
    out += "| --- | --- | --- | --- | --- | --- |\n"
    for r in rows {
      let result = r.pass.map { $0 ? "PASS" : "FAIL" } ?? ""
      out += "| \(r.section) | \(r.name) | \(r.value) | \(r.floor) | \(result) | \(r.reference) |\n"
    }
    return out
  }

  /// From this line on, BENCHMARKS.md holds sections measured by other means (instruction counts
  /// with valgrind, by hand); `lede bench` keeps them when it writes the table again.
  static let keptMarker = "<!-- kept by lede bench: sections measured by hand follow -->"

  func markdown(table: String) -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }
      .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    let date = ISO8601DateFormatter().string(from: Date())
    return """
      # Benchmarks

      Measured by `make bench` (`lede bench`, release build) on \(date), on \(ProcessInfo.processInfo.activeProcessorCount) cores of \(cpu).
      Each figure is the median of \(runs) runs after a warm-up, with the spread (± half the range, as a
      share of the median). References run in the same process run, so their ratios survive a noisy machine.

      \(table)
      """
  }
}
