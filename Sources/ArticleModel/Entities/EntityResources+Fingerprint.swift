import Foundation

extension EntityResources {
  /// A digest of the shipped model and tables (FNV-1a 64 over their bytes, in hex): it changes
  /// when the tagger is retrained or a table edited, so that an index of analyses made with the
  /// old ones is rebuilt (LibraryIndex's analyser version includes it).
  public static let fingerprint: String = {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for (name, ext) in [("ner-model", "bin"), ("entities", "tsv"), ("countries", "tsv")] {
      guard let url = resourceURL(name, ext), let data = try? Data(contentsOf: url) else {
        h ^= 0xFF
        h = h &* 0x100_0000_01b3
        continue
      }
      data.withUnsafeBytes { raw in
        for b in raw.bindMemory(to: UInt8.self) {
          h ^= UInt64(b)
          h = h &* 0x100_0000_01b3
        }
      }
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }()
}
