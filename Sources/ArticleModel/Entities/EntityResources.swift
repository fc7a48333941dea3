import Foundation

/// The recogniser's shipped data: the trained model and the alias tables, found through
/// `Bundle.module` (beside an installed binary too: `make install` copies the bundle).
public enum EntityResources {
  public enum Kind: String { case country, place, group, org, event, misc }

  /// One line of the alias tables: a canonical name and the names that mean the same entity.
  public struct AliasEntry {
    public var kind: Kind
    public var names: [String]
  }

  package static func resourceURL(_ name: String, _ ext: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
      ?? Bundle.module.url(forResource: name, withExtension: ext)
  }

  static func lines(_ name: String) -> [String] {
    guard let url = resourceURL(name, "tsv"), let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
  }

  /// Countries (from iso-codes) and the hand-made places, groups, organisations and events.
  public static let aliasEntries: [AliasEntry] = {
    var out: [AliasEntry] = []
    for l in lines("countries") {
      out.append(AliasEntry(kind: .country, names: l.split(separator: "\t").map(String.init)))
    }
    for l in lines("entities") {
      let cols = l.split(separator: "\t").map(String.init)
      guard cols.count >= 2, let kind = Kind(rawValue: cols[0]) else { continue }
      out.append(AliasEntry(kind: kind, names: Array(cols.dropFirst())))
    }
    return out
  }()

  /// The gazetteer of the hand-made lists (categories 4-7), shared by training and tagging.
  public static let baseGazetteer: NERGazetteerData = {
    var g = NERGazetteer()
    for e in aliasEntries {
      let cat: Int
      switch e.kind {
      case .country: cat = NERGazetteer.countryCategory
      case .place: cat = NERGazetteer.placeCategory
      case .group: cat = NERGazetteer.groupCategory
      case .org: cat = NERGazetteer.organisationCategory
      case .event, .misc: continue
      }
      for n in e.names { g.add(text: n, category: cat) }
    }
    return NERGazetteerData(g)
  }()

  /// Reads the shipped model.
  public static func loadModel() throws -> NERModel {
    guard let url = resourceURL("ner-model", "bin") else {
      throw NERModel.FormatError.bad("ner-model.bin is missing from the lede_ArticleModel bundle")
    }
    return try NERModel(contentsOf: url)
  }

  /// The shipped model, loaded once on first use (nil if it is missing or unreadable).
  public static let model: NERModel? = try? loadModel()
}

/// A gazetteer as a public value, so that the `lede` commands can pass one to the trainer.
public struct NERGazetteerData: @unchecked Sendable {
  package let value: NERGazetteer
  init(_ g: NERGazetteer) { value = g }
}
