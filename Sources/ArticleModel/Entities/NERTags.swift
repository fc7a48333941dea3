/// The tagger's label set: BILOU over the four CoNLL-2003 types.
///
/// Tag 0 is O; type k (0 PER, 1 ORG, 2 LOC, 3 MISC) has B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
/// BILOU beats BIO for this task (Ratinov & Roth 2009) and costs only a bigger Viterbi table.
public enum NERTags {
  public static let count = 17
  public static let types = ["PER", "ORG", "LOC", "MISC"]

  public enum Position: Int { case begin = 0, inside, last, unit }

  @inline(__always) public static func tag(type: Int, _ p: Position) -> Int { 1 + 4 * type + p.rawValue }
  @inline(__always) public static func type(of tag: Int) -> Int { tag == 0 ? -1 : (tag - 1) / 4 }
  @inline(__always) public static func position(of tag: Int) -> Position? {
    tag == 0 ? nil : Position(rawValue: (tag - 1) % 4)
  }

  /// Whether `next` may follow `prev` (prev = -1 at the sentence start).
  public static func allowed(_ prev: Int, _ next: Int) -> Bool {
    let open = prev > 0 && (position(of: prev) == .begin || position(of: prev) == .inside)
    if open {
      let p = position(of: next)
      return type(of: next) == type(of: prev) && (p == .inside || p == .last)
    }
    let p = position(of: next)
    return next == 0 || p == .begin || p == .unit
  }

  /// Whether a sentence may end on `tag`.
  public static func canEnd(_ tag: Int) -> Bool {
    let p = position(of: tag)
    return tag == 0 || p == .last || p == .unit
  }

  /// Entity spans (token ranges and type index) of a BILOU sequence.
  public static func spans(_ tags: [Int]) -> [(range: Range<Int>, type: Int)] {
    var out: [(range: Range<Int>, type: Int)] = []
    var start = -1
    for (i, t) in tags.enumerated() {
      guard let p = position(of: t) else { start = -1; continue }
      switch p {
      case .unit: out.append((i..<(i + 1), type(of: t))); start = -1
      case .begin: start = i
      case .inside: if start < 0 { start = i }
      case .last:
        out.append(((start < 0 ? i : start)..<(i + 1), type(of: t)))
        start = -1
      }
    }
    return out
  }

  /// BILOU tags from entity spans over `count` tokens.
  public static func encode(_ spans: [(range: Range<Int>, type: Int)], count: Int) -> [Int] {
    var tags = [Int](repeating: 0, count: count)
    for s in spans {
      if s.range.count == 1 {
        tags[s.range.lowerBound] = tag(type: s.type, .unit)
      } else {
        for i in s.range { tags[i] = tag(type: s.type, .inside) }
        tags[s.range.lowerBound] = tag(type: s.type, .begin)
        tags[s.range.upperBound - 1] = tag(type: s.type, .last)
      }
    }
    return tags
  }

  /// Entity spans of IOB1 or IOB2 labels ("B-PER", "I-ORG", "O"), as conlleval reads them:
  /// a chunk starts at B, or at I after O or another type.
  public static func spans(iob labels: [String]) -> [(range: Range<Int>, type: Int)] {
    var out: [(range: Range<Int>, type: Int)] = []
    var start = -1
    var curType = -1
    for (i, l) in labels.enumerated() {
      var ty = -1
      var isBegin = false
      if l.count > 2, let t = types.firstIndex(of: String(l.dropFirst(2))) {
        ty = t
        isBegin = l.hasPrefix("B-")
      }
      if ty < 0 || isBegin || ty != curType {
        if curType >= 0 { out.append((start..<i, curType)) }
        start = ty >= 0 ? i : -1
        curType = ty
      }
    }
    if curType >= 0 { out.append((start..<labels.count, curType)) }
    return out
  }

  /// IOB2 labels of entity spans.
  public static func iob2(_ spans: [(range: Range<Int>, type: Int)], count: Int) -> [String] {
    var out = [String](repeating: "O", count: count)
    for s in spans {
      for i in s.range { out[i] = (i == s.range.lowerBound ? "B-" : "I-") + types[s.type] }
    }
    return out
  }
}
