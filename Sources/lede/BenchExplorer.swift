import ArticleModel
import ExplorerCore
import Foundation

extension BenchRun {
  // MARK: - 5. The explorer, off-screen

  /// The explorer on War and Peace, rendered into its screen buffer (no terminal): the first
  /// frame, then each key applied and rendered, 1,000 times spread through the book.
  mutating func explorer() {
    guard FileManager.default.fileExists(atPath: book) else { return }
    let size = Size(width: 120, height: 40)
    // First frame: what `lede BOOK` does first, from the head of the file (FilePart).
    func frame(_ doc: Document) -> ExplorerState {
      let placeholder = Analysis(document: doc, documentDate: nil, entities: [], timeExpressions: [], timeline: [])
      let state = ExplorerState(analysis: placeholder, size: size)
      _ = Screen.render(state)
      return state
    }
    let first = measure(runs: runs) { _ = frame(try! FilePart.read(.head, path: book)!) }
    let whole = measure(runs: runs) { _ = frame(try! ArticleLoader.load(path: book)) }
    add(BenchRow(section: "5 Explorer", name: "first frame of the book (its head, layout, render 120x40)",
      value: "\(ms(first.median)) \(first.spread)", floor: "≤ 500 ms", pass: first.median <= 0.5,
      reference: "from the whole file: \(ms(whole.median))"))
    var state = frame(try! ArticleLoader.load(path: book))

    let analysed = Analysis(document: state.analysis.document)
    let adopt = measure(runs: 1) { state.adopt(analysed) }
    let doc = state.analysis.document
    let index = measure(runs: runs) { _ = SearchIndex(scalars: doc.scalars) }
    add(BenchRow(section: "5 Explorer", name: "after the first frame: adopt the analysis; build the search index",
      value: "\(ms(adopt.median)); \(ms(index.median)) \(index.spread)"))

    func press(_ name: String, _ keys: [Key], setup: [Key] = [], move: Int = 4, count: Int = 1000) {
      var s = state
      for k in setup { _ = s.handle(.key(k)) }
      var samples: [Double] = []
      samples.reserveCapacity(count)
      for i in 0..<count {
        // spread the presses through the book: a few half pages between them, wrapping at the end
        for _ in 0..<move { _ = s.apply(.halfPageDown) }
        if i % 250 == 249 { _ = s.apply(.top) }
        let t0 = now()
        for k in keys { _ = s.handle(.key(k)) }
        _ = Screen.render(s)
        samples.append((now() - t0) / Double(keys.count))
      }
      let sm = Samples(seconds: samples)
      let p99 = sm.percentile(0.99)
      add(BenchRow(section: "5 Explorer", name: "key \(name) (apply + render, \(count)×)",
        value: "p50 \(ms(sm.percentile(0.5))), p99 \(ms(p99))", floor: "≤ 10 ms", pass: p99 <= 0.010))
    }
    press("j", [.char("j")])
    press("Space", [.char(" ")])
    press("G", [.char("G")])
    press("g", [.char("g")])
    press("Ctrl-D", [.ctrl("d")])
    press("/Natásha⏎ (per keystroke)", [.char("/")] + "Natásha".map { Key.char($0) } + [.enter], count: 125)
    press("n", [.char("n")], setup: [.char("/")] + "Natásha".map { Key.char($0) } + [.enter])
    press("]", [.char("]")])
    press("*", [.char("*")], setup: [.char("]")])
    // issue 16: counts, headings, the & filter (its keys averaged per keystroke)
    press("5j (per keystroke)", [.char("5"), .char("j")])
    press("20000G (per keystroke)", "20000G".map { Key.char($0) }, count: 250)
    press("50% (per keystroke)", "50%".map { Key.char($0) }, count: 250)
    press(")", [.char(")")])
    press("&Borodin⏎ then &⏎ (per keystroke)", "&Borodin".map { Key.char($0) } + [.enter, .char("&"), .enter], count: 50)
    press("] inside &Borodin", [.char("]")], setup: "&Borodin".map { Key.char($0) } + [.enter], count: 250)
    press("n inside &Borodin", [.char("n")], setup: "&Borodin".map { Key.char($0) } + [.enter] + "/Kutuzov".map { Key.char($0) } + [.enter], count: 250)

    var s = state
    var resize: [Double] = []
    for i in 0..<200 {
      for _ in 0..<8 { _ = s.apply(.halfPageDown) }
      if i % 50 == 49 { _ = s.apply(.top) }
      for target in [Size(width: 80, height: 24), size] {
        let t0 = now()
        _ = s.handle(.resize(target))
        _ = Screen.render(s)
        resize.append(now() - t0)
      }
    }
    let rs = Samples(seconds: resize)
    add(BenchRow(section: "5 Explorer", name: "resize 120x40 → 80x24 and back (re-wrap + render, 400×)",
      value: "p50 \(ms(rs.percentile(0.5))), p99 \(ms(rs.percentile(0.99)))", floor: "≤ 50 ms",
      pass: rs.percentile(0.99) <= 0.050))

    search(SearchIndex(scalars: state.analysis.document.scalars))
  }

  // MARK: - 6. Search

  mutating func search(_ index: SearchIndex) {
    guard let text = try? String(contentsOfFile: book, encoding: .utf8) else { return }
    for (word, label) in [("the", "common word"), ("Borodinó", "rare word")] {
      var found = 0
      let s = measure(runs: runs) { found = index.find(word).count }
      // to a file: GNU grep stops at the first match when its output is /dev/null
      let out = NSTemporaryDirectory() + "lede-bench-grep-\(getpid())"
      defer { try? FileManager.default.removeItem(atPath: out) }
      let grep = measure(runs: runs) { _ = spawn(["grep", "-c", "-i", word, book], stdoutPath: out) }
      let python = pythonScan(word, text: text)
      add(BenchRow(section: "6 Search", name: "all matches of \"\(word)\" (\(label)) in the book: \(found)",
        value: "\(ms(s.median)) \(s.spread)",
        reference: "grep -c -i (process): \(ms(grep.median)); python3 re.finditer (scan only): \(python)"))
    }
    // a regular expression: the first one also makes the text the expressions run on
    var found = 0
    let t0 = now()
    found = (try? index.search("Nat.sha", literal: false))?.count ?? 0
    let first = now() - t0
    let again = measure(runs: runs) { found = (try? index.search("Nat.sha", literal: false))?.count ?? 0 }
    let out = NSTemporaryDirectory() + "lede-bench-grep-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let grep = measure(runs: runs) { _ = spawn(["grep", "-c", "-E", "Nat.sha", book], stdoutPath: out) }
    add(BenchRow(section: "6 Search", name: "regular expression /Nat.sha/ in the book: \(found)",
      value: "\(ms(again.median)) \(again.spread) (the first: \(ms(first)))",
      floor: "≤ 500 ms", pass: again.median <= 0.5,
      reference: "grep -c -E (process): \(ms(grep.median))"))
  }

  /// Times a case-blind `re` scan in python3 over the book, excluding start-up.
  func pythonScan(_ word: String, text: String) -> String {
    let script = """
      import re,sys,time
      t=open(sys.argv[1],encoding='utf-8').read(); p=re.compile(re.escape(sys.argv[2]),re.I)
      best=min((lambda t0:(sum(1 for _ in p.finditer(t)),time.perf_counter()-t0)[1])(time.perf_counter()) for _ in range(\(runs)))
      print(best)
      """
    let out = NSTemporaryDirectory() + "lede-bench-py-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let f = spawn(["python3", "-c", script, book, word], stdoutPath: out)
    guard f.status == 0, let s = try? String(contentsOfFile: out, encoding: .utf8),
      let secs = Double(s.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return "n/a (no python3)" }
    return ms(secs)
  }
}
