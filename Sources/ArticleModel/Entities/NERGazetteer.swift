/// Phrase lists the tagger sees as features: each phrase (a sequence of lower-cased tokens) has
/// a set of categories, and a token inside a match gets "category c, position B/I/L/U".
///
/// Categories 0-3 come from the training data's own entity lists (PER, ORG, LOC, MISC; built per
/// fold during training so that a sentence never sees its own entities); 4-7 come from the
/// small hand-made lists in Resources (countries, places, groups, organisations).
package struct NERGazetteer {
  static let categoryCount = 8
  static let countryCategory = 4
  static let placeCategory = 5
  static let groupCategory = 6
  static let organisationCategory = 7
  /// Marks a prefix of a longer phrase, so that matching can stop early.
  static let prefixBit: UInt32 = 1 << 31

  var phrases: [UInt64: UInt32] = [:] {
    didSet { frozen = nil }
  }
  var maxLength = 6
  /// `phrases` as a `NERWordTable` (the keys are mixed hashes already), for a gazetteer that no
  /// longer changes (a loaded model's): `mark` reads it without hashing the keys again.
  private(set) var frozen: NERWordTable<UInt32>?

  /// Builds `frozen`; any change to `phrases` drops it.
  mutating func freeze() {
    var t = NERWordTable<UInt32>()
    for (k, v) in phrases { t.insert(k, v) }
    frozen = t
  }

  package init() {}

  @inline(__always) static func extend(_ h: UInt64, _ lower: UInt64) -> UInt64 {
    NERHash.combine(h, lower)
  }

  static let start: UInt64 = 0x5151_7A7A_0101_3C3C

  /// Adds a phrase given by its tokens' lower-case hashes.
  package mutating func add(_ lowers: [UInt64], category: Int) {
    guard !lowers.isEmpty, lowers.count <= maxLength else { return }
    var h = NERGazetteer.start
    for (k, l) in lowers.enumerated() {
      h = NERGazetteer.extend(h, l)
      if k < lowers.count - 1 {
        phrases[h, default: 0] |= NERGazetteer.prefixBit
      }
    }
    phrases[h, default: 0] |= 1 << UInt32(category)
  }

  /// Adds a phrase written as text, tokenised like articles are.
  mutating func add(text: String, category: Int) {
    let sc = Array(text.unicodeScalars)
    var toks: [Token] = []
    Tokenizer.tokenize(sc, in: 0..<sc.count, into: &toks)
    let words = toks.map { String(String.UnicodeScalarView(sc[$0.start..<$0.end])) }
    add(NERToken.lowerKeys(words, capsSentence: false), category: category)
  }

  /// The categories of a phrase given by its tokens' lower-case hashes (0: not a phrase).
  func categories(of lowers: [UInt64]) -> UInt32 {
    guard !lowers.isEmpty else { return 0 }
    var h = NERGazetteer.start
    for l in lowers { h = NERGazetteer.extend(h, l) }
    return (phrases[h] ?? 0) & ~NERGazetteer.prefixBit
  }

  package mutating func merge(_ other: NERGazetteer) {
    for (k, v) in other.phrases { phrases[k, default: 0] |= v }
  }

  /// Marks, for each token of `range`, the bits category*4 + position of every match.
  func mark(_ toks: [NERToken], _ range: Range<Int>, into bits: inout [UInt32]) {
    if phrases.isEmpty { return }
    if let table = frozen {
      mark(toks, range, into: &bits) { table[$0] }
    } else {
      mark(toks, range, into: &bits) { phrases[$0] }
    }
  }

  @inline(__always) private func mark(
    _ toks: [NERToken], _ range: Range<Int>, into bits: inout [UInt32], _ find: (UInt64) -> UInt32?
  ) {
    for i in range {
      if toks[i].has(NERToken.punctuationOnly) { continue }
      var h = NERGazetteer.start
      var j = i
      while j < range.upperBound && j - i < maxLength {
        h = NERGazetteer.extend(h, toks[j].lower)
        guard let v = find(h) else { break }
        let cats = v & ~NERGazetteer.prefixBit
        if cats != 0 {
          for c in 0..<UInt32(NERGazetteer.categoryCount) where cats & (1 << c) != 0 {
            if j == i {
              bits[i] |= 1 << (c * 4 + 3)
            } else {
              bits[i] |= 1 << (c * 4)
              for k in (i + 1)..<j { bits[k] |= 1 << (c * 4 + 1) }
              bits[j] |= 1 << (c * 4 + 2)
            }
          }
        }
        j += 1
      }
    }
  }
}
