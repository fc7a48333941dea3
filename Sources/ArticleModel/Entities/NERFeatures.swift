/// A document as the tagger sees it: scalars, token boundaries and sentences (token ranges).
/// Articles (`Document`) and CoNLL files both become this, so training and use share one path.
public struct NERInput {
  public var scalars: [Unicode.Scalar]
  public var starts: [Int32]
  public var ends: [Int32]
  public var sentences: [Range<Int>]

  public init(scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32], sentences: [Range<Int>]) {
    self.scalars = scalars
    self.starts = starts
    self.ends = ends
    self.sentences = sentences
  }

  /// Builds an input from a list of sentences of token strings (CoNLL), joined by spaces.
  public init(sentences words: [[String]]) {
    var sc: [Unicode.Scalar] = []
    var st: [Int32] = []
    var en: [Int32] = []
    var sents: [Range<Int>] = []
    for s in words {
      let first = st.count
      for w in s {
        st.append(Int32(sc.count))
        sc.append(contentsOf: w.unicodeScalars)
        en.append(Int32(sc.count))
        sc.append(" ")
      }
      sc.append("\n")
      sents.append(first..<st.count)
    }
    self.init(scalars: sc, starts: st, ends: en, sentences: sents)
  }

  /// Builds an input from an article's tokens and sentences.
  public init(_ d: Document) {
    self.init(
      scalars: d.scalars, starts: d.tokens.map { Int32($0.start) }, ends: d.tokens.map { Int32($0.end) },
      sentences: d.sentences.map { $0.tokens })
  }
}

/// Per-document facts the features read: token hashes, gazetteer matches and the document-level
/// cues (how a word is capitalised elsewhere in the same document).
package struct NERDocFeatures {
  /// What a block says of one word: how it is written, and where its contexts are.
  struct Counts {
    var lowerCase: Int32 = 0  // written all lower-case
    var capitalisedInside: Int32 = 0  // capitalised, not sentence-initial, in a mixed-case sentence
    var total: Int32 = 0
    /// Its capitalised occurrences' contexts: `contextWords[contextStart..<+contextCount]`
    /// (`contextStart` -1: none yet).
    var contextStart: Int32 = -1
    var contextCount: Int32 = 0
  }

  var toks: [NERToken]
  /// Each token's word clusters (`NERClusters`), 0 where the word has none.
  var clusters: [UInt32]
  var hasClusters: Bool
  var gaz: [UInt32]
  var sentenceOf: [Int32]
  var allCapsSentence: [Bool]
  var tableSentence: [Bool]
  /// Counts per block of `NERDocFeatures.block` sentences, by lower-cased word: a book is read
  /// as a run of article-sized stretches, like the documents the tagger was trained on.
  var counts: [NERWordTable<Counts>]
  package var sentences: [Range<Int>]
  package static let block = 100
  /// Context aggregation (Ratinov & Roth 2009): for each capitalised word of a block, the
  /// words around its occurrences (at most `maxContexts` each side, deduplicated), so that
  /// every occurrence sees them. Each word has `contextStride` places here.
  var contextWords: [UInt64]
  static let maxContexts = 8
  static let contextStride = 2 * maxContexts + 1

  package init(_ input: NERInput, gazetteer: NERGazetteer, clusters table: NERClusters? = .shipped) {
    let n = input.starts.count
    var toks = [NERToken]()
    toks.reserveCapacity(n)
    input.scalars.withUnsafeBufferPointer { sc in
      for k in 0..<n { toks.append(NERToken(sc, Int(input.starts[k]), Int(input.ends[k]))) }
    }
    // Looked up before acronyms get their own keys: "UN" and "un" are one word to GloVe.
    var clusters = [UInt32](repeating: 0, count: n)
    hasClusters = table.map { !$0.isEmpty } ?? false
    if let table, hasClusters {
      for k in 0..<n { clusters[k] = table.lookup(toks[k].lower) }
    }
    self.clusters = clusters
    sentences = input.sentences
    sentenceOf = [Int32](repeating: 0, count: n)
    allCapsSentence = []
    tableSentence = []
    gaz = [UInt32](repeating: 0, count: n)
    counts = []
    var contextWords: [UInt64] = []
    for (si, r) in input.sentences.enumerated() {
      var letters = 0
      var lowers = 0
      var numeric = 0
      for k in r {
        sentenceOf[k] = Int32(si)
        let t = toks[k]
        if t.has(NERToken.hasLetter) { letters += 1 }
        if t.has(NERToken.hasLower) { lowers += 1 }
        if !t.has(NERToken.hasLetter) { numeric += 1 }
      }
      let caps = letters > 0 && lowers == 0
      allCapsSentence.append(caps)
      // An acronym in mixed-case text is not the lower-case word: "UN" is not "Un", "US" not "us".
      if !caps {
        for k in r where NERToken.isAcronymLike(toks[k]) { toks[k].lower = NERToken.acronymKey(toks[k].lower) }
      }
      tableSentence.append(r.count > 2 && numeric * 10 > r.count * 4)
      if si % NERDocFeatures.block == 0 { counts.append(NERWordTable()) }
      gazetteer.mark(toks, r, into: &gaz)
      let b = counts.count - 1
      for k in r where toks[k].has(NERToken.hasLetter) {
        let t = toks[k]
        var e = -1
        if let found = counts[b].index(of: t.lower) { e = found } else { e = counts[b].insert(t.lower, Counts()) }
        var c = counts[b].values[e]
        c.total += 1
        if !t.isCapitalised {
          c.lowerCase += 1
        } else if k > r.lowerBound && !caps && t.has(NERToken.initCap) {
          c.capitalisedInside += 1
        }
        if t.isCapitalised, c.contextCount < Int32(2 * NERDocFeatures.maxContexts) {
          let prev = k > r.lowerBound ? toks[k - 1].lower : NERFeatures.boundaryM
          let next = k + 1 < r.upperBound ? toks[k + 1].lower : NERFeatures.boundaryP
          if c.contextStart < 0 {
            c.contextStart = Int32(contextWords.count)
            contextWords.append(contentsOf: repeatElement(0, count: NERDocFeatures.contextStride))
          }
          let start = Int(c.contextStart)
          for side in 1...2 {
            let h = side == 1 ? NERHash.combine(1, prev) : NERHash.combine(2, next)
            let end = start + Int(c.contextCount)
            if !contextWords[start..<end].contains(h) {
              contextWords[end] = h
              c.contextCount += 1
            }
          }
        }
        counts[b].values[e] = c
      }
    }
    self.toks = toks
    self.contextWords = contextWords
  }
}

/// Feature templates. A feature is `combine(template, value)`, an integer; no strings.
package enum NERFeatures {
  // template ids
  static let bias: UInt64 = 1, word: UInt64 = 2, lower: UInt64 = 3, shape: UInt64 = 4
  static let shortShape: UInt64 = 5, prefix: UInt64 = 6, suffix: UInt64 = 10
  static let lowerM1: UInt64 = 14, lowerM2: UInt64 = 15, lowerP1: UInt64 = 16, lowerP2: UInt64 = 17
  static let shapeM1: UInt64 = 18, shapeP1: UInt64 = 19, shape3: UInt64 = 20
  static let bigramL: UInt64 = 21, bigramR: UInt64 = 22, firstShape: UInt64 = 23
  static let capsSentShape: UInt64 = 24, tableShape: UInt64 = 25, gazHere: UInt64 = 26
  static let gazPrev: UInt64 = 27, gazNext: UInt64 = 28, docLower: UInt64 = 29
  static let docCapInside: UInt64 = 30, docFreq: UInt64 = 31, prevWordShape: UInt64 = 32
  static let flagsT: UInt64 = 33, headlineShape: UInt64 = 34, capsSentLower: UInt64 = 35
  static let nextWordShape: UInt64 = 36, gazHereShape: UInt64 = 37
  static let historyT: UInt64 = 40, historyUnanimous: UInt64 = 41, historyPrevTok: UInt64 = 42
  static let historyNextTok: UInt64 = 43, aggregate: UInt64 = 44
  static let clusterFine: UInt64 = 50, clusterMid: UInt64 = 51, clusterCoarse: UInt64 = 52
  static let clusterM1: UInt64 = 53, clusterP1: UInt64 = 54, clusterM2: UInt64 = 55
  static let clusterP2: UInt64 = 56, clusterShape: UInt64 = 57, clusterPair: UInt64 = 58
  static let clusterPairR: UInt64 = 59, clusterM1Shape: UInt64 = 60, clusterP1Shape: UInt64 = 61

  static let boundaryM: UInt64 = 0x1111, boundaryP: UInt64 = 0x2222

  @inline(__always) static func f(_ t: UInt64, _ v: UInt64) -> UInt64 { NERHash.combine(t, v) }

  /// Appends the static features of token `i` of sentence `si`: the token's own features
  /// (`extractToken`), those its neighbours give alone (`extractNeighbour`), then the rest
  /// (`extractContext`). Training reads this list; the tagger sums the first two kinds once per
  /// distinct token of a document (`NERModel.tag`), so each kind must depend on what it says.
  package static func extract(
    _ d: NERDocFeatures, sentence si: Int, token i: Int, into out: inout [UInt64]
  ) {
    extractToken(d.toks[i], cluster: d.clusters[i], clusters: d.hasClusters, into: &out)
    let r = d.sentences[si]
    for role in NERRole.allCases {
      let j = i + role.offset
      if r.contains(j) {
        extractNeighbour(role, d.toks[j], cluster: d.clusters[j], clusters: d.hasClusters, into: &out)
      } else {
        extractNeighbour(role, nil, cluster: 0, clusters: d.hasClusters, into: &out)
      }
    }
    extractContext(d, sentence: si, token: i, into: &out)
  }

  /// The features that depend on the token alone: its word, lower-cased key, shape, prefixes
  /// and suffixes, flags and length, and its word clusters (`c`, 0 for none).
  @inline(__always) static func extractToken(
    _ t: NERToken, cluster c0: UInt32, clusters: Bool, into out: inout [UInt64]
  ) {
    out.append(bias)
    out.append(f(word, t.word))
    out.append(f(lower, t.lower))
    out.append(f(shape, t.shape))
    out.append(f(shortShape, t.shortShape))
    if t.prefixes.0 != 0 { out.append(f(prefix, t.prefixes.0)) }
    if t.prefixes.1 != 0 { out.append(f(prefix + 1, t.prefixes.1)) }
    if t.prefixes.2 != 0 { out.append(f(prefix + 2, t.prefixes.2)) }
    if t.prefixes.3 != 0 { out.append(f(prefix + 3, t.prefixes.3)) }
    out.append(f(suffix, t.suffixes.0))
    if t.suffixes.1 != 0 { out.append(f(suffix + 1, t.suffixes.1)) }
    if t.suffixes.2 != 0 { out.append(f(suffix + 2, t.suffixes.2)) }
    if t.suffixes.3 != 0 { out.append(f(suffix + 3, t.suffixes.3)) }
    out.append(f(flagsT, UInt64(t.flags) | UInt64(min(t.length, 6)) << 16))
    if clusters && c0 != 0 {
      out.append(f(clusterFine, UInt64(c0 & NERClusters.fineMask)))
      out.append(f(clusterMid, UInt64(c0 >> 12 & 0x3FF)))
      out.append(f(clusterCoarse, UInt64(c0 >> 22)))
      out.append(f(clusterShape, NERHash.combine(UInt64(c0 & NERClusters.fineMask), t.shortShape)))
    }
  }

  /// The features of a token that come from one neighbour alone (`n`, with its clusters `c`;
  /// nil past the sentence's edge): its lower-cased word, short shape and clusters.
  @inline(__always) static func extractNeighbour(
    _ role: NERRole, _ n: NERToken?, cluster c: UInt32, clusters: Bool, into out: inout [UInt64]
  ) {
    switch role {
    case .m2:
      out.append(f(lowerM2, n?.lower ?? boundaryM))
      if clusters { out.append(f(clusterM2, UInt64(n != nil ? c >> 22 : 0xFFFF))) }
    case .m1:
      out.append(f(lowerM1, n?.lower ?? boundaryM))
      out.append(f(shapeM1, n?.shortShape ?? boundaryM))
      if clusters { out.append(f(clusterM1, UInt64((n != nil ? c : 0xFFFF_FFFF) & NERClusters.fineMask))) }
    case .p1:
      out.append(f(lowerP1, n?.lower ?? boundaryP))
      out.append(f(shapeP1, n?.shortShape ?? boundaryP))
      if clusters { out.append(f(clusterP1, UInt64((n != nil ? c : 0xFFFF_FFFF) & NERClusters.fineMask))) }
    case .p2:
      out.append(f(lowerP2, n?.lower ?? boundaryP))
      if clusters { out.append(f(clusterP2, UInt64(n != nil ? c >> 22 : 0xFFFF))) }
    }
  }

  /// The other features of token `i`: pairs with its neighbours, sentence, gazetteer, document.
  static func extractContext(
    _ d: NERDocFeatures, sentence si: Int, token i: Int, into out: inout [UInt64]
  ) {
    let r = d.sentences[si]
    let t = d.toks[i]
    let lm1 = i - 1 >= r.lowerBound ? d.toks[i - 1].lower : boundaryM
    let lp1 = i + 1 < r.upperBound ? d.toks[i + 1].lower : boundaryP
    let sm1 = i - 1 >= r.lowerBound ? d.toks[i - 1].shortShape : boundaryM
    let sp1 = i + 1 < r.upperBound ? d.toks[i + 1].shortShape : boundaryP
    let caps = d.allCapsSentence[si]
    out.append(f(shape3, NERHash.combine(NERHash.combine(sm1, t.shortShape), sp1)))
    out.append(f(bigramL, NERHash.combine(lm1, t.lower)))
    out.append(f(bigramR, NERHash.combine(t.lower, lp1)))
    out.append(f(prevWordShape, NERHash.combine(lm1, t.shortShape)))
    out.append(f(nextWordShape, NERHash.combine(t.shortShape, lp1)))
    if i == r.lowerBound { out.append(f(firstShape, t.shortShape)) }
    // Word clusters of the word with its neighbours' (the sentence edge: all ones).
    if d.hasClusters {
      let c0 = d.clusters[i]
      let cm1 = i - 1 >= r.lowerBound ? d.clusters[i - 1] : 0xFFFF_FFFF
      let cp1 = i + 1 < r.upperBound ? d.clusters[i + 1] : 0xFFFF_FFFF
      out.append(f(clusterPair, UInt64(cm1 >> 12 & 0x3FF) << 16 | UInt64(c0 >> 12 & 0x3FF)))
      out.append(f(clusterPairR, UInt64(c0 >> 12 & 0x3FF) << 16 | UInt64(cp1 >> 12 & 0x3FF)))
      out.append(f(clusterM1Shape, NERHash.combine(UInt64(cm1 & NERClusters.fineMask), t.shortShape)))
      out.append(f(clusterP1Shape, NERHash.combine(UInt64(cp1 & NERClusters.fineMask), t.shortShape)))
    }
    if caps {
      out.append(f(capsSentShape, t.shortShape))
      out.append(f(capsSentLower, t.lower))
    }
    if d.tableSentence[si] { out.append(f(tableShape, t.shortShape)) }
    // if si == 0 { out.append(f(headlineShape, t.shortShape)) }
    // Gazetteer matches here and next door.
    var g = d.gaz[i]
    while g != 0 {
      let b = UInt64(g.trailingZeroBitCount)
      out.append(f(gazHere, b))
      out.append(f(gazHereShape, NERHash.combine(b, t.shortShape)))
      g &= g - 1
    }
    if i - 1 >= r.lowerBound {
      var g = d.gaz[i - 1]
      while g != 0 {
        out.append(f(gazPrev, UInt64(g.trailingZeroBitCount)))
        g &= g - 1
      }
    }
    if i + 1 < r.upperBound {
      var g = d.gaz[i + 1]
      while g != 0 {
        out.append(f(gazNext, UInt64(g.trailingZeroBitCount)))
        g &= g - 1
      }
    }
    // Document-level: how the same word is written elsewhere.
    if t.isCapitalised, let c = d.counts[si / NERDocFeatures.block][t.lower] {
      let first: UInt64 = i == r.lowerBound ? 1 : 0
      let capsFlag: UInt64 = caps ? 2 : 0
      if c.lowerCase > 0 { out.append(f(docLower, first | capsFlag)) }
      if c.capitalisedInside > 0 && (first == 1 || caps) { out.append(f(docCapInside, first | capsFlag)) }
      let bucket: UInt64 = c.total <= 1 ? 0 : c.total <= 3 ? 1 : c.total <= 8 ? 2 : 3
      out.append(f(docFreq, bucket | capsFlag))
      if c.contextStart >= 0 {
        let start = Int(c.contextStart)
        for h in d.contextWords[start..<(start + Int(c.contextCount))] { out.append(f(aggregate, h)) }
      }
    }
  }

  /// Appends features from the tags the document's earlier sentences gave the same words.
  package static func extractHistory<H: NERHistoryStore>(
    _ d: NERDocFeatures, sentence si: Int, token i: Int, history: H, into out: inout [UInt64]
  ) {
    let r = d.sentences[si]
    let t = d.toks[i]
    if t.isCapitalised, let h = history[t.lower] {
      out.append(f(historyT, UInt64(h.majority)))
      if h.unanimous { out.append(f(historyUnanimous, UInt64(h.majority))) }
    }
    if i - 1 >= r.lowerBound, d.toks[i - 1].isCapitalised, let h = history[d.toks[i - 1].lower] {
      out.append(f(historyPrevTok, UInt64(h.majority)))
    }
    if i + 1 < r.upperBound, d.toks[i + 1].isCapitalised, let h = history[d.toks[i + 1].lower] {
      out.append(f(historyNextTok, UInt64(h.majority)))
    }
  }
}

/// A neighbour of a token whose own features the token sees (`NERFeatures.extractNeighbour`).
enum NERRole: Int, CaseIterable {
  case m2, m1, p1, p2

  var offset: Int {
    switch self {
    case .m2: return -2
    case .m1: return -1
    case .p1: return 1
    case .p2: return 2
    }
  }
}

/// The entity types a word was given earlier in a document: counts for O, PER, ORG, LOC, MISC.
package struct NERHistory {
  var counts: (Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0)

  mutating func add(_ type: Int) {
    switch type {
    case 0: counts.1 += 1
    case 1: counts.2 += 1
    case 2: counts.3 += 1
    case 3: counts.4 += 1
    default: counts.0 += 1
    }
  }

  /// 0 for O, 1 + type otherwise.
  var majority: Int {
    var best = 0
    var bestCount = counts.0
    if counts.1 > bestCount { best = 1; bestCount = counts.1 }
    if counts.2 > bestCount { best = 2; bestCount = counts.2 }
    if counts.3 > bestCount { best = 3; bestCount = counts.3 }
    if counts.4 > bestCount { best = 4; bestCount = counts.4 }
    return best
  }

  var unanimous: Bool {
    var nonzero = 0
    if counts.0 > 0 { nonzero += 1 }
    if counts.1 > 0 { nonzero += 1 }
    if counts.2 > 0 { nonzero += 1 }
    if counts.3 > 0 { nonzero += 1 }
    if counts.4 > 0 { nonzero += 1 }
    return nonzero == 1
  }

  /// Records a decoded sentence: each capitalised token's type (or O).
  package static func record<H: NERHistoryStore>(
    _ d: NERDocFeatures, sentence r: Range<Int>, tags: UnsafeBufferPointer<Int>,
    into history: inout H
  ) {
    for (k, i) in r.enumerated() where d.toks[i].isCapitalised {
      history.add(NERTags.type(of: tags[k]), for: d.toks[i].lower)
    }
  }
}

/// The tags a document gave its words so far, by lower-cased word: a Dictionary (training) or
/// a `NERWordTable` (tagging, which does not hash the keys again).
package protocol NERHistoryStore {
  subscript(_ key: UInt64) -> NERHistory? { get }
  mutating func add(_ type: Int, for key: UInt64)
}

extension Dictionary: NERHistoryStore where Key == UInt64, Value == NERHistory {
  package mutating func add(_ type: Int, for key: UInt64) { self[key, default: NERHistory()].add(type) }
}

extension NERWordTable: NERHistoryStore where Value == NERHistory {
  mutating func add(_ type: Int, for key: UInt64) {
    if let e = index(of: key) {
      values[e].add(type)
    } else {
      var h = NERHistory()
      h.add(type)
      insert(key, h)
    }
  }
}

/// A hash table keyed by a word's (already mixed) 64-bit hash: open addressing over the key's
/// low bits, entries in insertion order. Cheaper than a Dictionary, which hashes the key again.
struct NERWordTable<Value> {
  private(set) var keys: [UInt64] = []
  var values: [Value] = []
  /// Entry + 1 per slot (0: empty); a power of two, at most half full.
  private var slots = [Int32](repeating: 0, count: 16)

  var count: Int { keys.count }
  var memoryBytes: Int { keys.count * 8 + values.count * MemoryLayout<Value>.stride + slots.count * 4 }

  /// The entry of `key`, or nil.
  @inline(__always) func index(of key: UInt64) -> Int? {
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: key) & mask
    while true {
      let e = Int(slots[s]) - 1
      if e < 0 { return nil }
      if keys[e] == key { return e }
      s = (s + 1) & mask
    }
  }

  @inline(__always) func contains(_ key: UInt64) -> Bool { index(of: key) != nil }

  @inline(__always) subscript(key: UInt64) -> Value? {
    guard let e = index(of: key) else { return nil }
    return values[e]
  }

  /// Adds `key` (which must be absent) and returns its entry.
  @discardableResult mutating func insert(_ key: UInt64, _ value: Value) -> Int {
    if (keys.count + 1) * 2 > slots.count { grow() }
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: key) & mask
    while slots[s] != 0 { s = (s + 1) & mask }
    keys.append(key)
    values.append(value)
    slots[s] = Int32(keys.count)
    return keys.count - 1
  }

  /// Empties the table, keeping its size.
  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    for s in slots.indices { slots[s] = 0 }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (e, key) in keys.enumerated() {
      var s = Int(truncatingIfNeeded: key) & mask
      while slots[s] != 0 { s = (s + 1) & mask }
      slots[s] = Int32(e + 1)
    }
  }
}
