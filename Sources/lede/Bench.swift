import ArgumentParser
import ArticleModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `lede bench`: the speed and memory figures of every issue, each with its floor and, where a
/// well-known tool does the same work, that tool's figure from the same run.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure speed and memory (release build) and write BENCHMARKS.md.")

  @Option(help: "The shared data folder (default: ../shared beside the current folder).")
  var shared: String?

  @Option(help: "Timed runs per figure, after one warm-up run.")
  var runs: Int = 5

  @Option(help: "Where to write the table (Markdown); '-' for none (default: BENCHMARKS.md, none with --only).")
  var output: String?

  @Option(help: "Only these sections, comma-separated: loading, entities, time, analysis, explorer, terminal, web, library (the table is then printed, not written, unless --output is given).")
  var only: String?

  func run() throws {
    let sharedRoot = shared ?? (FileManager.default.currentDirectoryPath + "/../shared")
    guard FileManager.default.fileExists(atPath: sharedRoot + "/data") else {
      fail("\(sharedRoot): no shared data folder (give --shared DIR)")
    }
    var bench = BenchRun(shared: sharedRoot, runs: max(1, runs))
    if let only {
      bench.sections(only.split(separator: ",").map(String.init))
    } else {
      bench.all()
    }
    let table = bench.table()
    writeStdout(table)
    let output = self.output ?? (only == nil ? "BENCHMARKS.md" : "-")
    if output != "-" {
      var doc = bench.markdown(table: table)
      // sections measured by other means (instruction counts, by hand) are kept from the marker on
      if let old = try? String(contentsOfFile: output, encoding: .utf8),
        let kept = old.range(of: BenchRun.keptMarker)
      {
        doc += "\n" + old[kept.lowerBound...]
      }
      do { try SafeWriter.write(Data(doc.utf8), to: output) } catch { fail("\(error)") }
      writeStdout("written to \(output)\n")
    }
  }
}

/// One figure of the table.
struct BenchRow {
  var section: String
  var name: String
  var value: String
  var floor: String = ""
  var pass: Bool? = nil
  var reference: String = ""
}

/// Timing statistics over several runs.
struct Samples {
  var seconds: [Double]
  var median: Double {
    let s = seconds.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
  }
  var spread: String {
    guard let lo = seconds.min(), let hi = seconds.max(), median > 0 else { return "" }
    return String(format: "±%.0f%%", 50 * (hi - lo) / median)
  }
  func percentile(_ p: Double) -> Double {
    let s = seconds.sorted()
    guard !s.isEmpty else { return 0 }
    return s[min(s.count - 1, Int((Double(s.count) * p).rounded(.down)))]
  }
}

@inline(__always) func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` once to warm up, then `runs` times, and returns the timings.
func measure(runs: Int, _ body: () -> Void) -> Samples {
  body()
  var out: [Double] = []
  for _ in 0..<runs {
    let t0 = now()
    body()
    out.append(now() - t0)
  }
  return Samples(seconds: out)
}

func format(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

func formatRate(_ perSecond: Double) -> String {
  if perSecond >= 1e6 { return format(perSecond / 1e6, 2) + " M" }
  if perSecond >= 1e3 { return format(perSecond / 1e3, 1) + " k" }
  return format(perSecond, 1) + " "
}

func ms(_ s: Double) -> String { format(s * 1000, s < 0.01 ? 3 : 1) + " ms" }

/// A child process's wall time and peak resident memory.
struct ProcessFigures {
  var seconds: Double
  var maxRSSKiB: Int
  var status: Int32
}

/// Spawns a program with stdout and stderr sent to /dev/null (or to `stdoutPath`),
/// and waits for it, reading its resource use.
func spawn(_ argv: [String], stdoutPath: String = "/dev/null") -> ProcessFigures {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  var cargs = argv.map { strdup($0) } + [nil]
  defer { for p in cargs { free(p) } }
  var pid: pid_t = 0
  let t0 = now()
  let rc = posix_spawnp(&pid, argv[0], &actions, nil, &cargs, environ)
  guard rc == 0 else { return ProcessFigures(seconds: 0, maxRSSKiB: 0, status: -1) }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  return ProcessFigures(seconds: now() - t0, maxRSSKiB: Int(usage.ru_maxrss), status: status)
}

/// The path of the running binary.
func selfExecutable() -> String {
  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

