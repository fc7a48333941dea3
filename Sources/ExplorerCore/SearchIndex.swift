import ArticleModel
import Foundation

/// The article's scalars prepared for literal search: as they are, and case-folded. Built once
/// per document; a search is then one tight scan (War and Peace: 3.2 M scalars, ~30,000 "the").
///
/// Newlines count as spaces so that a phrase matches across the hard line breaks of a book.
public final class SearchIndex: @unchecked Sendable {
  private let exact: [UInt32]
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
    for (i, s) in scalars.enumerated() {
      let v = s == "\n" || s == "\t" ? 0x20 : s.value
      exact[i] = v
      folded[i] = Self.fold(v)
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

  /// Simple lower-casing: ASCII by arithmetic, the rest by the one-scalar lowercase mapping.
  @inline(__always)
  static func fold(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }
    guard let s = Unicode.Scalar(v) else { return v }
    let lower = s.properties.lowercaseMapping.unicodeScalars
    if lower.count == 1, let l = lower.first { return l.value }
    return v
  }

  /// Smart case: a pattern with an upper-case letter matches exactly, otherwise case-blind.
  public static func isCaseSensitive(_ pattern: String) -> Bool {
    pattern.unicodeScalars.contains { $0.properties.isUppercase }
  }

  /// A pattern as the scan compares it, and the text it is compared with: exact for a pattern
  /// with an upper-case letter, folded otherwise (smart case); a tab is a space, as in the text.
  private func prepare(_ pattern: String) -> (needle: [UInt32], hay: [UInt32]) {
    let sensitive = Self.isCaseSensitive(pattern)
    let needle: [UInt32] = pattern.unicodeScalars.map {
      let v = $0 == "\t" ? 0x20 : $0.value
      return sensitive ? v : Self.fold(v)
    }
    return (needle, sensitive ? exact : folded)
  }

  /// Every match of a literal pattern, in text order.
  public func find(_ pattern: String) -> [Span] {
    let (needle, hay) = prepare(pattern)
    guard !needle.isEmpty else { return [] }
    let n = hay.count
    let m = needle.count
    guard m <= n else { return [] }
    // Overlapping matches, as vim counts them ("aa" occurs 3 times in "aaaa"). Candidates
    // come from the posting list of the pattern's rarest scalar; the array is built inside
    // the closure (a captured variable would cost an exclusivity check per append).
    let foldedNeedle = needle.map(Self.fold)
    var anchor = 0
    var best = Int.max
    for (k, v) in foldedNeedle.enumerated() {
      let c = postingRange(v).count
      if c < best {
        best = c
        anchor = k
      }
    }
    let range = postingRange(foldedNeedle[anchor])
    guard !range.isEmpty else { return [] }
    return hay.withUnsafeBufferPointer { h -> [Span] in
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
            out.append(Span(i, i + m))
          }
          return out
        }
      }
    }
  }

  /// The matches of `pattern` among earlier matches of a prefix of it (typing one more letter
  /// of an incremental search): costs the earlier matches, not the text. Same smart-case
  /// mode required, which the caller checks with `canRefine`.
  public func refine(_ earlier: [Span], to pattern: String) -> [Span] {
    let (needle, hay) = prepare(pattern)
    let m = needle.count
    // The earlier matches matched a prefix: only the scalars after it need checking.
    let known = earlier.first.map { min($0.length, m) } ?? 0
    return hay.withUnsafeBufferPointer { h -> [Span] in
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
            out.append(Span(i, i + m))
          }
          return out
        }
      }
    }
  }

  /// Whether the matches of `old` contain every match of `new`.
  public static func canRefine(from old: String, to new: String) -> Bool {
    !old.isEmpty && new.unicodeScalars.starts(with: old.unicodeScalars)
      && isCaseSensitive(old) == isCaseSensitive(new)
  }
}
