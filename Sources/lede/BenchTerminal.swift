import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension BenchRun {
  // MARK: - 7. In a real terminal, beside less

  /// The book opened in tmux at 120x40, by less and by lede in the same run: the time to the
  /// first full screen (from starting the program), the time `G` takes to show the end, and
  /// (lede) the explorer's peak memory once the analysis is done. The screen is read with
  /// `tmux capture-pane` every 2 ms, the same way for both programs.
  mutating func inTerminal() {
    guard FileManager.default.fileExists(atPath: book), let tmux = which("tmux"),
      let less = which("less")
    else {
      FileHandle.standardError.write(Data("  7 Terminal: skipped (needs the book, tmux and less)\n".utf8))
      return
    }
    let lede = selfExecutable()
    let socket = "lede-bench-\(getpid())"
    defer { _ = run([tmux, "-L", socket, "kill-server"]) }
    func session(_ program: String, _ n: Int) -> (first: Double, g: Double, rssKiB: Int)? {
      let name = "s\(n)"
      // What each shows first and last: less the whole file, Gutenberg header and licence
      // included; lede the book's own text (it skips the header and the licence).
      let first = program == lede ? "By Leo Tolstoy" : "Title: War and Peace"
      let end = program == lede ? "we are not conscious." : "subscribe to our email newsletter"
      let t0 = now()
      guard
        run([
          tmux, "-L", socket, "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
          "exec env TERM=xterm-256color LESS= \(program) '\(book)'",
        ]) == 0
      else {
        FileHandle.standardError.write(Data("  7 Terminal: tmux did not start \(program)\n".utf8))
        return nil
      }
      defer { _ = run([tmux, "-L", socket, "kill-session", "-t", name]) }
      // the first screen: the book's first lines and the bottom line drawn
      guard let shown = poll(deadline: 20, {
        let s = capture(tmux, socket, name)
        let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
        return s.contains(first) && rows.count >= 40 && !rows[39].allSatisfy { $0 == " " }
      }) else {
        FileHandle.standardError.write(Data("  7 Terminal: \(program) did not show the book\n".utf8))
        return nil
      }
      let t1 = now()
      _ = run([tmux, "-L", socket, "send-keys", "-t", name, "G"])
      guard let ended = poll(deadline: 20, { capture(tmux, socket, name).contains(end) }) else {
        FileHandle.standardError.write(Data("  7 Terminal: \(program) did not show the end after G\n".utf8))
        return nil
      }
      var rss = 0
      if program == lede {
        // once the analysis is done (the Entities count is shown), the peak resident memory
        _ = poll(deadline: 120, {
          capture(tmux, socket, name).range(of: #"Entities \([0-9]"#, options: .regularExpression) != nil
        })
        let pid = output([tmux, "-L", socket, "display", "-p", "-t", name, "#{pane_pid}"])
          .trimmingCharacters(in: .whitespacesAndNewlines)
        rss = peakRSSKiB(pid: pid)
      }
      return (shown - t0, ended - t1, rss)
    }
    // One session stays open throughout, so that the server does not exit and start again
    // between sessions; one session of each program first warms the caches up.
    _ = run([tmux, "-L", socket, "new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 3600"])
    _ = session(less, 1000)
    _ = session(lede, 1001)
    var lessFirst: [Double] = []
    var lessG: [Double] = []
    var ledeFirst: [Double] = []
    var ledeG: [Double] = []
    var ledeRSS: [Int] = []
    // at least 7 sessions each: a session's figure is a few milliseconds on a shared machine
    for n in 0..<max(7, runs) {
      // alternate, so that both see the same machine state
      if let r = session(less, 2 * n) {
        lessFirst.append(r.first)
        lessG.append(r.g)
      }
      if let r = session(lede, 2 * n + 1) {
        ledeFirst.append(r.first)
        ledeG.append(r.g)
        ledeRSS.append(r.rssKiB)
      }
    }
    guard !lessFirst.isEmpty, !ledeFirst.isEmpty else {
      FileHandle.standardError.write(Data("  7 Terminal: a session did not show the book\n".utf8))
      return
    }
    let lf = Samples(seconds: lessFirst).median
    let df = Samples(seconds: ledeFirst).median
    let lg = Samples(seconds: lessG).median
    let dg = Samples(seconds: ledeG).median
    add(BenchRow(section: "7 Terminal", name: "first full screen of the book in tmux 120x40 (median of \(ledeFirst.count))",
      value: "\(ms(df)) (\(format(df / lf, 1))× less)", floor: "≤ 2× less", pass: df <= 2 * lf,
      reference: "less: \(ms(lf))"))
    add(BenchRow(section: "7 Terminal", name: "G after the first screen: the end of the book shown",
      value: "\(ms(dg)) (\(format(dg / lg, 1))× less)", floor: "≤ 2× less", pass: dg <= 2 * lg,
      reference: "less: \(ms(lg))"))
    let rss = Double(ledeRSS.max() ?? 0) / 1024
    add(BenchRow(section: "7 Terminal", name: "explorer peak memory on the book, analysis done",
      value: "\(format(rss, 0)) MB", floor: "≤ 231 MB (1.5× lede dump's 154 MB)", pass: rss > 0 && rss <= 231))
  }

  /// Polls until `ready` holds; the time it did (`now()`), or nil at the deadline.
  func poll(deadline: Double, _ ready: () -> Bool) -> Double? {
    let t0 = now()
    while now() - t0 < deadline {
      if ready() { return now() }
      usleep(2000)
    }
    return nil
  }

  func capture(_ tmux: String, _ socket: String, _ name: String) -> String {
    output([tmux, "-L", socket, "capture-pane", "-p", "-t", name])
  }

  /// The peak resident memory (VmHWM) of a process, in KiB.
  func peakRSSKiB(pid: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
  }

  func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  /// Runs a program to the end; its exit status.
  func run(_ argv: [String]) -> Int32 { spawn(argv).status }

  /// Runs a program and returns its standard output.
  func output(_ argv: [String]) -> String {
    let path = NSTemporaryDirectory() + "lede-bench-out-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = spawn(argv, stdoutPath: path)
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }
}
