import Foundation
import XCTest

/// The terminal matrix of the hardening issue: every size, bursts of resizes, every way out,
/// and the terminal settings (`stty -a`) exactly as they were before lede ran.
final class TerminalMatrixTests: XCTestCase {
  /// A shell line that records `stty -a` before and after lede, then says whether they match.
  func sttyChecked(_ args: String, dir: String) -> String {
    "cd \(TmuxSession.repositoryRoot.path) && stty -a | sed 1d > \(dir)/before; \(TmuxSession.binary) \(args); "
      + "echo $? > \(dir)/status; stty -a | sed 1d > \(dir)/after; "
      + "if cmp -s \(dir)/before \(dir)/after; then echo STTY-SAME; else echo STTY-DIFF; fi; sleep 600"
  }

  func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "lede-e2e-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Waits for lede's exit status in `dir/status`.
  func status(_ dir: String, _ t: TmuxSession, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let deadline = Date().addingTimeInterval(t.timeout)
    while Date() < deadline {
      if let s = try? String(contentsOfFile: dir + "/status", encoding: .utf8), s.hasSuffix("\n") {
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      usleep(30_000)
    }
    XCTFail("lede did not exit; the pane shows:\n\(t.screen)", file: file, line: line)
    return nil
  }

  func testEverySizeDrawsAndQuitsCleanly() throws {
    let sizes = [(1, 1), (10, 3), (20, 6), (40, 12), (80, 24), (300, 100)]
    for (w, h) in sizes {
      let dir = try tempDir()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let t = try TmuxSession(width: w, height: h, command: sttyChecked(TmuxSession.seed, dir: dir))
      t.wait(format: "#{alternate_on}", equals: "1")
      if w >= 20 && h >= 6 {
        t.wait("the status line at \(w)x\(h)") { $0.contains("h help") }
      } else if w >= 10 {
        t.wait("the too-small notice at \(w)x\(h)") { $0.contains("terminal") }
      }
      if w >= 80 { t.wait(for: "Foreign Minister") }
      t.send("q")
      XCTAssertEqual(status(dir, t), "0", "\(w)x\(h)")
      t.resize(80, 24)
      t.wait(for: "STTY-SAME")
      t.wait(format: "#{alternate_on}", equals: "0")
      XCTAssertEqual(t.format("#{cursor_flag}"), "1", "cursor visible after \(w)x\(h)")
    }
  }

  func testABurstOfResizesThenTheRightFrame() throws {
    let dir = try tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = try TmuxSession(width: 120, height: 40, command: sttyChecked(TmuxSession.seed, dir: dir))
    t.wait(for: "Foreign Minister")
    var g = SystemRandomNumberGenerator()
    for _ in 0..<100 { t.resize(Int.random(in: 1...200, using: &g), Int.random(in: 1...60, using: &g)) }
    t.resize(100, 30)
    t.wait("a frame drawn for 100x30") { screen in
      let lines = screen.components(separatedBy: "\n")
      return screen.contains("Foreign Minister") && lines.contains { $0.hasPrefix(" h help") }
        && lines.count >= 30
    }
    t.send("q")
    XCTAssertEqual(status(dir, t), "0")
    t.wait(for: "STTY-SAME")
  }

  func testEveryWayOutRestoresTheTerminalSettings() throws {
    for (how, expected) in [("q", "0"), ("C-c", "0"), ("TERM", "143"), ("INT", "130"), ("HUP", "129")] {
      let dir = try tempDir()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let t = try TmuxSession(width: 100, height: 30, command: sttyChecked(TmuxSession.seed, dir: dir))
      t.wait(for: "Foreign Minister")
      switch how {
      case "q", "C-c": t.send(how)
      default:
        guard let pid = t.ledePid else { return XCTFail("no lede process under the pane") }
        kill(pid, how == "TERM" ? SIGTERM : how == "INT" ? SIGINT : SIGHUP)
      }
      XCTAssertEqual(status(dir, t), expected, how)
      t.wait(for: "STTY-SAME")
      t.wait(format: "#{alternate_on}", equals: "0")
      XCTAssertEqual(t.format("#{cursor_flag}"), "1", "cursor visible after \(how)")
    }
  }

  func testDumbAndUnknownTerminalsAreOneLineErrors() throws {
    for term in ["dumb", "no-such-terminal"] {
      let dir = try tempDir()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let t = try TmuxSession(
        width: 160, height: 10,
        command: "cd \(TmuxSession.repositoryRoot.path) && TERM=\(term) \(TmuxSession.binary) \(TmuxSession.seed) 2> \(dir)/err; echo $? > \(dir)/status; sleep 600")
      XCTAssertEqual(status(dir, t), "1", term)
      let err = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
      XCTAssertEqual(err.split(separator: "\n").count, 1, err)
      XCTAssertTrue(err.hasPrefix("lede: ") && err.contains("'\(term)'"), err)
    }
  }
}
