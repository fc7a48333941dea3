import Foundation

extension EntityResources {
  /// A digest of the shipped model and tables (FNV-1a 64 over their bytes, in hex): it changes
  /// when the tagger is retrained or a table edited, so that an index of analyses made with the
  /// old ones is rebuilt (LibraryIndex's analyser version includes it).
  public static let fingerprint: String = {
    var h = FNV1a()
    let shipped = [
      ("ner-model", "bin"), ("word-clusters", "bin"), ("entities", "tsv"), ("countries", "tsv"),
      ("given-names", "txt"),
    ]
    for (name, ext) in shipped {
      guard let url = resourceURL(name, ext), let data = try? Data(contentsOf: url) else {
        h.add(0xFF)
        continue
      }
      h.add(data)
    }
    return h.hex
  }()
}
