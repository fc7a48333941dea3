import ArticleModel
import ExplorerCore
import Foundation
import XCTest

/// Timings on War and Peace, printed, not asserted (speed is measured by `make bench`).
/// Runs only with LEDE_TIMINGS=1, best in release:
///   LEDE_TIMINGS=1 swift test -c release --filter BookTimingTests
final class BookTimingTests: XCTestCase {
  static let book = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/data/big/war-and-peace.txt").path

  func ms(_ body: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
  }

  func testBookTimings() throws {
    guard ProcessInfo.processInfo.environment["LEDE_TIMINGS"] == "1" else {
      throw XCTSkip("set LEDE_TIMINGS=1 to time the explorer on War and Peace")
    }
    let path = ProcessInfo.processInfo.environment["LEDE_BOOK"] ?? Self.book
    guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("\(path) is absent") }
    var state: ExplorerState!
    var analysis: Analysis!
    var loadMs = 0.0
    var analyseMs = 0.0
    var stateMs = 0.0
    var renderMs = 0.0
    loadMs = ms {
      analysis = Analysis(
        document: try! ArticleLoader.load(path: path), documentDate: nil, entities: [],
        timeExpressions: [], timeline: [])
    }
    let doc = analysis.document
    var full: Analysis!
    analyseMs = ms { full = Analysis(document: doc) }
    if full.entities.isEmpty {
      // no recogniser yet: a hand-made entity so that * has work to do
      let index = SearchIndex(scalars: doc.scalars)
      analysis = Analysis(
        document: doc, documentDate: nil,
        entities: [
          Entity(name: "Pierre", type: .person, mentions: index.find("Pierre")),
          Entity(name: "Andrew", type: .person, mentions: index.find("Andrew")),
        ],
        timeExpressions: [], timeline: [])
    } else {
      analysis = full
      print("book: \(full.entities.count) entities, \(full.timeline.count) timeline entries")
    }
    stateMs = ms { state = ExplorerState(analysis: analysis, size: Size(width: 120, height: 40)) }
    renderMs = ms { _ = Screen.render(state) }
    var index: SearchIndex!
    let indexMs = ms { index = SearchIndex(scalars: state.analysis.document.scalars) }
    print(String(format: "book: search index %.1f ms (built after the first frame)", indexMs))
    print(
      String(
        format:
          "book: load+decode+structure %.1f ms, full analysis %.1f ms, explorer state %.1f ms, first render %.1f ms",
        loadMs, analyseMs, stateMs, renderMs))

    for p in ["t", "th", "the", "Pierre", "zzq"] {
      var n = 0
      let t = (0..<7).map { _ in ms { n = index.find(p).count } }.min()!
      print(String(format: "find %@: %d matches in %.2f ms (best of 7)", p as NSString, n, t))
    }
    func key(_ name: String, _ keys: [Key], times: Int = 20) {
      var worst = 0.0
      var total = 0.0
      for _ in 0..<times {
        let t = ms {
          for k in keys { state.handle(.key(k)) }
          _ = Screen.render(state)
        }
        worst = max(worst, t)
        total += t
      }
      print(
        String(
          format: "key %-10@ worst %.2f ms, mean %.2f ms (%d runs)", name as NSString, worst,
          total / Double(times), times))
    }
    key("j", [.char("j")])
    key("Ctrl-D", [.ctrl("d")])
    key("G", [.char("G")], times: 3)
    key("g", [.char("g")], times: 3)
    key("Space", [.char(" ")])
    key("/t Esc", [.char("/"), .char("t"), .escape], times: 10)
    key("/the Esc", [.char("/"), .char("t"), .char("h"), .char("e"), .escape], times: 10)
    for c in ["/", "t", "h", "e"] {
      key(c == "/" ? "/" : "type " + c, [.char(Character(c))], times: 1)
    }
    key("Enter", [.enter], times: 1)
    print("matches of 'the': \(state.search?.matches.count ?? 0)")
    key("n", [.char("n")])
    key("N", [.char("N")])
    key("]", [.char("]")])
    key("*", [.char("*")])
    key("#", [.char("#")])
    state.handle(.key(.char("G")))
    key("k", [.char("k")])
    for size in [
      Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 200, height: 60),
      Size(width: 120, height: 40),
    ] {
      let t = ms {
        state.handle(.resize(size))
        _ = Screen.render(state)
      }
      print(String(format: "resize to %@ %.2f ms", size.description as NSString, t))
    }
  }
}
