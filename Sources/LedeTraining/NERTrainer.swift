import ArticleModel
import Foundation

/// Trains the tagger: an averaged structured perceptron over BILOU tags with Viterbi decoding
/// (Collins 2002), deterministic for a given seed.
///
/// The gazetteer built from the training data's own entities is made per fold (jackknife): a
/// training document only sees the entity lists of the other folds, so the weights learn how far
/// a list match can be trusted on unseen text rather than memorising it.
public struct NERTrainer {
  public struct Options {
    public var epochs = 12
    public var seed: UInt64 = 1
    public var folds = 10
    /// Word-cluster features (off for an ablation: the features then never get weights).
    public var clusters = true
    public init() {}
  }

  struct Prepared {
    var doc: NERDocFeatures
    var feats: [Int32] = []
    var offsets: [Int32] = [0]
    var gold: [Int]  // BILOU per token; empty for documents without gold
    var goldSpans: [[(range: Range<Int>, type: Int)]]
  }

  let options: Options
  var index: [UInt64: Int32] = [:]
  var hashes: [UInt64] = []
  var w: [Float] = []
  var u: [Double] = []
  var tw: [Float] = [Float](repeating: 0, count: (NERTags.count + 1) * NERTags.count)
  var tu: [Double] = [Double](repeating: 0, count: (NERTags.count + 1) * NERTags.count)
  var c: Double = 1
  var viterbi = NERViterbi()
  var log: (String) -> Void

  public init(options: Options, log: @escaping (String) -> Void) {
    self.options = options
    self.log = log
  }

  mutating func featureIndex(_ h: UInt64, insert: Bool) -> Int32 {
    if let k = index[h] { return k }
    if !insert { return -1 }
    let k = Int32(hashes.count)
    index[h] = k
    hashes.append(h)
    w.append(contentsOf: repeatElement(0, count: NERTags.count))
    u.append(contentsOf: repeatElement(0, count: NERTags.count))
    return k
  }

  static func entityGazetteer(_ docs: [CoNLLCorpus.DocumentPart]) -> NERGazetteer {
    var g = NERGazetteer()
    for d in docs {
      for s in d.sentences {
        let caps =
          s.words.contains { $0.unicodeScalars.contains { CharacterClass.isLetter($0) } }
          && !s.words.contains { $0.unicodeScalars.contains { CharacterClass.isLower($0) } }
        let keys = NERToken.lowerKeys(s.words, capsSentence: caps)
        for e in NERTags.spans(iob: s.labels) {
          g.add(Array(keys[e.range]), category: e.type)
        }
      }
    }
    return g
  }

  mutating func prepare(
    _ part: CoNLLCorpus.DocumentPart, gazetteer: NERGazetteer, insert: Bool
  ) -> Prepared {
    let input = part.input
    let d = NERDocFeatures(input, gazetteer: gazetteer, clusters: options.clusters ? .shipped : nil)
    let goldSpans = part.goldSpans
    var gold: [Int] = []
    for (s, sp) in zip(part.sentences, goldSpans) { gold += NERTags.encode(sp, count: s.words.count) }
    var p = Prepared(doc: d, gold: gold, goldSpans: goldSpans)
    var buf: [UInt64] = []
    for (si, r) in d.sentences.enumerated() {
      for i in r {
        buf.removeAll(keepingCapacity: true)
        NERFeatures.extract(d, sentence: si, token: i, into: &buf)
        for h in buf {
          let k = featureIndex(h, insert: insert)
          if k >= 0 { p.feats.append(k) }
        }
        p.offsets.append(Int32(p.feats.count))
      }
    }
    return p
  }

  /// Decodes one sentence with the given weights; fills `dyn` with each token's history
  /// feature indices (`dynOffsets` per token).
  mutating func decode(
    _ p: Prepared, sentence si: Int, history: [UInt64: NERHistory], weights: [Float],
    transitions: [Float], insert: Bool, dyn: inout [Int32], dynOffsets: inout [Int32],
    tags: inout [Int]
  ) {
    let r = p.doc.sentences[si]
    let n = NERTags.count
    dyn.removeAll(keepingCapacity: true)
    dynOffsets.removeAll(keepingCapacity: true)
    dynOffsets.append(0)
    var buf: [UInt64] = []
    for i in r {
      buf.removeAll(keepingCapacity: true)
      NERFeatures.extractHistory(p.doc, sentence: si, token: i, history: history, into: &buf)
      for h in buf {
        let k = featureIndex(h, insert: insert)
        if k >= 0 { dyn.append(k) }
      }
      dynOffsets.append(Int32(dyn.count))
    }
    let wts = insert ? w : weights  // training decodes with the current weights
    var em = [Float](repeating: 0, count: r.count * n)
    wts.withUnsafeBufferPointer { wp in
      for (k, i) in r.enumerated() {
        let base = k * n
        for j in Int(p.offsets[i])..<Int(p.offsets[i + 1]) {
          let row = Int(p.feats[j]) * n
          for t in 0..<n { em[base + t] += wp[row + t] }
        }
        for j in Int(dynOffsets[k])..<Int(dynOffsets[k + 1]) {
          let row = Int(dyn[j]) * n
          if row + n <= wp.count { for t in 0..<n { em[base + t] += wp[row + t] } }
        }
      }
    }
    tags = [Int](repeating: 0, count: r.count)
    let trs = insert ? tw : transitions
    em.withUnsafeBufferPointer { e in
      trs.withUnsafeBufferPointer { tr in
        tags.withUnsafeMutableBufferPointer { tg in
          viterbi.decode(
            emissions: e.baseAddress!, count: r.count, transitions: tr.baseAddress!,
            into: tg.baseAddress!)
        }
      }
    }
  }

  @inline(__always) mutating func bump(_ f: Int32, _ t: Int, _ d: Float) {
    let k = Int(f) * NERTags.count + t
    w[k] += d
    u[k] += Double(d) * c
  }

  func averaged() -> ([Float], [Float]) {
    var aw = [Float](repeating: 0, count: w.count)
    for k in 0..<w.count { aw[k] = Float(Double(w[k]) - u[k] / c) }
    var at = [Float](repeating: 0, count: tw.count)
    for k in 0..<tw.count { at[k] = Float(Double(tw[k]) - tu[k] / c) }
    return (aw, at)
  }

  mutating func evaluate(_ docs: [Prepared], weights: [Float], transitions: [Float]) -> NERScore {
    var score = NERScore()
    var dyn: [Int32] = []
    var dynOffsets: [Int32] = []
    var tags: [Int] = []
    for p in docs {
      var history: [UInt64: NERHistory] = [:]
      for (si, r) in p.doc.sentences.enumerated() {
        if si % NERDocFeatures.block == 0 { history.removeAll() }
        decode(
          p, sentence: si, history: history, weights: weights, transitions: transitions,
          insert: false, dyn: &dyn, dynOffsets: &dynOffsets, tags: &tags)
        score.add(gold: p.goldSpans[si], predicted: NERTags.spans(tags))
        tags.withUnsafeBufferPointer { NERHistory.record(p.doc, sentence: r, tags: $0, into: &history) }
      }
    }
    return score
  }

  /// Trains on `train`, picks the epoch with the best F1 on `dev`, and returns that model.
  public mutating func train(
    train: [CoNLLCorpus.DocumentPart], dev: [CoNLLCorpus.DocumentPart], base: NERGazetteerData
  ) -> NERModel {
    let folds = max(1, options.folds)
    log("preparing \(train.count) training documents, \(folds) gazetteer folds")
    var prepared: [Prepared] = []
    for f in 0..<folds {
      var gaz = NERTrainer.entityGazetteer(
        train.enumerated().filter { folds == 1 || $0.offset % folds != f }.map(\.element))
      gaz.merge(base.value)
      for (k, d) in train.enumerated() where k % folds == f {
        prepared.append(prepare(d, gazetteer: gaz, insert: true))
      }
    }
    var fullGaz = NERTrainer.entityGazetteer(train)
    fullGaz.merge(base.value)
    let devPrepared = dev.map { prepare($0, gazetteer: fullGaz, insert: false) }
    log("\(hashes.count) features")

    var rng = SplitMix64(seed: options.seed)
    var order = Array(prepared.indices)
    var best: (f1: Double, epoch: Int, w: [Float], t: [Float]) = (-1, 0, [], [])
    var dyn: [Int32] = []
    var dynOffsets: [Int32] = []
    var tags: [Int] = []
    let n = NERTags.count
    for epoch in 1...max(1, options.epochs) {
      let t0 = Date()
      for k in stride(from: order.count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(k + 1))
        order.swapAt(k, j)
      }
      var mistakes = 0
      for di in order {
        let p = prepared[di]
        var history: [UInt64: NERHistory] = [:]
        var tokenBase = 0
        for (si, r) in p.doc.sentences.enumerated() {
          if si % NERDocFeatures.block == 0 { history.removeAll() }
          tokenBase = r.lowerBound
          decode(
            p, sentence: si, history: history, weights: [], transitions: [], insert: true,
            dyn: &dyn, dynOffsets: &dynOffsets, tags: &tags)
          var prevG = -1
          var prevP = -1
          for (k, i) in r.enumerated() {
            let g = p.gold[tokenBase + k]
            let q = tags[k]
            if g != q {
              mistakes += 1
              for j in Int(p.offsets[i])..<Int(p.offsets[i + 1]) {
                bump(p.feats[j], g, 1)
                bump(p.feats[j], q, -1)
              }
              for j in Int(dynOffsets[k])..<Int(dynOffsets[k + 1]) {
                bump(dyn[j], g, 1)
                bump(dyn[j], q, -1)
              }
            }
            if g != q || prevG != prevP {
              let kg = (prevG + 1) * n + g
              let kp = (prevP + 1) * n + q
              tw[kg] += 1
              tu[kg] += c
              tw[kp] -= 1
              tu[kp] -= c
            }
            prevG = g
            prevP = q
          }
          c += 1
          tags.withUnsafeBufferPointer { NERHistory.record(p.doc, sentence: r, tags: $0, into: &history) }
        }
      }
      let (aw, at) = averaged()
      let score = evaluate(devPrepared, weights: aw, transitions: at)
      let (pr, rc, f) = score.overall
      log(
        String(
          format: "epoch %d: %d token mistakes; dev P %.2f R %.2f F1 %.2f (%.1f s)", epoch, mistakes,
          pr, rc, f, Date().timeIntervalSince(t0)))
      if f > best.f1 { best = (f, epoch, aw, at) }
    }
    log(String(format: "best epoch %d, dev F1 %.2f", best.epoch, best.f1))
    return NERModel(features: hashes, rows: best.w, transitions: best.t, gazetteer: fullGaz)
  }
}

/// A small deterministic generator (the standard SplitMix64).
public struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
