import Foundation
import XCTest

/// Drives the real debug binary in tmux: what a user types, what the screen shows.
final class ExplorerEndToEndTests: XCTestCase {
  /// The seed's analysis as the binary reports it (`lede dump`), to know what to expect
  /// from entities and timeline whether or not the recogniser and tagger have landed.
  static func dump() throws -> [String: Any] {
    _ = try TmuxSession.requirements()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
    p.arguments = ["dump", TmuxSession.seed]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }

  func testStartsDrawsAndQuitRestoresTheTerminal() throws {
    let t = try TmuxSession(arguments: TmuxSession.seed)
    let screen = t.wait(for: "Foreign Minister") ?? ""
    XCTAssertTrue(screen.contains("VOVworld"), "title line names the source")
    XCTAssertTrue(
      screen.contains("1 Article") && screen.contains("2 Entities") && screen.contains("3 Timeline")
    )
    t.wait(format: "#{alternate_on}", equals: "1")
    t.send("q")
    t.wait(for: "lede exited with 0")
    t.wait(format: "#{alternate_on}", equals: "0")
    XCTAssertEqual(t.format("#{cursor_flag}"), "1", "the cursor is visible again")
    XCTAssertFalse(t.screen.contains("Foreign Minister"), "the explorer's screen is gone")
  }

  func testSearchCountsWrapsAndReportsMisses() throws {
    let text = try String(contentsOfFile: TmuxSession.seed, encoding: .utf8)
    let n = text.components(separatedBy: "Pyongyang").count - 1
    let t = try TmuxSession(arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.send("/")
    t.type("Pyongyang")
    t.wait(for: "/Pyongyang 1/\(n)")
    t.send("Enter")
    t.send("n")
    t.wait(for: "/Pyongyang 2/\(n)")
    t.send("N", "N")
    t.wait(for: "search hit TOP, continuing at BOTTOM")
    t.wait(for: "/Pyongyang \(n)/\(n)")
    t.send("n")
    t.wait(for: "search hit BOTTOM, continuing at TOP")
    t.send("/")
    t.type("zzqx")
    t.send("Enter")
    t.wait(for: "Pattern not found: zzqx")
    // smart case: lower case is case-blind, so "russia" also finds "Russian"
    let blind = text.lowercased().components(separatedBy: "russia").count - 1
    t.send("/")
    t.type("russia")
    t.wait(for: "/russia 1/\(blind)")
    t.send("Escape")
    // Up recalls earlier patterns
    t.send("/", "Up")
    t.wait(for: "/zzqx")
    t.send("Up")
    t.wait("the recalled pattern") {
      $0.components(separatedBy: "\n").last { !$0.isEmpty }?.hasPrefix("/Pyongyang") == true
    }
    t.send("Escape", "q")
    t.wait(for: "lede exited with 0")
  }

  func testEscapeCancelsSearchAndRestoresTheView() throws {
    let t = try TmuxSession(width: 80, height: 24, arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.send("/")
    t.type("hurdles")
    t.wait(for: "major hurdles")
    XCTAssertFalse(
      t.screen.contains("Foreign Minister"), "incremental search scrolled to the last paragraph")
    t.send("Escape")
    t.wait(for: "Foreign Minister")
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  func testMentionJumps() throws {
    let dump = try Self.dump()
    let entities = dump["entities"] as? [[String: Any]] ?? []
    let t = try TmuxSession(arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.wait(for: "2 Entities (\(entities.count))")  // the analysis may arrive after the text
    t.send("]")
    if entities.isEmpty {
      print("EndToEndTests: the seed has no entities yet; checking the empty case only")
      t.wait(for: "No entity mentions")
      t.send("*")
      t.wait(for: "No entity mentions")
    } else {
      // the first mention in the text, and its entity
      var first: (start: Int, name: String, count: Int)? = nil
      for e in entities {
        let mentions = e["mentions"] as? [[String: Any]] ?? []
        for m in mentions {
          let s = m["start"] as! Int
          if first == nil || s < first!.start { first = (s, e["name"] as! String, mentions.count) }
        }
      }
      let f = first!
      t.wait(for: "\(f.name) (")
      t.wait(for: " 1/\(f.count)")
      if f.count > 1 {
        t.send("*")
        t.wait(for: " 2/\(f.count)")
        t.send("#", "#")
        t.wait(for: " \(f.count)/\(f.count)")
      }
    }
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  func testTimelineJump() throws {
    let dump = try Self.dump()
    let timeline = dump["timeline"] as? [[String: Any]] ?? []
    let t = try TmuxSession(arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.wait(for: "3 Timeline (\(timeline.count))")
    t.send("3", "Tab", "Enter")  // 3 Tab: the Timeline
    if timeline.isEmpty {
      print("EndToEndTests: the seed has no timeline yet; checking the empty case only")
      t.wait(for: "No dated events")
    } else {
      let dated = timeline.filter { ($0["value"] as! String).first?.isNumber == true }
      let first = (dated.isEmpty ? timeline : dated).min {
        ($0["value"] as! String) < ($1["value"] as! String)
      }!
      t.wait(for: first["value"] as! String + ": ")
    }
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  func testResizeDownToOneByOneAndBackKeepsTheReadingPosition() throws {
    let t = try TmuxSession(arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.send("C-d")
    t.wait("a scroll") { !$0.contains("Foreign Minister") }
    // the first words of the top article line
    let stable = t.stableScreen().components(separatedBy: "\n")
    let top = stable[2].split(separator: "│")[0].split(separator: " ").prefix(2).joined(
      separator: " ")
    XCTAssertFalse(top.isEmpty)
    t.resize(40, 12)
    t.wait("narrow layout") { $0.contains("[1 Article]") && $0.contains(top) }
    t.resize(1, 1)
    t.wait(format: "#{window_width}x#{window_height}", equals: "1x1")
    // ncurses cannot paint a 1x1 screen's only (bottom-right) cell; it must survive it and keys.
    t.send("j", "C-l")
    t.resize(2, 1)
    t.wait("the notice, cut to 2 columns") { $0.hasPrefix("te") }
    XCTAssertEqual(t.format("#{pane_dead}"), "0", "lede survived 1x1")
    t.resize(19, 5)
    t.wait(for: "terminal too")
    t.resize(120, 40)
    t.wait("the wide layout again") { $0.contains("2 Entities") && $0.contains(top) }
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  func testNarrowPanesCycleWithTab() throws {
    let t = try TmuxSession(width: 80, height: 24, arguments: TmuxSession.seed)
    t.wait(for: "[1 Article]")
    t.send("Tab")
    t.wait(for: "[2 Entities]")
    t.send("Tab")
    t.wait(for: "[3 Timeline]")
    t.send("BTab")
    t.wait(for: "[2 Entities]")
    t.send("1", "Tab")
    t.wait(for: "Foreign Minister")
    t.send("h")
    t.wait(for: "Show this help")
    t.send("Escape")
    t.wait("the help to close") { !$0.contains("Show this help") }
    t.send("C-l")
    t.wait(for: "Foreign Minister")
    t.send("C-c")
    t.wait(for: "lede exited with 0")
  }

  func testSigtermRestoresTheTerminal() throws {
    let t = try TmuxSession(arguments: TmuxSession.seed)
    t.wait(for: "Foreign Minister")
    t.wait(format: "#{alternate_on}", equals: "1")
    guard let pid = t.ledePid else { return XCTFail("no lede process under the pane") }
    kill(pid, SIGTERM)
    t.wait(for: "lede exited with 143")
    t.wait(format: "#{alternate_on}", equals: "0")
  }

  func testSighupAndSigintRestoreTheTerminal() throws {
    for (sig, status) in [(SIGINT, 130), (SIGHUP, 129)] {
      let t = try TmuxSession(arguments: TmuxSession.seed)
      t.wait(for: "Foreign Minister")
      guard let pid = t.ledePid else { return XCTFail("no lede process under the pane") }
      kill(pid, sig)
      t.wait(for: "lede exited with \(status)")
      t.wait(format: "#{alternate_on}", equals: "0")
    }
  }

  func testArticleOnStdinKeysFromTheTerminal() throws {
    let t = try TmuxSession(arguments: "-", prefix: "cat \(TmuxSession.seed) | ")
    t.wait(for: "Foreign Minister")
    t.send("G")
    t.wait(for: "Bot")
    t.send("q")
    t.wait(for: "lede exited with 0")
  }

  func testTermUnsetOrUnknownIsAOneLineError() throws {
    let unset = try TmuxSession(arguments: TmuxSession.seed, prefix: "env -u TERM ")
    unset.wait(for: "lede exited with 1")
    XCTAssertTrue(unset.screen.contains("lede: TERM is not set"), unset.screen)
    let unknown = try TmuxSession(arguments: TmuxSession.seed, prefix: "TERM=no-such-terminal ")
    unknown.wait(for: "lede exited with 1")
    XCTAssertTrue(
      unknown.screen.contains("lede: unknown terminal type 'no-such-terminal'"), unknown.screen)
  }

  func testSuspendAndResumeRedraws() throws {
    let t = try TmuxSession(
      command: "cd \(TmuxSession.repositoryRoot.path) && PS1='$ ' bash --norc --noprofile -i")
    t.wait(for: "$")
    t.type("\(TmuxSession.binary) \(TmuxSession.seed)")
    t.send("Enter")
    t.wait(for: "Foreign Minister")
    t.send("C-z")
    t.wait(format: "#{alternate_on}", equals: "0")
    t.wait(for: "Stopped")
    t.type("fg")
    t.send("Enter")
    t.wait("a full redraw") {
      $0.contains("Foreign Minister") && $0.contains("2 Entities") && $0.contains("h help")
    }
    t.send("q")
    t.wait(format: "#{alternate_on}", equals: "0")
  }

  /// War and Peace (3.4 MB, CRLF): the same keys on a book. Skips when the data is absent.
  func testTheBook() throws {
    let book = TmuxSession.shared("data/big/war-and-peace.txt")
    guard let text = try? String(contentsOfFile: book, encoding: .utf8) else {
      print("EndToEndTests: skipped the book, \(book) is absent")
      throw XCTSkip("\(book) is absent")
    }
    let pierre = text.components(separatedBy: "Pierre").count - 1
    // A debug build analyses the book slowly (entity recognition: ~20 s), so the first
    // frame gets a long deadline; the keys after it get the usual one.
    let t = try TmuxSession(arguments: book, timeout: 180)
    t.wait(for: "WAR AND PEACE")  // the book's own title line (the Gutenberg header is skipped)
    t.timeout = 15
    t.send("G")
    t.wait(for: "Bot")
    t.send("g", "C-d", "j")
    t.wait("a scroll") { !$0.contains("Top") && !$0.contains("Bot") }
    t.send("/")
    t.type("Pierre")
    t.send("Enter")
    t.wait(for: "/Pierre 1/\(pierre)")
    t.send("n", "n")
    t.wait(for: "/Pierre 3/\(pierre)")
    t.send("N", "N", "N")
    t.wait(for: "search hit TOP, continuing at BOTTOM")
    t.resize(80, 24)
    t.wait(for: "[1 Article]")
    t.resize(120, 40)
    t.wait(for: "2 Entities")
    t.send("q")
    t.wait(for: "lede exited with 0")
  }
}
