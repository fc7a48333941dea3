/// What the tagger's features need from one token, computed once as integer hashes so that the
/// hot loop never builds a String.
package struct NERToken {
  var word: UInt64 = 0
  var lower: UInt64 = 0
  var shape: UInt64 = 0
  var shortShape: UInt64 = 0
  var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  var flags: UInt32 = 0
  var length: Int32 = 0

  static let initCap: UInt32 = 1
  static let allCaps: UInt32 = 2  // has a letter, no lower-case letter
  static let hasLetter: UInt32 = 4
  static let hasDigit: UInt32 = 8
  static let hasHyphen: UInt32 = 16
  static let hasDot: UInt32 = 32
  static let hasApostrophe: UInt32 = 64
  static let allDigits: UInt32 = 128
  static let hasLower: UInt32 = 256
  static let punctuationOnly: UInt32 = 512
  static let innerCap: UInt32 = 1024

  @inline(__always) func has(_ f: UInt32) -> Bool { flags & f != 0 }

  /// All capitals, two letters or more: "UN", "DPRK", "U.S.".
  @inline(__always) static func isAcronymLike(_ t: NERToken) -> Bool {
    t.flags & NERToken.allCaps != 0 && t.length >= 2
  }

  @inline(__always) static func acronymKey(_ lower: UInt64) -> UInt64 { NERHash.combine(lower, 0xAC) }

  /// The lower-case keys of words as the tagger sees them in context (see `NERDocFeatures`).
  package static func lowerKeys(_ words: [String], capsSentence: Bool) -> [UInt64] {
    words.map { w in
      let sc = Array(w.unicodeScalars)
      let t = sc.withUnsafeBufferPointer { NERToken($0, 0, sc.count) }
      return !capsSentence && isAcronymLike(t) ? acronymKey(t.lower) : t.lower
    }
  }
  /// Starts with a capital or is all capitals: the tokens whose entity-ness is in doubt.
  @inline(__always) var isCapitalised: Bool { flags & (NERToken.initCap | NERToken.allCaps) != 0 }
}

/// 64-bit hashing helpers shared by the feature extractor and the gazetteer.
enum NERHash {
  static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

  @inline(__always) static func add(_ h: UInt64, _ v: UInt32) -> UInt64 {
    (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
  }

  /// A strong finaliser (splitmix64), so that low bits are usable as a table index.
  @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
    mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
  }

  /// Folds typographic variants onto the ASCII forms the CoNLL data uses.
  @inline(__always) static func fold(_ s: Unicode.Scalar) -> UInt32 {
    let v = s.value
    if v < 0x80 { return v }
    switch v {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return 0x27  // ’ → '
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: return 0x22  // ” → "
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return 0x2D  // dashes → -
    case 0x2026: return 0x2E
    default: return v
    }
  }

  @inline(__always) static func lower(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 32 : v }
    guard let s = Unicode.Scalar(v), s.properties.isUppercase else { return v }
    return s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
  }

  @inline(__always) static func upper(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return (v >= 0x61 && v <= 0x7A) ? v - 32 : v }
    guard let s = Unicode.Scalar(v), s.properties.isLowercase else { return v }
    return s.properties.uppercaseMapping.unicodeScalars.first?.value ?? v
  }

  /// The hash of a lower-cased, folded string (for building tables from text).
  static func lowerHash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
    var h = seed
    for s in scalars { h = add(h, lower(fold(s))) }
    return mix(h)
  }
}

extension NERToken {
  /// Computes a token's hashes from `scalars[start..<end]`.
  init(_ sc: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) {
    var hw = NERHash.seed
    var hl = NERHash.seed
    var hs = NERHash.seed
    var hss = NERHash.seed
    var lastClass: UInt32 = 0
    var run = 0
    var f: UInt32 = 0
    var letters = 0
    var digits = 0
    var lowers: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)  // the last four, lower-cased
    var p: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    let n = end - start
    for k in start..<end {
      let v = NERHash.fold(sc[k])
      let s = Unicode.Scalar(v) ?? sc[k]
      var cls: UInt32
      if CharacterClass.isUpper(s) {
        cls = 0x58  // X
        letters += 1
        if k == start { f |= NERToken.initCap } else if f & NERToken.hasLower != 0 { f |= NERToken.innerCap }
      } else if CharacterClass.isLetter(s) {
        cls = 0x78  // x
        letters += 1
        f |= NERToken.hasLower
      } else if CharacterClass.isDigit(s) {
        cls = 0x64  // d
        digits += 1
      } else {
        cls = v
        if v == 0x2D { f |= NERToken.hasHyphen }
        if v == 0x2E { f |= NERToken.hasDot }
        if v == 0x27 { f |= NERToken.hasApostrophe }
      }
      let lv = NERHash.lower(v)
      hw = NERHash.add(hw, v)
      hl = NERHash.add(hl, lv)
      if cls == lastClass { run += 1 } else { run = 1 }
      if run <= 4 { hs = NERHash.add(hs, cls) }
      if run == 1 { hss = NERHash.add(hss, cls) }
      lastClass = cls
      lowers = (lowers.1, lowers.2, lowers.3, lv)
      let i = k - start
      if i < 4 {
        let ph = NERHash.mix(hl)
        switch i {
        case 0: p.0 = ph
        case 1: p.1 = ph
        case 2: p.2 = ph
        default: p.3 = ph
        }
      }
    }
    if letters > 0 { f |= NERToken.hasLetter }
    if letters > 0 && f & NERToken.hasLower == 0 { f |= NERToken.allCaps }
    if digits > 0 { f |= NERToken.hasDigit }
    if digits == n { f |= NERToken.allDigits }
    if letters == 0 && digits == 0 { f |= NERToken.punctuationOnly }
    word = NERHash.mix(hw)
    lower = NERHash.mix(hl)
    shape = NERHash.mix(hs)
    shortShape = NERHash.mix(hss)
    flags = f
    length = Int32(n)
    prefixes = (p.0, n > 1 ? p.1 : 0, n > 2 ? p.2 : 0, n > 3 ? p.3 : 0)
    // Suffixes from the last four lower-cased scalars.
    var s1 = NERHash.seed
    s1 = NERHash.add(s1, lowers.3)
    var s2 = NERHash.add(NERHash.add(NERHash.seed, lowers.2), lowers.3)
    var s3 = NERHash.add(NERHash.add(NERHash.add(NERHash.seed, lowers.1), lowers.2), lowers.3)
    var s4 = NERHash.add(
      NERHash.add(NERHash.add(NERHash.add(NERHash.seed, lowers.0), lowers.1), lowers.2), lowers.3)
    s1 = NERHash.mix(s1)
    s2 = n > 1 ? NERHash.mix(s2 ^ 2) : 0
    s3 = n > 2 ? NERHash.mix(s3 ^ 3) : 0
    s4 = n > 3 ? NERHash.mix(s4 ^ 4) : 0
    suffixes = (s1, s2, s3, s4)
  }
}
