import ArticleModel
import ExplorerCore
import Foundation
import LibraryBridge
import LibraryIndex

/// Section 8 of `lede bench`, the Library view (issue 13's UI): the first frame of a warm open
/// and the keys in library scope, measured through the App as `lede FOLDER` runs it (the
/// commands the loop performs at once are performed here; the index's answers, which the loop
/// gets from the executor, are taken synchronously and timed apart in the rows above).
extension BenchRun {
  mutating func libraryView(index path: String, files: [String]) {
    let size = Size(width: 120, height: 40)
    // Warm open, up to the first frame: what `lede FOLDER` does before it (check every file,
    // read the first, open the index, read its articles and entities) and the frame itself.
    var frame = ScreenBuffer(size: size)
    var parts = [Double](repeating: 0, count: 6)
    var timed = 0
    let warm = measure(runs: max(3, runs / 2)) {
      var t = now()
      func lap(_ i: Int) {
        let n = now()
        parts[i] += n - t
        t = n
      }
      for f in files.dropFirst() { try! ArticleLoader.check(path: f) }
      _ = try! ArticleLoader.load(path: files[0])
      lap(0)
      let opened = try! LibraryIndex(.file(path))
      lap(1)
      let bridge = LibraryBridge(index: opened, paths: files, jobs: 2)
      lap(5)
      var app = App(paths: files, size: size, library: true)
      let snapshot = try! bridge.snapshot()
      lap(2)
      for c in app.start() {
        if case .library(.open) = c { _ = app.update(.library(.loaded(snapshot))) }
      }
      lap(3)
      frame = app.render()
      lap(4)
      timed += 1
    }
    precondition(frame.lines.joined().contains("Library"))
    // The entities, read after the first frame.
    let entities = measure(runs: max(3, runs / 2)) {
      let bridge = LibraryBridge(index: try! LibraryIndex(.file(path)), paths: files, jobs: 2)
      var app = App(paths: files, size: size, library: true)
      if case .entities(let list) = try! bridge.answer(.entities) {
        _ = app.update(.library(.entities(LibraryState.EntityTable(list))))
      }
      frame = app.render()
    }
    add(
      BenchRow(
        section: "9 Library",
        name: "warm open, Library view: check \(files.count) files, open the index, read the articles, first frame (entities after it)",
        value:
          "\(ms(warm.median)) \(warm.spread): files \(ms(parts[0] / Double(timed))), index \(ms(parts[1] / Double(timed))), bridge \(ms(parts[5] / Double(timed))), articles \(ms(parts[2] / Double(timed))), state \(ms(parts[3] / Double(timed))), frame \(ms(parts[4] / Double(timed)))",
        floor: "≤ 150 ms", pass: warm.median <= 0.150))
    add(
      BenchRow(
        section: "9 Library",
        name: "then the Library view's entities, after the first frame (open, read, sort, frame)",
        value: "\(ms(entities.median)) \(entities.spread)", floor: "≤ 100 ms",
        pass: entities.median <= 0.100))

    // Keys in library scope, each with its frame.
    let bridge = LibraryBridge(index: try! LibraryIndex(.file(path)), paths: files, jobs: 2)
    var app = App(paths: files, size: size, library: true)
    // the index's answer as the executor gives it
    func answer(_ q: LibraryQuery) -> Message {
      let a = try! bridge.answer(q)
      if case .entities(let list) = a { return .library(.entities(LibraryState.EntityTable(list))) }
      return .library(.answer(a))
    }
    func drive(_ message: Message) {
      var queue = [message]
      while !queue.isEmpty {
        for c in app.update(queue.removeFirst()) {
          switch c {
          case .library(.open): queue.append(.library(.loaded(try! bridge.snapshot())))
          case .library(.refresh): break
          case .library(.query(let q)): queue.append(answer(q))
          case .load(let file, let p):
            queue.append(.loaded(file: file, document: try! ArticleLoader.load(path: p), part: nil))
          default: break
          }
        }
      }
    }
    drive(.input(.resize(size)))
    for c in app.start() {
      if case .library(.open) = c { drive(.library(.loaded(try! bridge.snapshot()))) }
      if case .library(.query(let q)) = c { drive(answer(q)) }
    }
    var samples: [Double] = []
    func key(_ k: Key) {
      let t0 = now()
      drive(.input(.key(k)))
      _ = app.render()
      samples.append(now() - t0)
    }
    func row(_ name: String) {
      let s = Samples(seconds: samples)
      add(
        BenchRow(
          section: "9 Library", name: name,
          value: "p50 \(ms(s.percentile(0.5))), p99 \(ms(s.percentile(0.99))) (\(samples.count) keys)",
          floor: "≤ 10 ms (p99)", pass: s.percentile(0.99) <= 0.010))
      samples = []
    }
    for _ in 0..<5 {
      for c in "election" { key(.char(c)) }
      for _ in 0..<8 { key(.backspace) }
      for _ in 0..<10 { key(.down) }
      key(.pageDown)
      key(.ctrl("s"))
    }
    row("Library keys: type a filter over \(files.count) articles, Backspace, Down, PgDn, Ctrl-S")
    key(.tab)
    samples = []
    for _ in 0..<5 {
      for c in "blair" { key(.char(c)) }
      for _ in 0..<5 { key(.backspace) }
      key(.ctrl("s"))
    }
    row("Library keys: type a filter over \(app.library?.entities.count ?? 0) entities, Backspace, Ctrl-S")
    // Tony Blair chosen (the index's answer taken at once), his first article opened, then ]
    for c in "tony blair" { drive(.input(.key(.char(c)))) }
    while app.library?.entityOrder != .articles { drive(.input(.key(.ctrl("s")))) }
    drive(.input(.key(.enter)))
    drive(.input(.key(.enter)))
    samples = []
    let mentions = app.library?.concordance.count ?? 0
    for _ in 0..<min(300, mentions) { key(.char("]")) }
    row(
      "`]` across \(app.library?.chosen?.articles ?? 0) articles of Tony Blair (\(mentions) mentions; a new article is read, as the loop does, in the key)")
  }
}
