import ArticleModel
import Foundation

/// The article's scalars prepared for literal search: as they are, and folded (case and accents).
/// Built once per document; a search is then one tight scan (War and Peace: 3.2 M scalars,
/// ~30,000 "the").
///
/// Smart case and smart accents: a pattern with an upper-case letter matches case exactly, one
/// with an accented letter (or a typographic quote) matches accents exactly; otherwise
/// "natasha" finds "Natásha", "Pyongyang's" finds "Pyongyang’s". Newlines count as spaces so
/// that a phrase matches across the hard line breaks of a book.
public final class SearchIndex: @unchecked Sendable {
  private let exact: [UInt32]
  /// Case and accents folded: the loosest form, which the postings and the first comparison use.
  private let folded: [UInt32]
  /// Every offset, grouped by folded scalar (counting sort): `postings[range(of: c)]` lists
  /// the offsets of `c` in text order. A search walks the list of the pattern's rarest
  /// scalar instead of the whole text.
  private let postings: [Int32]
  private let asciiRanges: [Range<Int>]
  private let otherRanges: [UInt32: Range<Int>]

  public init(scalars: [Unicode.Scalar]) {
    var exact = [UInt32](repeating: 0, count: scalars.count)
    var folded = [UInt32](repeating: 0, count: scalars.count)
    var known: [UInt32: UInt32] = [:]  // folds of the non-ASCII scalars met
    for (i, s) in scalars.enumerated() {
      let v = s == "\n" || s == "\t" ? 0x20 : s.value
      exact[i] = v
      if v < 0x80 {
        folded[i] = (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v
      } else if let f = known[v] {
        folded[i] = f
      } else {
        let f = Self.fold(v)
        known[v] = f
        folded[i] = f
      }
    }
    self.exact = exact
    self.folded = folded
    // counting sort of offsets by folded value
    var asciiCounts = [Int](repeating: 0, count: 128)
    var otherCounts: [UInt32: Int] = [:]
    for v in folded {
      if v < 128 { asciiCounts[Int(v)] += 1 } else { otherCounts[v, default: 0] += 1 }
    }
    var next = 0
    var ascii: [Range<Int>] = []
    ascii.reserveCapacity(128)
    for c in asciiCounts {
      ascii.append(next..<(next + c))
      next += c
    }
    var other: [UInt32: Range<Int>] = [:]
    for (v, c) in otherCounts {
      other[v] = next..<(next + c)
      next += c
    }
    var cursorAscii = ascii.map(\.lowerBound)
    var cursorOther = other.mapValues(\.lowerBound)
    let postings = [Int32](unsafeUninitializedCapacity: folded.count) { buf, initialized in
      for (i, v) in folded.enumerated() {
        if v < 128 {
          buf[cursorAscii[Int(v)]] = Int32(i)
          cursorAscii[Int(v)] += 1
        } else {
          let at = cursorOther[v]!
          buf[at] = Int32(i)
          cursorOther[v] = at + 1
        }
      }
      initialized = folded.count
    }
    self.postings = postings
    self.asciiRanges = ascii
    self.otherRanges = other
  }

  private func postingRange(_ foldedValue: UInt32) -> Range<Int> {
    if foldedValue < 128 { return asciiRanges[Int(foldedValue)] }
    return otherRanges[foldedValue] ?? 0..<0
  }

  /// The user's search settings (the config file), installed once by `lede` at start.
  public struct Options: Equatable, Sendable {
    public enum Case: Equatable, Sendable { case smart, sensitive, insensitive }
    public var caseMode: Case
    /// Patterns are regular expressions (false: literal text; Ctrl-R in the prompt flips it).
    public var regex: Bool
    /// A pattern without accents matches accented text.
    public var foldAccents: Bool

    public init(caseMode: Case = .smart, regex: Bool = true, foldAccents: Bool = true) {
      self.caseMode = caseMode
      self.regex = regex
      self.foldAccents = foldAccents
    }
  }

  public static var options = Options()

  /// How a pattern compares: smart case and smart accents (or as the options say).
  struct Mode: Equatable {
    var caseSensitive: Bool
    var accentSensitive: Bool

    init(_ pattern: String, options: Options = SearchIndex.options) {
      switch options.caseMode {
      case .smart: caseSensitive = pattern.unicodeScalars.contains { $0.properties.isUppercase }
      case .sensitive: caseSensitive = true
      case .insensitive: caseSensitive = false
      }
      accentSensitive =
        !options.foldAccents
        || pattern.unicodeScalars.contains { SearchIndex.accentFold($0.value) != $0.value }
    }

    /// A scalar of the text (or the pattern) as this mode compares it.
    func form(_ v: UInt32) -> UInt32 {
      switch (caseSensitive, accentSensitive) {
      case (true, true): return v
      case (true, false): return SearchIndex.accentFold(v)
      case (false, true): return SearchIndex.caseFold(v)
      case (false, false): return SearchIndex.fold(v)
      }
    }
  }

  /// Simple lower-casing: ASCII by arithmetic, the rest by the one-scalar lowercase mapping.
  static func caseFold(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }
    guard let s = Unicode.Scalar(v) else { return v }
    let lower = s.properties.lowercaseMapping.unicodeScalars
    if lower.count == 1, let l = lower.first { return l.value }
    return v
  }

  /// A letter with diacritics to its base letter (á → a, Ø → O, ł → l), a typographic quote to
  /// the ASCII one; anything else as it is.
  static func accentFold(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return v }
    switch v {
    case 0x2018, 0x2019, 0x201B, 0x2032: return 0x27  // ‘ ’ ‛ ′
    case 0x201C, 0x201D, 0x201F, 0x2033: return 0x22  // “ ” ‟ ″
    case 0xD8: return 0x4F  // Ø
    case 0xF8: return 0x6F  // ø
    case 0x110: return 0x44  // Đ
    case 0x111: return 0x64  // đ
    case 0x141: return 0x4C  // Ł
    case 0x142: return 0x6C  // ł
    case 0x131: return 0x69  // ı
    default: break
    }
    guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { return v }
    let parts = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
    guard parts.count > 1, let base = parts.first, base.value < 0x250,
      parts.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark })
    else { return v }
    return base.value
  }

  /// The loosest form: case and accents folded.
  static func fold(_ v: UInt32) -> UInt32 { accentFold(caseFold(v)) }

  /// Smart case: a pattern with an upper-case letter matches exactly, otherwise case-blind.
  public static func isCaseSensitive(_ pattern: String) -> Bool { Mode(pattern).caseSensitive }

  /// A pattern in the loosest form (to find candidates) and, when its mode is stricter, in the
  /// mode's form (to check them against the text as it is); a tab is a space, as in the text.
  private func prepare(_ pattern: String) -> (loose: [UInt32], strict: [UInt32]?, mode: Mode) {
    let mode = Mode(pattern)
    let raw: [UInt32] = pattern.unicodeScalars.map { $0 == "\t" ? 0x20 : $0.value }
    let loose = raw.map(Self.fold)
    let strict = mode.caseSensitive || mode.accentSensitive ? raw.map(mode.form) : nil
    return (loose, strict, mode)
  }

  /// Whether the text at `i` matches a pattern's strict form (its loose form matched).
  @inline(__always)
  private func matchesStrictly(at i: Int, _ strict: [UInt32], _ mode: Mode) -> Bool {
    for k in 0..<strict.count where mode.form(exact[i + k]) != strict[k] { return false }
    return true
  }

  /// Every match of a literal pattern, in text order.
  public func find(_ pattern: String) -> [Span] {
    let (needle, strict, mode) = prepare(pattern)
    guard !needle.isEmpty else { return [] }
    let n = folded.count
    let m = needle.count
    guard m <= n else { return [] }
    // Overlapping matches, as vim counts them ("aa" occurs 3 times in "aaaa"). Candidates
    // come from the posting list of the pattern's rarest scalar; the array is built inside
    // the closure (a captured variable would cost an exclusivity check per append).
    var anchor = 0
    var best = Int.max
    for (k, v) in needle.enumerated() {
      let c = postingRange(v).count
      if c < best {
        best = c
        anchor = k
      }
    }
    let range = postingRange(needle[anchor])
    guard !range.isEmpty else { return [] }
    return folded.withUnsafeBufferPointer { h -> [Span] in
      postings.withUnsafeBufferPointer { post -> [Span] in
        needle.withUnsafeBufferPointer { nd -> [Span] in
          var out: [Span] = []
          out.reserveCapacity(min(range.count, 1 << 16))
          outer: for r in range {
            let i = Int(post[r]) - anchor
            if i < 0 || i + m > n { continue }
            var k = 0
            while k < m {
              if h[i + k] != nd[k] { continue outer }
              k += 1
            }
            if let strict, !matchesStrictly(at: i, strict, mode) { continue }
            out.append(Span(i, i + m))
          }
          return out
        }
      }
    }
  }

  /// The matches of `pattern` among earlier matches of a prefix of it (typing one more letter
  /// of an incremental search): costs the earlier matches, not the text. Same smart-case and
  /// smart-accent mode required, which the caller checks with `canRefine`.
  public func refine(_ earlier: [Span], to pattern: String) -> [Span] {
    let (needle, strict, mode) = prepare(pattern)
    let m = needle.count
    // The earlier matches matched a prefix: only the scalars after it need checking.
    let known = earlier.first.map { min($0.length, m) } ?? 0
    return folded.withUnsafeBufferPointer { h -> [Span] in
      earlier.withUnsafeBufferPointer { old -> [Span] in
        needle.withUnsafeBufferPointer { nd -> [Span] in
          var out: [Span] = []
          out.reserveCapacity(min(old.count, 1 << 16))
          let n = h.count
          outer: for span in old {
            let i = span.start
            if i + m > n { continue }
            var k = known
            while k < m {
              if h[i + k] != nd[k] { continue outer }
              k += 1
            }
            if let strict, !matchesStrictly(at: i, strict, mode) { continue }
            out.append(Span(i, i + m))
          }
          return out
        }
      }
    }
  }

  /// Whether the matches of `old` contain every match of `new`.
  public static func canRefine(from old: String, to new: String) -> Bool {
    !old.isEmpty && new.unicodeScalars.starts(with: old.unicodeScalars) && Mode(old) == Mode(new)
      && !isRegex(old) && !isRegex(new)
  }

  // MARK: - Regular expressions

  /// A pattern that cannot be compiled: one line for the status bar.
  public struct BadPattern: Error, CustomStringConvertible {
    public var pattern: String
    public var description: String { "Bad pattern: \(pattern)" }
  }

  /// The characters that make a pattern a regular expression.
  static let metacharacters = Set(".^$*+?()[]{}|\\")

  /// Whether a pattern is searched as a regular expression (it has a metacharacter).
  public static func isRegex(_ pattern: String) -> Bool {
    pattern.contains { metacharacters.contains($0) }
  }

  /// Every match of a pattern, in text order: a regular expression (ICU syntax, as
  /// NSRegularExpression reads it) when it has a metacharacter and `literal` is off, else the
  /// literal scan. Smart case and smart accents either way; empty matches are skipped.
  public func search(_ pattern: String, literal: Bool) throws -> [Span] {
    if literal || !Self.isRegex(pattern) { return find(pattern) }
    let mode = Mode(pattern)
    let regex: NSRegularExpression
    do {
      regex = try NSRegularExpression(
        pattern: pattern, options: mode.caseSensitive ? [] : [.caseInsensitive])
    } catch {
      throw BadPattern(pattern: pattern)
    }
    let (text, offsets) = regexText(accents: mode.accentSensitive)
    var out: [Span] = []
    let length = text.utf16.count
    regex.enumerateMatches(in: text, range: NSRange(location: 0, length: length)) { m, _, _ in
      guard let r = m?.range, r.length > 0 else { return }
      let start = offsets.map { $0[r.location] } ?? r.location
      let end = offsets.map { $0[r.location + r.length] } ?? (r.location + r.length)
      if end > start { out.append(Span(start, end)) }
    }
    return out
  }

  private let regexLock = NSLock()
  private var regexTexts: [Bool: (String, [Int]?)] = [:]

  /// The text the regular expressions run on (accents folded unless `accents`), made on first
  /// use, and the scalar offset of each UTF-16 unit when some scalar takes two.
  private func regexText(accents: Bool) -> (String, [Int]?) {
    regexLock.lock()
    defer { regexLock.unlock() }
    if let made = regexTexts[accents] { return made }
    var known: [UInt32: UInt32] = [:]
    var bytes: [UInt8] = []
    bytes.reserveCapacity(exact.count + exact.count / 8)
    var wide = false
    for v in exact {
      var f = v
      if !accents && v >= 0x80 {
        if let k = known[v] {
          f = k
        } else {
          f = Self.accentFold(v)
          known[v] = f
        }
      }
      if f >= 0x10000 { wide = true }
      if f < 0x80 {
        bytes.append(UInt8(f))
      } else if let scalar = Unicode.Scalar(f), let units = UTF8.encode(scalar) {
        bytes.append(contentsOf: units)
      }
    }
    var offsets: [Int]? = nil
    if wide {
      var map: [Int] = []
      map.reserveCapacity(exact.count + 16)
      for (i, v) in exact.enumerated() {
        map.append(i)
        if (accents ? v : Self.accentFold(v)) >= 0x10000 { map.append(i) }
      }
      map.append(exact.count)
      offsets = map
    }
    let made = (String(decoding: bytes, as: UTF8.self), offsets)
    regexTexts[accents] = made
    return made
  }
}
