import Foundation
import XCTest

/// A detached tmux session on a private socket, running one command, for driving the real
/// binary as a user would. Every wait polls the pane against a deadline; nothing sleeps blindly.
final class TmuxSession {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static var binary: String {
    ProcessInfo.processInfo.environment["LEDE_BINARY"]
      ?? repositoryRoot.appendingPathComponent(".build/debug/lede").path
  }
  static let seed = repositoryRoot.appendingPathComponent("seeds/vovworld-dprk-russia.txt").path
  /// A file in the shared data folder (`../shared` beside the repository, or LEDE_SHARED).
  static func shared(_ relative: String) -> String {
    let root = ProcessInfo.processInfo.environment["LEDE_SHARED"].map { URL(fileURLWithPath: $0) }
      ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return root.appendingPathComponent(relative).path
  }
  private static var counter = 0

  static var tmuxPath: String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    {
      let p = "\(dir)/tmux"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  /// Skips the test, saying why, when tmux or the debug binary is missing.
  static func requirements() throws -> String {
    guard let tmux = tmuxPath else {
      print("EndToEndTests: skipped, tmux is not installed (make deps installs it)")
      throw XCTSkip("tmux is not installed (make deps installs it)")
    }
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("EndToEndTests: skipped, \(binary) is missing (run swift build first)")
      throw XCTSkip("\(binary) is missing: run `swift build` first")
    }
    return tmux
  }

  let tmux: String
  let socket: String
  var timeout: TimeInterval

  /// Starts `command` (a shell command line) in a width x height pane.
  init(width: Int = 120, height: Int = 40, command: String, timeout: TimeInterval = 15) throws {
    tmux = try Self.requirements()
    Self.counter += 1
    socket = "lede-test-\(getpid())-\(Self.counter)"
    self.timeout = timeout
    // The server forks from this client: give it no pipe to hold open.
    _ = run([
      "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "t",
      command,
    ])
    _ = run(["set-option", "-g", "remain-on-exit", "on"])
  }

  /// Runs lede on arguments, then reports how it exited and keeps the pane alive.
  convenience init(
    width: Int = 120, height: Int = 40, arguments: String, prefix: String = "",
    timeout: TimeInterval = 15
  ) throws {
    let cmd =
      "cd \(Self.repositoryRoot.path) && \(prefix)\(Self.binary) \(arguments); echo \"lede exited with $?\"; sleep 600"
    try self.init(width: width, height: height, command: cmd, timeout: timeout)
  }

  deinit { _ = run(["kill-server"]) }

  @discardableResult
  func run(_ args: [String]) -> String {
    // Output goes to a file, not a pipe, and the child is spawned and reaped by hand:
    // the tmux server that new-session forks inherits whatever the client had open, and
    // Foundation's Process waits for its descriptors to close, i.e. forever.
    let path = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
    defer { unlink(path) }
    let out = Self.spawn([tmux, "-L", socket] + args, stdout: path)
    return out
  }

  /// posix_spawn + waitpid, stdout to a file, stdin and stderr from/to /dev/null.
  static func spawn(_ argv: [String], stdout path: String) -> String {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }

  var screen: String { run(["capture-pane", "-p", "-t", "t"]) }
  var lines: [String] { screen.components(separatedBy: "\n") }

  func format(_ f: String) -> String {
    run(["display-message", "-p", "-t", "t", f]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Sends tmux key names ("j", "Enter", "C-d", "Escape").
  func send(_ keys: String...) { run(["send-keys", "-t", "t"] + keys) }
  /// Types literal text.
  func type(_ text: String) { run(["send-keys", "-t", "t", "-l", text]) }

  func resize(_ width: Int, _ height: Int) {
    run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the pane until `predicate` holds; fails with the last screen at the deadline.
  @discardableResult
  func wait(
    _ what: String, file: StaticString = #filePath, line: UInt = #line,
    until predicate: (String) -> Bool
  ) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen
      if predicate(last) { return last }
      usleep(30_000)
    }
    XCTFail("timed out waiting for \(what); the pane shows:\n\(last)", file: file, line: line)
    return nil
  }

  @discardableResult
  func wait(for text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    wait("'\(text)'", file: file, line: line) { $0.contains(text) }
  }

  /// Polls a tmux format (such as #{alternate_on}) until it has a value.
  func wait(
    format f: String, equals value: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = format(f)
      if last == value { return }
      usleep(30_000)
    }
    XCTFail("\(f) is '\(last)', expected '\(value)'", file: file, line: line)
  }

  /// The screen once two captures in a row agree (a frame may reach tmux in pieces).
  func stableScreen() -> String {
    var last = screen
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      usleep(50_000)
      let now = screen
      if now == last { return now }
      last = now
    }
    return last
  }

  /// The status bar: the last non-empty line of the pane.
  var statusLine: String { lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "" }

  /// The pid of lede, the child of the pane's shell.
  var ledePid: Int32? {
    let shell = format("#{pane_pid}")
    let path = NSTemporaryDirectory() + "\(socket)-pgrep.out"
    defer { unlink(path) }
    let out = Self.spawn(["/usr/bin/pgrep", "-P", shell], stdout: path)
    return out.split(separator: "\n").compactMap { Int32($0) }.first
  }
}
