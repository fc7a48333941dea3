import ArticleModel
import Foundation

/// How far a refresh has come, for a progress bar.
public struct RefreshProgress: Sendable {
  public var done: Int
  public var total: Int
  public var elapsed: Double
}

/// What a refresh did.
public struct RefreshSummary: Sendable, Equatable {
  public var analysed = 0
  public var unchanged = 0
  /// Files whose time changed but not their content: not analysed again.
  public var touched = 0
  public var removed = 0
  /// One line per file that could not be read (the file and the problem).
  public var failures: [String] = []
  public var seconds = 0.0
  /// Whether the library's entities were merged again.
  public var merged = false

  public init() {}
}

extension LibraryIndex {
  /// Brings the index up to date with `paths` (article files, already expanded from folders):
  /// new files and files whose size, time or content changed are analysed, on `jobs` threads,
  /// and written in batches (one transaction each); files no longer among `paths` are removed
  /// unless `keepOthers`. Unreadable files are reported in `failures` and left out.
  /// `datings`: the date and year to analyse a file with (by path as given: --date, --year, a
  /// `dates.tsv` beside it); a file analysed with others than these is analysed again.
  @discardableResult
  public func refresh(
    paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    datings: [String: (date: String?, year: Int?)] = [:],
    keepOthers: Bool = false,
    batch: Int = 128, progress: ((RefreshProgress) -> Void)? = nil
  ) throws -> RefreshSummary {
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var summary = RefreshSummary()
    let known = try stamps()
    var wanted = Set<String>()
    var work: [OutcomeQueue.Item] = []
    for given in paths {
      let path = FileStamp.absolute(given)
      guard wanted.insert(path).inserted else { continue }
      guard let st = FileStamp.statFile(path) else {
        // Gone, or a FIFO or device named like an article: never opened (a FIFO would block).
        let exists = FileManager.default.fileExists(atPath: path)
        summary.failures.append(
          (exists ? LoadError.notRegular(given) : LoadError.missing(given)).description)
        wanted.remove(path)
        continue
      }
      let old = known[path]
      let dating = datings[given]
      let key = ArticleRecord.datingKey(date: dating?.date, year: dating?.year)
      // the same analyser with the same date and year: an unchanged file needs nothing
      let same = old.map { $0.analyser == analyser && $0.dating == key } ?? false
      if let old, same, st.size == old.stamp.size, st.mtime == old.stamp.mtime {
        summary.unchanged += 1
        continue
      }
      work.append(
        OutcomeQueue.Item(
          path: path, given: given, old: same ? old?.stamp : nil, date: dating?.date, year: dating?.year))
    }
    if !keepOthers {
      let gone = known.keys.filter { !wanted.contains($0) }.sorted()
      try remove(gone)
      summary.removed = gone.count
    }
    // Analysis on `jobs` threads; this thread writes the records in batches as they come.
    let total = work.count
    let queue = OutcomeQueue(work: work, analyser: analyser)
    let workers = max(1, min(jobs, total))
    if total > 0 {
      for _ in 0..<workers { Thread.detachNewThread { queue.runWorker() } }
    }
    var done = 0
    var lastProgress = -1.0
    while done < total {
      let taken = queue.take(atLeast: min(batch, total - done), workers: workers)
      var records: [ArticleRecord] = []
      var touched: [FileStamp] = []
      for o in taken {
        switch o {
        case .record(let r): records.append(r)
        case .touched(let s): touched.append(s)
        case .failed(let line): summary.failures.append(line)
        }
      }
      try write(records)
      try touch(touched)
      summary.analysed += records.count
      summary.touched += touched.count
      done += taken.count
      if let progress, elapsed() - lastProgress >= 0.1 || done == total {
        lastProgress = elapsed()
        progress(RefreshProgress(done: done, total: total, elapsed: lastProgress))
      }
    }
    queue.waitForWorkers(workers)
    summary.merged = try mergeIfNeeded()
    if summary.analysed + summary.removed > 0 { checkpoint() }
    summary.seconds = elapsed()
    return summary
  }

  /// Adds analyses made elsewhere (`lede analyze --jsonl`), in batches; nothing is removed.
  public func importRecords(_ records: [ArticleRecord], batch: Int = 256) throws {
    if let other = records.first(where: { $0.analyser != analyser }) {
      throw IndexError(
        "\(other.file.path): analysed by \(other.analyser), this lede is \(analyser); analyse it again"
      )
    }
    var i = 0
    while i < records.count {
      try write(Array(records[i..<min(records.count, i + batch)]))
      i += batch
    }
    try mergeIfNeeded()
  }
}

/// The refresh's analysis threads and the outcomes they hand to the writing thread.
final class OutcomeQueue: @unchecked Sendable {
  enum Outcome {
    case record(ArticleRecord)
    case touched(FileStamp)
    case failed(String)
  }

  /// A file to analyse: its stamp in the index when only its time may have changed, and the
  /// date and year to analyse it with.
  struct Item {
    var path: String
    var given: String
    var old: FileStamp?
    var date: String?
    var year: Int?
  }

  private let lock = NSCondition()
  private let work: [Item]
  private let analyser: String
  private var next = 0
  private var outcomes: [Outcome] = []
  private var finished = 0

  init(work: [Item], analyser: String) {
    self.work = work
    self.analyser = analyser
  }

  func runWorker() {
    while true {
      lock.lock()
      let i = next
      next += 1
      lock.unlock()
      if i >= work.count { break }
      let outcome = analyse(work[i])
      lock.lock()
      outcomes.append(outcome)
      lock.signal()
      lock.unlock()
    }
    lock.lock()
    finished += 1
    lock.broadcast()
    lock.unlock()
  }

  func analyse(_ item: Item) -> Outcome {
    do {
      let data = try ArticleLoader.read(path: item.path)
      let hash = FileStamp.hash(data)
      let st = FileStamp.statFile(item.path)
      let stamp = FileStamp(
        path: item.path, size: st?.size ?? Int64(data.count), mtime: st?.mtime ?? 0, hash: hash)
      if let old = item.old, old.hash == hash { return .touched(stamp) }
      let doc = try ArticleLoader.document(from: data, name: item.given)
      return .record(
        ArticleRecord(
          analysis: Analysis(document: doc, date: item.date, year: item.year), file: stamp, analyser: analyser,
          dating: ArticleRecord.datingKey(date: item.date, year: item.year)))
    } catch let e as LoadError {
      return .failed(e.description)
    } catch {
      return .failed("\(item.given): \(error)")
    }
  }

  /// Waits for `atLeast` outcomes (or for every worker to finish) and takes them all.
  /// Waits for `atLeast` outcomes, every worker to finish, or `seconds` to pass with at least
  /// one outcome (so that a slow batch is still committed often), and takes them all.
  func take(atLeast n: Int, workers: Int, seconds: Double = 0.5) -> [Outcome] {
    lock.lock()
    defer { lock.unlock() }
    let deadline = Date(timeIntervalSinceNow: seconds)
    while outcomes.count < n && finished < workers {
      if Date() < deadline {
        _ = lock.wait(until: deadline)
      } else if outcomes.isEmpty {
        lock.wait()  // past the deadline: the first outcome is enough
      } else {
        break
      }
    }
    let taken = outcomes
    outcomes.removeAll(keepingCapacity: true)
    return taken
  }

  func waitForWorkers(_ workers: Int) {
    lock.lock()
    while finished < workers && !work.isEmpty { lock.wait() }
    lock.unlock()
  }
}
