import Foundation

/// A trained tagger: feature weights in an open-addressing table keyed by feature hash,
/// transition weights, and the gazetteer it was trained with.
///
/// On disk (little-endian): "LEDENER1", tag count, the transition matrix as Float32, a weight
/// scale, the rows (feature hash, 17-bit mask of non-zero tags, one Int16 per set bit), then the
/// gazetteer (phrase hash, category bits). Sparse rows keep the file small; in memory the rows
/// are dense Float32 so that scoring a token is a few cache lines.
public final class NERModel: @unchecked Sendable {
  static let magic = Array("LEDENER1".utf8)
  static let tags = NERTags.count

  /// Packed slots: high 40 bits of the feature hash, low 24 bits row + 1 (0 = empty).
  let slots: [UInt64]
  let slotMask: Int
  let rows: [Float]
  let transitions: [Float]
  let gazetteer: NERGazetteer
  /// The word clusters the features read (a shipped resource beside the model, read with it).
  let clusters: NERClusters = .shipped

  public var featureCount: Int { rows.count / NERModel.tags }

  /// Bytes the model holds in memory: slot table, weight rows, gazetteer (estimated).
  public var memoryBytes: Int {
    slots.count * 8 + rows.count * 4 + transitions.count * 4 + gazetteer.phrases.count * 24
      + (gazetteer.frozen?.memoryBytes ?? 0) + clusters.memoryBytes
  }

  package init(features: [UInt64], rows: [Float], transitions: [Float], gazetteer: NERGazetteer) {
    precondition(rows.count == features.count * NERModel.tags)
    var size = 1024
    while size < features.count * 2 { size <<= 1 }
    var slots = [UInt64](repeating: 0, count: size)
    for (r, h) in features.enumerated() {
      var s = Int(truncatingIfNeeded: h >> 24) & (size - 1)
      let fp = h & ~0xFF_FFFF
      while slots[s] != 0 {
        if slots[s] & ~0xFF_FFFF == fp { break }  // duplicate fingerprint: keep the first
        s = (s + 1) & (size - 1)
      }
      if slots[s] == 0 { slots[s] = fp | UInt64(r + 1) }
    }
    self.slots = slots
    self.slotMask = size - 1
    self.rows = rows
    self.transitions = transitions
    var g = gazetteer
    g.freeze()
    self.gazetteer = g
  }

  @inline(__always) func row(_ h: UInt64, _ slots: UnsafePointer<UInt64>) -> Int {
    var s = Int(truncatingIfNeeded: h >> 24) & slotMask
    let fp = h & ~0xFF_FFFF
    while true {
      let v = slots[s]
      if v == 0 { return -1 }
      if v & ~0xFF_FFFF == fp { return Int(v & 0xFF_FFFF) - 1 }
      s = (s + 1) & slotMask
    }
  }

  // MARK: - Tagging

  /// The summed weight rows of `feats` (17 scores: one 16-wide vector and one scalar), added in
  /// list order from zero, written to `out[0..<17]`.
  @inline(__always) func sum(
    _ feats: [UInt64], _ sl: UnsafePointer<UInt64>, _ rw: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Float>
  ) {
    let n = NERModel.tags
    var acc = SIMD16<Float>(repeating: 0)
    var last: Float = 0
    let base = UnsafeRawPointer(rw)
    for h in feats {
      let ri = row(h, sl)
      if ri < 0 { continue }
      acc += base.loadUnaligned(fromByteOffset: ri * n * 4, as: SIMD16<Float>.self)
      last += rw[ri * n + 16]
    }
    UnsafeMutableRawPointer(out).storeBytes(of: acc, as: SIMD16<Float>.self)
    out[16] = last
  }

  /// BILOU tags (see `NERTags`) for every token of the input, document-level cues included.
  public func tag(_ input: NERInput) -> [Int] {
    let d = NERDocFeatures(input, gazetteer: gazetteer, clusters: clusters)
    let n = NERModel.tags
    var tags = [Int](repeating: 0, count: input.starts.count)
    var history = NERWordTable<NERHistory>()
    var feats: [UInt64] = []
    feats.reserveCapacity(128)
    var em: [Float] = []
    var viterbi = NERViterbi()
    // The features of a token alone, and those it gives its neighbours, are the same for every
    // occurrence of a distinct token (`NERTokenTypes`): they are summed once per type, into five
    // blocks of 17 scores (own, then as the word at -2, -1, +1, +2), with one more type for the
    // sentence's edge. A token's score then starts from five loads instead of some twenty lookups.
    let types = NERTokenTypes(d.toks)
    let edge = types.firsts.count
    let stride = 5 * n
    // Every block is written below but the edge's own, which no token reads.
    var sums = [Float](unsafeUninitializedCapacity: (edge + 1) * stride) { buf, count in
      (buf.baseAddress! + edge * stride).initialize(repeating: 0, count: n)
      count = (edge + 1) * stride
    }
    slots.withUnsafeBufferPointer { sl in
      rows.withUnsafeBufferPointer { rw in
        let sl = sl.baseAddress!
        let rw = rw.baseAddress!
        sums.withUnsafeMutableBufferPointer { sm in
          let sm = sm.baseAddress!
          for ty in 0...edge {
            let k = ty < edge ? types.firsts[ty] : -1
            let block = sm + ty * stride
            if k >= 0 {
              feats.removeAll(keepingCapacity: true)
              NERFeatures.extractToken(d.toks[k], cluster: d.clusters[k], clusters: d.hasClusters, into: &feats)
              sum(feats, sl, rw, into: block)
            }
            for role in NERRole.allCases {
              feats.removeAll(keepingCapacity: true)
              NERFeatures.extractNeighbour(
                role, k >= 0 ? d.toks[k] : nil, cluster: k >= 0 ? d.clusters[k] : 0,
                clusters: d.hasClusters, into: &feats)
              sum(feats, sl, rw, into: block + (1 + role.rawValue) * n)
            }
          }
        }
        sums.withUnsafeBufferPointer { sm in
          let sm = UnsafeRawPointer(sm.baseAddress!)
          types.typeOf.withUnsafeBufferPointer { typeOf in
            for (si, r) in d.sentences.enumerated() where !r.isEmpty {
              // A book is not one news story: earlier tags count only within a stretch of text as
              // long as the training documents, so that one early mistake cannot spread for good.
              if si % NERDocFeatures.block == 0 { history.removeAll() }
              if em.count < r.count * n { em = [Float](repeating: 0, count: r.count * n * 2) }
              em.withUnsafeMutableBufferPointer { e in
                @inline(__always) func at(_ j: Int, _ role: NERRole) -> Int {
                  ((r.contains(j) ? Int(typeOf[j]) : edge) * stride + (1 + role.rawValue) * n) * 4
                }
                for (k, i) in r.enumerated() {
                  let own = Int(typeOf[i]) * stride * 4
                  let parts = (own, at(i - 2, .m2), at(i - 1, .m1), at(i + 1, .p1), at(i + 2, .p2))
                  var acc = sm.loadUnaligned(fromByteOffset: parts.0, as: SIMD16<Float>.self)
                  var last = sm.load(fromByteOffset: parts.0 + 64, as: Float.self)
                  acc += sm.loadUnaligned(fromByteOffset: parts.1, as: SIMD16<Float>.self)
                  last += sm.load(fromByteOffset: parts.1 + 64, as: Float.self)
                  acc += sm.loadUnaligned(fromByteOffset: parts.2, as: SIMD16<Float>.self)
                  last += sm.load(fromByteOffset: parts.2 + 64, as: Float.self)
                  acc += sm.loadUnaligned(fromByteOffset: parts.3, as: SIMD16<Float>.self)
                  last += sm.load(fromByteOffset: parts.3 + 64, as: Float.self)
                  acc += sm.loadUnaligned(fromByteOffset: parts.4, as: SIMD16<Float>.self)
                  last += sm.load(fromByteOffset: parts.4 + 64, as: Float.self)
                  let base = UnsafeRawPointer(rw)
                  feats.removeAll(keepingCapacity: true)
                  NERFeatures.extractContext(d, sentence: si, token: i, into: &feats)
                  NERFeatures.extractHistory(d, sentence: si, token: i, history: history, into: &feats)
                  for h in feats {
                    let ri = row(h, sl)
                    if ri < 0 { continue }
                    acc += base.loadUnaligned(fromByteOffset: ri * n * 4, as: SIMD16<Float>.self)
                    last += rw[ri * n + 16]
                  }
                  let out = e.baseAddress! + k * n
                  UnsafeMutableRawPointer(out).storeBytes(of: acc, as: SIMD16<Float>.self)
                  out[16] = last
                }
              }
              tags.withUnsafeMutableBufferPointer { tg in
                em.withUnsafeBufferPointer { e in
                  transitions.withUnsafeBufferPointer { tr in
                    viterbi.decode(
                      emissions: e.baseAddress!, count: r.count, transitions: tr.baseAddress!,
                      into: tg.baseAddress! + r.lowerBound)
                  }
                }
                NERHistory.record(
                  d, sentence: r, tags: UnsafeBufferPointer(rebasing: tg[r]), into: &history)
              }
            }
          }
        }
      }
    }
    return tags
  }

  // MARK: - Reading and writing

  public enum FormatError: Error, CustomStringConvertible {
    case bad(String)
    public var description: String {
      switch self { case .bad(let why): return "not a lede NER model: \(why)" }
    }
  }

  /// Serialises the model, dropping weights whose magnitude is below `prune` (a fraction of the
  /// largest weight) and rows that become empty.
  public func serialized(prune: Float = 0) -> Data {
    let n = NERModel.tags
    var maxAbs: Float = 1e-9
    for w in rows { maxAbs = max(maxAbs, abs(w)) }
    let scale = maxAbs / 32767
    let cut = prune * maxAbs
    var out = Data()
    func put<T: FixedWidthInteger>(_ v: T) {
      var x = v.littleEndian
      withUnsafeBytes(of: &x) { out.append(contentsOf: $0) }
    }
    func putFloat(_ f: Float) { put(f.bitPattern) }
    out.append(contentsOf: NERModel.magic)
    put(UInt32(n))
    for t in transitions { putFloat(t) }
    putFloat(scale)
    // Recover each row's feature hash from the slot table.
    var hashOf = [UInt64](repeating: 0, count: featureCount)
    var present = [Bool](repeating: false, count: featureCount)
    for v in slots where v != 0 {
      let r = Int(v & 0xFF_FFFF) - 1
      hashOf[r] = v
      present[r] = true
    }
    var kept: [(UInt64, UInt32, [Int16])] = []
    for r in 0..<featureCount where present[r] {
      var mask: UInt32 = 0
      var vals: [Int16] = []
      for t in 0..<n {
        let w = rows[r * n + t]
        if abs(w) < cut { continue }
        let q = Int16(clamping: Int((w / scale).rounded()))
        if q == 0 { continue }
        mask |= 1 << UInt32(t)
        vals.append(q)
      }
      if mask != 0 { kept.append((hashOf[r], mask, vals)) }
    }
    put(UInt32(kept.count))
    for (h, m, vals) in kept {
      put(h)  // slot value: fingerprint plus a row number, which the reader ignores
      put(m)
      for v in vals { put(v) }
    }
    let phrases = gazetteer.phrases.sorted { $0.key < $1.key }
    put(UInt32(gazetteer.maxLength))
    put(UInt32(phrases.count))
    for (k, v) in phrases {
      put(k)
      put(v)
    }
    return out
  }

  /// Reads a model written by `serialized`.
  public convenience init(data: Data) throws {
    let n = NERModel.tags
    let parsed: (features: [UInt64], rows: [Float], transitions: [Float], gaz: NERGazetteer) =
      try data.withUnsafeBytes { raw in
        var pos = 0
        func need(_ k: Int) throws {
          if pos + k > raw.count { throw FormatError.bad("truncated at byte \(pos)") }
        }
        func get<T: FixedWidthInteger>(_: T.Type) throws -> T {
          try need(MemoryLayout<T>.size)
          let v = raw.loadUnaligned(fromByteOffset: pos, as: T.self)
          pos += MemoryLayout<T>.size
          return T(littleEndian: v)
        }
        func getFloat() throws -> Float { Float(bitPattern: try get(UInt32.self)) }
        try need(8)
        if Array(raw[0..<8]) != NERModel.magic { throw FormatError.bad("wrong magic") }
        pos = 8
        if try get(UInt32.self) != UInt32(n) { throw FormatError.bad("tag count") }
        var trans = [Float](repeating: 0, count: (n + 1) * n)
        for k in 0..<trans.count { trans[k] = try getFloat() }
        let scale = try getFloat()
        let count = Int(try get(UInt32.self))
        var features = [UInt64](repeating: 0, count: count)
        var rows = [Float](repeating: 0, count: count * n)
        for r in 0..<count {
          features[r] = (try get(UInt64.self)) & ~0xFF_FFFF
          let mask = try get(UInt32.self)
          var m = mask
          while m != 0 {
            let t = m.trailingZeroBitCount
            rows[r * n + t] = Float(try get(Int16.self)) * scale
            m &= m - 1
          }
        }
        var gaz = NERGazetteer()
        gaz.maxLength = Int(try get(UInt32.self))
        let pc = Int(try get(UInt32.self))
        gaz.phrases.reserveCapacity(pc)
        for _ in 0..<pc {
          let k = try get(UInt64.self)
          gaz.phrases[k] = try get(UInt32.self)
        }
        return (features, rows, trans, gaz)
      }
    self.init(
      features: parsed.features, rows: parsed.rows, transitions: parsed.transitions,
      gazetteer: parsed.gaz)
  }

  public convenience init(contentsOf url: URL) throws {
    try self.init(data: try Data(contentsOf: url, options: .mappedIfSafe))
  }
}

/// The distinct tokens of a document: each token's type number, and the first token of each
/// type. Two tokens are one type when their word, lower-cased key (which differs for acronyms in
/// mixed-case text) and shape agree, so they have the same own features (`extractToken`), word
/// clusters included (the word decides them), and give their neighbours the same features.
struct NERTokenTypes {
  var typeOf: [Int32]
  var firsts: [Int]

  init(_ toks: [NERToken]) {
    var size = 256
    while size < 2 * toks.count { size <<= 1 }
    let mask = size - 1
    var index = [Int32](repeating: 0, count: size)  // type + 1, 0 = empty
    var typeOf = [Int32](repeating: 0, count: toks.count)
    var firsts: [Int] = []
    toks.withUnsafeBufferPointer { tk in
      index.withUnsafeMutableBufferPointer { ix in
        for k in 0..<tk.count {
          let t = tk[k]
          var s = Int(truncatingIfNeeded: t.word) & mask
          while true {
            let e = Int(ix[s]) - 1
            if e < 0 {
              firsts.append(k)
              ix[s] = Int32(firsts.count)
              typeOf[k] = Int32(firsts.count - 1)
              break
            }
            let f = tk[firsts[e]]
            if f.word == t.word && f.lower == t.lower && f.shape == t.shape {
              typeOf[k] = Int32(e)
              break
            }
            s = (s + 1) & mask
          }
        }
      }
    }
    self.typeOf = typeOf
    self.firsts = firsts
  }
}
