/// The article-extraction benchmark's score (Scrapinghub's article-extraction-benchmark): word
/// 4-gram multisets of the gold and the extracted body, tp/fp/fn normalised per page so that every
/// page weighs the same, precision and recall averaged over pages, F1 of the two means.
public enum ExtractionScore {
  /// tp, fp, fn of one page, divided by their sum (all zero when both texts have no words).
  public static func page(gold: String, extracted: String) -> (tp: Double, fp: Double, fn: Double) {
    var g: [String: Int] = [:]
    var e: [String: Int] = [:]
    for s in shingles(gold) { g[s, default: 0] += 1 }
    for s in shingles(extracted) { e[s, default: 0] += 1 }
    var tp = 0
    var fp = 0
    var fn = 0
    for (k, n) in g {
      let m = e[k] ?? 0
      tp += min(n, m)
      fn += max(0, n - m)
    }
    for (k, m) in e { fp += max(0, m - (g[k] ?? 0)) }
    let sum = Double(tp + fp + fn)
    guard sum > 0 else { return (0, 0, 0) }
    return (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum)
  }

  public struct Summary: Sendable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// The share of pages whose word sequence equals the gold one.
    public var accuracy: Double
    public var pages: Int
  }

  /// Averages per-page counts as the benchmark does.
  public static func summary(_ pages: [(tp: Double, fp: Double, fn: Double)], exact: Int) -> Summary {
    var p: [Double] = []
    var r: [Double] = []
    for c in pages {
      if c.fp == 0 && c.fn == 0 {
        p.append(1)
        r.append(1)
        continue
      }
      if c.tp + c.fp > 0 { p.append(c.tp / (c.tp + c.fp)) }
      if c.tp + c.fn > 0 { r.append(c.tp / (c.tp + c.fn)) }
    }
    let mp = p.isEmpty ? 0 : p.reduce(0, +) / Double(p.count)
    let mr = r.isEmpty ? 0 : r.reduce(0, +) / Double(r.count)
    let f1 = mp + mr > 0 ? 2 * mp * mr / (mp + mr) : 0
    return Summary(
      precision: mp, recall: mr, f1: f1, accuracy: pages.isEmpty ? 0 : Double(exact) / Double(pages.count),
      pages: pages.count)
  }

  /// Words as Python's `\w+` finds them: letters, digits and underscore (marks split words).
  public static func words(_ text: String) -> [Substring] {
    var out: [Substring] = []
    var start: String.Index?
    var i = text.unicodeScalars.startIndex
    let scalars = text.unicodeScalars
    while i < scalars.endIndex {
      let isWord = isWordScalar(scalars[i])
      if isWord && start == nil { start = i }
      if !isWord, let s = start {
        out.append(Substring(scalars[s..<i]))
        start = nil
      }
      i = scalars.index(after: i)
    }
    if let s = start { out.append(Substring(scalars[s..<scalars.endIndex])) }
    return out
  }

  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 {
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
    }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return s.properties.numericType != nil
    }
  }

  /// The 4-grams of words joined by spaces; a text of one to three words is one shingle.
  public static func shingles(_ text: String, n: Int = 4) -> [String] {
    let w = words(text)
    guard !w.isEmpty else { return [] }
    if w.count < n { return [w.joined(separator: " ")] }
    return (0...(w.count - n)).map { w[$0..<($0 + n)].joined(separator: " ") }
  }
}
