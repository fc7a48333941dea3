import ArticleModel
import XCTest

@testable import ExplorerCore

/// The Entities pane's filter (`F`) and sort (`s`), issue 13 "Every mention in a list".
final class EntityListTests: XCTestCase {
  func names(_ s: ExplorerState) -> [String] { s.entityOrder.map { s.analysis.entities[$0].name } }

  func testFilterNarrowsLiveAndEnterKeepsIt() {
    var s = SeedFixture.state()
    let all = s.entityOrder.count
    s.press(.char("2"), .tab, .char("F"))
    XCTAssertEqual(s.scope, .filter)
    s.type("kor")
    XCTAssertEqual(
      Set(names(s)), ["Workers’ Party of North Korea", "North Korea"],
      "only the names or aliases that contain kor, case aside")
    XCTAssertTrue(s.statusLine.contains("Filter entities: kor"))
    s.press(.enter)
    XCTAssertEqual(s.scope, .main)
    XCTAssertEqual(s.entityFilter, "kor")
    XCTAssertTrue(
      s.screen.lines.joined().contains("Entities (2 of \(all)) · filter: kor"),
      s.screen.lines.joined(separator: "\n"))
    // The selection is on a listed entity, and j/k walk only the listed ones.
    XCTAssertNotNil(s.selectedEntityIndex)
    XCTAssertTrue(s.entityOrder.contains(s.selectedEntityIndex!))
    s.press(.char("j"), .char("j"), .char("j"))
    XCTAssertEqual(s.selectedEntity, 1)
    // Esc in the pane clears the kept filter.
    s.press(.escape)
    XCTAssertEqual(s.entityFilter, "")
    XCTAssertEqual(s.entityOrder.count, all)
  }

  func testFilterMatchesAliasesAndFoldsAccentsAndEscClears() {
    let h = SeedFixture.handMade
    var entities = h.entities
    entities[0].aliases = ["Đảng Lao động"]
    let a = Analysis(
      document: h.document, documentDate: h.documentDate, entities: entities,
      timeExpressions: h.timeExpressions, timeline: h.timeline)
    var s = SeedFixture.state(a)
    s.press(.char("F"))
    XCTAssertEqual(s.focus, .entities, "F shows the pane it filters")
    s.type("DANG LAO")
    XCTAssertEqual(names(s), ["Workers’ Party of North Korea"], "by alias, accents and case aside")
    s.press(.backspace, .backspace, .backspace, .backspace)
    XCTAssertEqual(s.entityFilter, "DANG")
    s.type("x")
    XCTAssertEqual(s.entityOrder, [])
    XCTAssertTrue(s.screen.lines.joined().contains("No entities"))
    s.press(.escape)
    XCTAssertEqual(s.scope, .main)
    XCTAssertEqual(s.entityFilter, "")
    XCTAssertEqual(s.entityOrder.count, a.entities.count)
  }

  func testSelectionStaysOnTheSameEntityWhenStillListed() {
    var s = SeedFixture.state()
    s.press(.char("2"), .tab)
    let moscow = s.analysis.entities.firstIndex { $0.name == "Moscow" }!
    s.selectedEntity = s.entityOrder.firstIndex(of: moscow)
    s.press(.char("F"))
    s.type("o")
    XCTAssertEqual(s.selectedEntityIndex, moscow)
    s.type("sc")
    XCTAssertEqual(s.selectedEntityIndex, moscow)
    s.press(.backspace, .backspace, .char("r"))  // "or": Moscow is gone
    XCTAssertFalse(s.entityOrder.contains(moscow))
    XCTAssertEqual(s.selectedEntity, 0)
  }

  func testSortCyclesCountNameFirstAppearance() {
    var s = SeedFixture.state()
    s.press(.char("2"), .tab)
    let places = { (s: ExplorerState) in
      s.entityOrder.filter { s.analysis.entities[$0].type == .place }
        .map { s.analysis.entities[$0].name }
    }
    XCTAssertEqual(places(s).first, "North Korea", "most mentioned first")
    s.press(.char("s"))
    XCTAssertEqual(s.entitySort, .name)
    XCTAssertEqual(places(s), places(s).sorted { $0.lowercased() < $1.lowercased() })
    XCTAssertNotEqual(places(s).first, "North Korea")
    XCTAssertTrue(s.screen.lines.joined().contains("· by name"))
    s.press(.char("s"))
    XCTAssertEqual(s.entitySort, .firstAppearance)
    let firsts = s.entityOrder.filter { s.analysis.entities[$0].type == .place }
      .map { s.analysis.entities[$0].mentions.map(\.start).min()! }
    XCTAssertEqual(firsts, firsts.sorted())
    XCTAssertEqual(places(s).prefix(3), ["North Korea", "Russia", "Pyongyang"])
    s.press(.char("s"))
    XCTAssertEqual(s.entitySort, .count)
    XCTAssertEqual(places(s).first, "North Korea")
  }

  func testFirstAppearancePutsVOVworldFirstOnTheSeed() {
    var s = SeedFixture.state(SeedFixture.realAnalysis)
    s.press(.char("2"), .tab, .char("s"), .char("s"))
    let vov = s.analysis.entities.firstIndex { $0.name == "VOVworld" }
    XCTAssertNotNil(vov, "the recogniser finds VOVworld")
    let group = s.entityOrder.filter { s.analysis.entities[$0].type == s.analysis.entities[vov!].type }
    XCTAssertEqual(group.first, vov)
    // Places in reading order (by count Pyongyang, as often named as the DPRK, comes second).
    let places = s.entityOrder.filter { s.analysis.entities[$0].type == .place }
      .map { s.analysis.entities[$0].name }
    XCTAssertEqual(
      Array(places.prefix(3)), ["Democratic People’s Republic of Korea", "Russia", "Pyongyang"])
  }
}
