import Foundation
import XCTest

@testable import ArticleModel

/// Checks the recogniser against the hand-made gold annotation of the seed article
/// (Fixtures/seed-entities.tsv): every mention, its type and its entity.
final class EntitySeedTests: XCTestCase {
  struct GoldMention: Hashable {
    var entity: String
    var type: EntityType
    var span: Span
    var text: String
  }

  func gold() throws -> [GoldMention] {
    let url = try XCTUnwrap(
      Bundle.module.url(forResource: "seed-entities", withExtension: "tsv", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return GoldMention(
        entity: c[0], type: EntityType(rawValue: c[1])!, span: Span(Int(c[2])!, Int(c[3])!), text: c[4])
    }
  }

  func testFixtureMatchesTheText() throws {
    let doc = try ArticleLoader.load(path: SharedData.seedPath)
    let g = try gold()
    XCTAssertGreaterThan(g.count, 70)
    for m in g { XCTAssertEqual(doc.string(m.span), m.text, "fixture offset of \(m.entity)") }
  }

  func testSeedMentionsPrecisionAndRecall() throws {
    let doc = try ArticleLoader.load(path: SharedData.seedPath)
    let entities = EntityRecognizer.entities(in: doc)
    let g = try gold()
    var found: [Span: EntityType] = [:]
    for e in entities { for m in e.mentions { found[m] = e.type } }
    let goldSet = Dictionary(uniqueKeysWithValues: g.map { ($0.span, $0.type) })
    let correct = found.filter { goldSet[$0.key] == $0.value }.count
    let precision = Double(correct) / Double(max(found.count, 1))
    let recall = Double(correct) / Double(g.count)
    print(
      String(
        format: "seed entities: %d gold mentions, %d found, %d correct: P %.3f R %.3f", g.count,
        found.count, correct, precision, recall))
    for m in g where goldSet[m.span] != found[m.span] {
      print("  missed: \(m.text) \(m.type.rawValue) at \(m.span.start) (got \(found[m.span]?.rawValue ?? "nothing"))")
    }
    for (s, t) in found where goldSet[s] == nil {
      print("  spurious: \(doc.string(s)) \(t.rawValue) at \(s.start)")
    }
    XCTAssertGreaterThanOrEqual(precision, 0.9)
    XCTAssertGreaterThanOrEqual(recall, 0.9)
    // Every person, place and organisation mention, with the right type.
    for m in g where [.person, .place, .organization].contains(m.type) {
      XCTAssertEqual(found[m.span], m.type, "\(m.text) at \(m.span.start)")
    }
  }

  func testSeedGrouping() throws {
    let doc = try ArticleLoader.load(path: SharedData.seedPath)
    let entities = EntityRecognizer.entities(in: doc)
    let g = try gold().filter { [.person, .place, .organization].contains($0.type) }
    var entityOf: [Span: Int] = [:]
    for (i, e) in entities.enumerated() { for m in e.mentions { entityOf[m] = i } }
    // Each gold entity is exactly one found entity, and no two gold entities share one.
    var owner: [Int: String] = [:]
    for name in Set(g.map(\.entity)) {
      let ids = Set(g.filter { $0.entity == name }.compactMap { entityOf[$0.span] })
      XCTAssertEqual(ids.count, 1, "\(name) is split over \(ids.map { entities[$0].name })")
      for id in ids {
        if let other = owner[id] { XCTFail("\(name) and \(other) are merged into \(entities[id].name)") }
        owner[id] = name
      }
    }
  }

  func testSeedEntitiesNamesAndOrder() throws {
    let doc = try ArticleLoader.load(path: SharedData.seedPath)
    let entities = EntityRecognizer.entities(in: doc)
    let korea = try XCTUnwrap(entities.first { $0.aliases.contains("DPRK") || $0.name == "DPRK" })
    XCTAssertEqual(korea.name, "Democratic People’s Republic of Korea")
    XCTAssertEqual(korea.type, .place)
    XCTAssertTrue(korea.aliases.contains("North Korea"))
    XCTAssertEqual(korea.mentions.count, 12)
    let ri = try XCTUnwrap(entities.first { $0.name == "Ri Su Yong" })
    XCTAssertEqual(ri.type, .person)
    // Capitals are not their countries.
    XCTAssertTrue(entities.contains { $0.name == "Pyongyang" && $0.type == .place })
    XCTAssertTrue(entities.contains { $0.name == "Moscow" && $0.type == .place })
    // Most mentioned first, ties by first mention: DPRK and Pyongyang have 12 each.
    XCTAssertEqual(entities.prefix(2).map(\.name), ["Democratic People’s Republic of Korea", "Pyongyang"])
    for (a, b) in zip(entities, entities.dropFirst()) {
      XCTAssertGreaterThanOrEqual(a.mentions.count, b.mentions.count)
    }
    // Mentions in text order, none overlapping anywhere in the document.
    var all: [Span] = []
    for e in entities {
      XCTAssertEqual(e.mentions, e.mentions.sorted())
      all += e.mentions
    }
    all.sort()
    for (a, b) in zip(all, all.dropFirst()) { XCTAssertFalse(a.overlaps(b), "\(a) overlaps \(b)") }
  }
}
