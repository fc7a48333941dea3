import Foundation

/// Word clusters learnt from unlabelled text (GloVe 6B vectors clustered with k-means at three
/// granularities, `tools/clusters/build.py`): words that occur in like contexts share ids, so a
/// name the training data never had ("Lacana", "Yorkton") is seen through the company of words
/// like it. Keyed by the hash of the lower-cased word, as the tagger's tokens are.
package struct NERClusters: @unchecked Sendable {
  /// An open-addressing table keyed by the (already mixed) word hash: each slot holds the
  /// hash's high 32 bits << 32 | the clusters, fine (bits 0-11) | middle << 12 | coarse << 22,
  /// each id + 1 (0: an empty slot). One array, so that a lookup touches one cache line.
  var slots: [UInt64] = []
  var mask = 0
  var count = 0

  static let fineMask: UInt32 = 0xFFF

  init() {}

  var isEmpty: Bool { count == 0 }
  var memoryBytes: Int { slots.count * 8 }

  @inline(__always) func lookup(_ key: UInt64) -> UInt32 {
    if mask == 0 { return 0 }
    let check = key >> 32
    var s = Int(truncatingIfNeeded: key >> 8) & mask
    while true {
      let x = slots[s]
      if x == 0 { return 0 }
      if x >> 32 == check { return UInt32(truncatingIfNeeded: x) }
      s = (s + 1) & mask
    }
  }

  /// Parses "word<TAB>fine<TAB>middle<TAB>coarse" lines ('#' lines are comments).
  init(tsv data: Data) {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let b = raw.bindMemory(to: UInt8.self)
      let n = b.count
      var lines = 0
      for k in 0..<n where b[k] == 10 { lines += 1 }
      var size = 1024
      while size * 2 < lines * 3 { size <<= 1 }  // at most two thirds full
      var slots = [UInt64](repeating: 0, count: size)
      let mask = size - 1
      var count = 0
      slots.withUnsafeMutableBufferPointer { slots in
        do {
          var i = 0
          var scalars: [Unicode.Scalar] = []
          while i < n {
            if b[i] == 35 {  // '#': a comment line
              while i < n && b[i] != 10 { i += 1 }
              i += 1
              continue
            }
            let start = i
            var ascii = true
            var h = NERHash.seed
            while i < n && b[i] != 9 && b[i] != 10 {
              if b[i] >= 0x80 { ascii = false }
              h = NERHash.add(h, NERHash.lower(UInt32(b[i])))
              i += 1
            }
            let wordEnd = i
            var ids: (UInt32, UInt32, UInt32) = (0, 0, 0)
            var found = 0
            while i < n && b[i] == 9 {
              i += 1
              var v: UInt32 = 0
              var digits = 0
              while i < n && b[i] >= 48 && b[i] <= 57 && digits < 6 {
                v = v &* 10 &+ UInt32(b[i] - 48)
                digits += 1
                i += 1
              }
              if digits > 0 {
                switch found {
                case 0: ids.0 = v
                case 1: ids.1 = v
                default: ids.2 = v
                }
                found += 1
              }
            }
            while i < n && b[i] != 10 { i += 1 }
            i += 1
            guard found == 3, wordEnd > start, ids.0 < 4095, ids.1 < 1023, ids.2 < 1023 else {
              continue
            }
            let key: UInt64
            if ascii {
              key = NERHash.mix(h)
            } else {
              scalars.removeAll(keepingCapacity: true)
              let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<wordEnd]), as: UTF8.self)
              scalars.append(contentsOf: s.unicodeScalars)
              key = NERHash.lowerHash(scalars)
            }
            let check = key >> 32
            var s = Int(truncatingIfNeeded: key >> 8) & mask
            while slots[s] != 0 && slots[s] >> 32 != check { s = (s + 1) & mask }
            if slots[s] == 0 { count += 1 }
            slots[s] = check << 32 | UInt64((ids.0 + 1) | (ids.1 + 1) << 12 | (ids.2 + 1) << 22)
          }
        }
      }
      self.slots = slots
      self.mask = mask
      self.count = count
    }
  }

  static let magic = Array("LEDECLU1".utf8)

  /// The table as it ships (`word-clusters.bin`), so that a process reads it instead of parsing
  /// 200,000 lines: "LEDECLU1", the slot count (a power of two) and the word count as UInt32,
  /// then the slots as UInt64, all little-endian. Made from `tools/clusters/word-clusters.tsv`
  /// by `NERClustersTests` (see tools/clusters/README.md), which also checks that they agree.
  func serialized() -> Data {
    var out = Data(NERClusters.magic)
    func put<T: FixedWidthInteger>(_ v: T) {
      var x = v.littleEndian
      withUnsafeBytes(of: &x) { out.append(contentsOf: $0) }
    }
    put(UInt32(slots.count))
    put(UInt32(count))
    out.reserveCapacity(out.count + slots.count * 8)
    for v in slots { put(v) }
    return out
  }

  /// Reads `serialized()` output; nil if it is not one (wrong magic, size or length).
  init?(binary data: Data) {
    let parsed: ([UInt64], Int)? = data.withUnsafeBytes { raw in
      let header = 16
      guard raw.count >= header, Array(raw[0..<8]) == NERClusters.magic else { return nil }
      let size = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
      let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
      guard size >= 1, size & (size - 1) == 0, count < size, raw.count == header + size * 8 else {
        return nil
      }
      let slots = [UInt64](unsafeUninitializedCapacity: size) { buf, n in
        UnsafeMutableRawBufferPointer(buf).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[header...]))
        n = size
      }
      #if _endian(big)
        return (slots.map { UInt64(littleEndian: $0) }, count)
      #else
        return (slots, count)
      #endif
    }
    guard let (slots, count) = parsed else { return nil }
    self.slots = slots
    self.mask = slots.count - 1
    self.count = count
  }

  /// The shipped table (empty if the resource is missing or not a table).
  package static let shipped: NERClusters = {
    guard let url = EntityResources.resourceURL("word-clusters", "bin"),
      let data = try? Data(contentsOf: url, options: .mappedIfSafe)
    else { return NERClusters() }
    return NERClusters(binary: data) ?? NERClusters()
  }()
}
