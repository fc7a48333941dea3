import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `lede index`, `entities`, `mentions`, `search`, `analyze --jsonl` through the built binary, on
/// the made-up fixture library (Tests/LibraryIndexTests/Fixtures/library).
final class LibraryCommandTests: XCTestCase {
  static let fixture = Lede.repoRoot.appendingPathComponent(
    "Tests/LibraryIndexTests/Fixtures/library"
  ).path

  var scratch = ""

  override func setUpWithError() throws {
    scratch = NSTemporaryDirectory() + "lede-cli-library-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: scratch)
  }

  /// A folder of `count` made-up articles: the fixture's texts with a numbered paragraph each.
  func bigFolder(_ count: Int) throws -> String {
    let dir = scratch + "/articles"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let texts = try FileManager.default.contentsOfDirectory(atPath: Self.fixture).sorted().map {
      try String(contentsOfFile: Self.fixture + "/" + $0, encoding: .utf8)
    }
    for i in 0..<count {
      let text =
        texts[i % texts.count] + "\nStory \(i) was filed from Leeds by reporter number \(i).\n"
      try text.write(
        toFile: String(format: "%@/%04d.txt", dir, i), atomically: true, encoding: .utf8)
    }
    return dir
  }

  /// A dates.tsv beside the articles, and --year, reach the index as they reach `lede dump`: an
  /// edit of the table analyses again the files whose dates it changed, and only those.
  func testTheIndexReadsDatesTSVAndYear() throws {
    let dir = scratch + "/dated"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for name in ["01-budget.txt", "02-election.txt", "03-visit.txt"] {
      try FileManager.default.copyItem(atPath: Self.fixture + "/" + name, toPath: dir + "/" + name)
    }
    let index = scratch + "/d.sqlite"
    try "01-budget.txt\t2005-02-14\n".write(toFile: dir + "/dates.tsv", atomically: true, encoding: .utf8)
    var r = try Lede.run(["index", dir, "--index", index])
    XCTAssertTrue(r.stderr.hasPrefix("lede: 3 articles indexed: 3 analysed"), r.stderr)
    r = try Lede.run(["analyze", "--jsonl", dir + "/01-budget.txt"])
    XCTAssertTrue(r.stdout.contains("\"date\":\"2005-02-14\""), r.stdout)
    XCTAssertTrue(r.stdout.contains("\"dateSource\":\"given\""), r.stdout)
    r = try Lede.run(["index", dir, "--index", index])
    XCTAssertTrue(r.stderr.hasPrefix("lede: 3 articles indexed: 0 analysed, 3 unchanged"), r.stderr)
    // the table changes one file's date: that file is analysed again
    try "01-budget.txt\t2005-03-01\n".write(toFile: dir + "/dates.tsv", atomically: true, encoding: .utf8)
    r = try Lede.run(["index", dir, "--index", index])
    XCTAssertTrue(r.stderr.hasPrefix("lede: 3 articles indexed: 1 analysed, 2 unchanged"), r.stderr)
    // --year for the files the table leaves out (and a bad table is one line, status 1)
    r = try Lede.run(["index", dir, "--index", index, "--year", "1999"])
    XCTAssertTrue(r.stderr.hasPrefix("lede: 3 articles indexed: 2 analysed, 1 unchanged"), r.stderr)
    try "01-budget.txt\tsoon\n".write(toFile: dir + "/dates.tsv", atomically: true, encoding: .utf8)
    r = try Lede.run(["index", dir, "--index", index])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("dates.tsv:1: 'soon' is not a date"), r.stderr)
  }

  func testIndexThenEntitiesMentionsAndSearch() throws {
    let index = scratch + "/i.sqlite"
    var r = try Lede.run(["index", Self.fixture, "--index", index])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, "")
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    XCTAssertTrue(r.stderr.hasPrefix("lede: 5 articles indexed: 5 analysed"), r.stderr)
    // The second run analyses nothing.
    r = try Lede.run(["index", Self.fixture, "--index", index])
    XCTAssertTrue(r.stderr.contains("0 analysed, 5 unchanged"), r.stderr)

    r = try Lede.run(["entities", Self.fixture, "--index", index, "--format", "tsv"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stderr, "")
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.first, "name\ttype\tarticles\tmentions\taliases")
    XCTAssertEqual(
      lines.dropFirst().first?.split(separator: "\t").prefix(3), ["Tony Blair", "PERSON", "3"])
    r = try Lede.run(["entities", "--index", index, "--format", "json", "--type", "person"])
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(json.first?["name"] as? String, "Tony Blair")
    XCTAssertTrue(json.allSatisfy { $0["type"] as? String == "PERSON" })

    r = try Lede.run(["mentions", "Mr Blair", Self.fixture, "--index", index])
    XCTAssertEqual(r.status, 0, r.stderr)
    let mentions = r.stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    XCTAssertEqual(
      Set(mentions.map { URL(fileURLWithPath: String($0[0])).lastPathComponent }),
      ["01-budget.txt", "02-election.txt", "03-visit.txt"])
    XCTAssertTrue(mentions.allSatisfy { $0.count == 5 && $0[4].contains($0[3]) })
    r = try Lede.run(["mentions", "Nobody Atall", Self.fixture, "--index", index])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "lede: no entity named 'Nobody Atall' in the library\n")

    r = try Lede.run(["search", "talks", Self.fixture, "--index", index])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout.split(separator: "\n").count, 2)
    XCTAssertTrue(r.stdout.hasPrefix(Self.fixture + "/03-visit.txt\t"), r.stdout)

    // In memory: the same answers, no file written.
    r = try Lede.run(["entities", Self.fixture, "--no-index", "--type", "PERSON"])
    XCTAssertEqual(
      r.stdout.split(separator: "\n").dropFirst().first?.split(separator: "\t").prefix(3),
      ["Tony Blair", "PERSON", "3"])
  }

  func testBadInputIsOneLineAndTheRestIsIndexed() throws {
    let dir = try bigFolder(3)
    try Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3]).write(
      to: URL(fileURLWithPath: dir + "/9999.txt"))
    let r = try Lede.run(["index", dir, "--index", scratch + "/i.sqlite"])
    XCTAssertEqual(r.status, 1)
    let lines = r.stderr.split(separator: "\n")
    XCTAssertEqual(lines.count, 2, r.stderr)
    XCTAssertTrue(lines[0].contains("9999.txt") && lines[0].contains("not text"), r.stderr)
    XCTAssertTrue(lines[1].contains("3 articles indexed"), r.stderr)
    // analyze: the same line for the same file, the others still written.
    let analyzed = try Lede.run(["analyze", "--jsonl", dir])
    XCTAssertEqual(analyzed.status, 1)
    XCTAssertEqual(analyzed.stdout.split(separator: "\n").count, 3)
    XCTAssertEqual(analyzed.stderr, String(lines[0]) + "\n")
    XCTAssertEqual(mkfifo(dir + "/9998.txt", 0o600), 0)
    let fifo = try Lede.run(["analyze", "--jsonl", dir])
    XCTAssertTrue(fifo.stderr.contains("9998.txt: not a regular file"), fifo.stderr)
    let missing = try Lede.run(["index", scratch + "/nowhere", "--index", scratch + "/j.sqlite"])
    XCTAssertEqual(missing.status, 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/j.sqlite"))
  }

  func testNoControlCharacterFromAFileNameOrTextReachesTheOutput() throws {
    let dir = scratch + "/odd"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let text = "Blair in Leeds\n\nMr Blair\u{1B}[31m visited Leeds on Monday.\u{07}\n"
    try text.write(toFile: dir + "/a\u{1B}]0;x\u{07}b.txt", atomically: true, encoding: .utf8)
    for args in [["search", "Leeds"], ["mentions", "Leeds"], ["entities"]] {
      let r = try Lede.run(args + [dir, "--no-index"])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertFalse(r.stdout.isEmpty, "\(args)")
      XCTAssertFalse(
        r.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" },
        "\(args): \(r.stdout)")
    }
  }

  /// An index built from two shards analysed apart (`lede analyze --jsonl`, paths as arguments
  /// and on stdin) answers as the one built in one run.
  func testTwoAnalyzeShardsImportedEqualOneRun() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixture).sorted().map {
      Self.fixture + "/" + $0
    }
    let one = try Lede.run(["analyze", "--jsonl"] + files[..<2])
    XCTAssertEqual(one.status, 0, one.stderr)
    XCTAssertEqual(one.stdout.split(separator: "\n").count, 2)
    let two = try Lede.run(
      ["analyze", "--jsonl"], stdin: Data(files[2...].joined(separator: "\n").utf8))
    XCTAssertEqual(two.stdout.split(separator: "\n").count, 3)
    try one.stdout.write(toFile: scratch + "/a.jsonl", atomically: true, encoding: .utf8)
    try two.stdout.write(toFile: scratch + "/b.jsonl", atomically: true, encoding: .utf8)
    let imported = scratch + "/imported.sqlite"
    let r = try Lede.run([
      "index", "--import", scratch + "/b.jsonl", scratch + "/a.jsonl", "--index", imported,
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let whole = scratch + "/whole.sqlite"
    XCTAssertEqual(try Lede.run(["index", Self.fixture, "--index", whole]).status, 0)
    for args in [
      ["entities", "--format", "json"], ["mentions", "Tony Blair"], ["search", "the"],
    ] {
      XCTAssertEqual(
        try Lede.run(args + ["--index", imported]).stdout,
        try Lede.run(args + ["--index", whole]).stdout, "\(args)")
    }
    // The imported files are known: nothing to analyse for the folder.
    let refresh = try Lede.run(["index", Self.fixture, "--index", imported])
    XCTAssertTrue(refresh.stderr.contains("0 analysed, 5 unchanged"), refresh.stderr)
    // An analysis by another analyser version: refused whole, nothing written.
    let before = try Lede.run(["entities", "--index", imported]).stdout
    let old = one.stdout.replacingOccurrences(
      of: "\"analyser\":\"lede-analysis-", with: "\"analyser\":\"old-")
    try (two.stdout + old).write(toFile: scratch + "/old.jsonl", atomically: true, encoding: .utf8)
    let refused = try Lede.run(["index", "--import", scratch + "/old.jsonl", "--index", imported])
    let fresh = try Lede.run([
      "index", "--import", scratch + "/old.jsonl", "--index", scratch + "/fresh.sqlite",
    ])
    XCTAssertEqual(fresh.status, 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/fresh.sqlite"))
    XCTAssertEqual(refused.status, 1)
    XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("was analysed by old-"), refused.stderr)
    XCTAssertEqual(try Lede.run(["entities", "--index", imported]).stdout, before)
    // Not an analysis: one line naming the file and line.
    try "{\"nope\": 1}\n".write(toFile: scratch + "/bad.jsonl", atomically: true, encoding: .utf8)
    let bad = try Lede.run(["index", "--import", scratch + "/bad.jsonl", "--index", imported])
    XCTAssertEqual(bad.status, 1)
    XCTAssertEqual(
      bad.stderr, "lede: \(scratch)/bad.jsonl:1: not an analysis from `lede analyze --jsonl`\n")
  }

  /// kill -9 in the middle of indexing leaves an index that opens, and the next run finishes the
  /// work without analysing again what was already written.
  func testKillNineDuringIndexingThenTheNextRunFinishes() throws {
    let count = 150
    let dir = try bigFolder(count)
    let index = scratch + "/k.sqlite"
    guard FileManager.default.isExecutableFile(atPath: Lede.binary.path) else {
      throw XCTSkip("SKIPPED: \(Lede.binary.path) is not built")
    }
    let p = Process()
    p.executableURL = Lede.binary
    p.arguments = ["index", dir, "--index", index, "--jobs", "1"]
    p.standardError = FileHandle.nullDevice
    try p.run()
    // Wait for the first batches to be committed (the log grows), then kill.
    let deadline = Date(timeIntervalSinceNow: 60)
    while Date() < deadline && p.isRunning {
      let wal =
        (try? FileManager.default.attributesOfItem(atPath: index + "-wal")[.size] as? Int) ?? 0
      if wal > 200_000 { break }
      usleep(20_000)
    }
    XCTAssertTrue(
      p.isRunning, "indexing finished before it could be killed: make the folder bigger")
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationReason, .uncaughtSignal)
    // It opens as it is.
    let partial = try Lede.run(["entities", "--index", index])
    XCTAssertEqual(partial.status, 0, partial.stderr)
    // The next run analyses only what is missing, and merges the library.
    let r = try Lede.run(["index", dir, "--index", index])
    XCTAssertEqual(r.status, 0, r.stderr)
    let numbers = r.stderr.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    // "N articles indexed: A analysed, U unchanged, ..."
    XCTAssertEqual(numbers.first, count, r.stderr)
    XCTAssertGreaterThan(numbers[2], 0, "something was written before the kill: \(r.stderr)")
    XCTAssertEqual(numbers[1] + numbers[2], count, r.stderr)
    let after = try Lede.run(["entities", "--index", index, "--type", "PERSON"])
    XCTAssertTrue(after.stdout.contains("Tony Blair\tPERSON\t\(count / 5 * 3)\t"), after.stdout)
  }

  /// Two lede processes indexing the same folder into one index at once: both succeed and the
  /// index equals one built alone.
  func testTwoProcessesOnOneIndex() throws {
    let dir = try bigFolder(40)
    let shared = scratch + "/s.sqlite"
    let group = DispatchGroup()
    final class Box: @unchecked Sendable { var results: [Lede.Result?] = [nil, nil] }
    let box = Box()
    for k in 0..<2 {
      group.enter()
      DispatchQueue.global().async {
        box.results[k] = try? Lede.run(["index", dir, "--index", shared])
        group.leave()
      }
    }
    group.wait()
    for r in box.results {
      let r = try XCTUnwrap(r)
      XCTAssertEqual(r.status, 0, r.stderr)
    }
    let alone = scratch + "/alone.sqlite"
    XCTAssertEqual(try Lede.run(["index", dir, "--index", alone]).status, 0)
    for args in [
      ["entities", "--format", "json"], ["mentions", "Blair"], ["search", "reporter number 3"],
    ] {
      XCTAssertEqual(
        try Lede.run(args + ["--index", shared]).stdout,
        try Lede.run(args + ["--index", alone]).stdout, "\(args)")
    }
  }
}
