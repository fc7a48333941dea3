import ArticleModel
import Foundation

/// Reading TimeML files and scoring time expressions as TempEval-3 task A does: the
/// evaluation behind `lede eval-timex` and the corpus tests.

/// One TIMEX3: offsets in Unicode scalars into the `<TEXT>` string, end exclusive.
public struct GoldTimex: Sendable {
  public init(start: Int, end: Int, type: String, value: String) {
    self.start = start
    self.end = end
    self.type = type
    self.value = value
  }

  public var start: Int
  public var end: Int
  public var type: String
  public var value: String
}

/// The parts of a TimeML file the evaluation needs: the text of `<TEXT>` (tags removed,
/// entities decoded, whitespace kept), its TIMEX3s, and the CREATION_TIME value.
public struct TimeMLFile: Sendable {
  public var text: String
  public var timexes: [GoldTimex]
  public var dct: String?

  public init?(_ xml: String) {
    let sc = Array(xml.unicodeScalars)
    func find(_ needle: String, from: Int) -> Int? {
      let n = Array(needle.unicodeScalars)
      var i = from
      while i + n.count <= sc.count {
        if sc[i] == n[0] {
          var k = 1
          while k < n.count && sc[i + k] == n[k] { k += 1 }
          if k == n.count { return i }
        }
        i += 1
      }
      return nil
    }
    guard let open = find("<TEXT>", from: 0), let close = find("</TEXT>", from: open) else {
      return nil
    }
    // The DCT: the TIMEX3 whose functionInDocument is CREATION_TIME (anywhere in the file).
    var dct: String?
    var searchFrom = 0
    while let t = find("<TIMEX3", from: searchFrom) {
      guard let gt = find(">", from: t) else { break }
      let attrs = Self.attributes(String(String.UnicodeScalarView(sc[t..<gt])))
      if attrs["functionInDocument"] == "CREATION_TIME" {
        dct = attrs["value"]
        break
      }
      searchFrom = gt
    }
    var text = String.UnicodeScalarView()
    var count = 0
    var timexes: [GoldTimex] = []
    var openTimex: (Int, [String: String])?
    var i = open + 6
    while i < close {
      let s = sc[i]
      if s == "<" {
        var j = i
        while j < close && sc[j] != ">" { j += 1 }
        let tag = String(String.UnicodeScalarView(sc[(i + 1)..<j]))
        if tag.hasPrefix("TIMEX3") {
          let attrs = Self.attributes(tag)
          if tag.hasSuffix("/") {
            // an empty, non-consuming TIMEX3: not scored
          } else {
            openTimex = (count, attrs)
          }
        } else if tag.hasPrefix("/TIMEX3"), let (start, attrs) = openTimex {
          timexes.append(
            GoldTimex(
              start: start, end: count, type: attrs["type"] ?? "", value: attrs["value"] ?? ""))
          openTimex = nil
        }
        i = j + 1
        continue
      }
      if s == "&" {
        var j = i + 1
        while j < close && j - i < 10 && sc[j] != ";" { j += 1 }
        let entity = String(String.UnicodeScalarView(sc[(i + 1)..<j]))
        if let decoded = Self.entity(entity) {
          text.append(decoded)
          count += 1
          i = j + 1
          continue
        }
      }
      text.append(s)
      count += 1
      i += 1
    }
    self.text = String(text)
    self.timexes = timexes
    self.dct = dct
  }

  static func entity(_ name: String) -> Unicode.Scalar? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16) {
        return Unicode.Scalar(v)
      }
      if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) { return Unicode.Scalar(v) }
      return nil
    }
  }

  /// Attributes of a start tag: name="value" pairs.
  static func attributes(_ tag: String) -> [String: String] {
    var result: [String: String] = [:]
    let sc = Array(tag.unicodeScalars)
    var i = 0
    while i < sc.count {
      if sc[i] == "=" && i + 1 < sc.count && sc[i + 1] == "\"" {
        var k = i - 1
        while k >= 0 && sc[k] != " " && sc[k] != "\t" && sc[k] != "\n" { k -= 1 }
        let name = String(String.UnicodeScalarView(sc[(k + 1)..<i]))
        var j = i + 2
        while j < sc.count && sc[j] != "\"" { j += 1 }
        result[name] = String(String.UnicodeScalarView(sc[(i + 2)..<min(j, sc.count)]))
        i = j + 1
        continue
      }
      i += 1
    }
    return result
  }
}

extension TimeMLFile {
  /// Tags the file's text with its DCT as the given date; returns the document and the
  /// expressions found (offsets into `text`).
  public func tag(name: String) -> (Document, [TimeExpression]) {
    let doc = Document(name: name, scalars: TextDecoding.decode(text))
    let dct = TemporalTagger.documentDate(for: doc, given: self.dct)
    return (doc, TemporalTagger.expressions(in: doc, dct: dct))
  }
}

/// TempEval-3 task A counts, summed over documents (micro averages).
public struct TimexScore: Sendable {
  public var gold = 0
  public var system = 0
  public var strictSystem = 0
  public var strictGold = 0
  public var relaxedSystem = 0
  public var relaxedGold = 0
  public var pairs = 0
  public var typeCorrect = 0
  public var valueCorrect = 0

  public init() {}

  static func overlaps(_ a: GoldTimex, _ b: GoldTimex) -> Bool {
    a.start < b.end && b.start < a.end
  }

  /// The gold expression a system one is paired with: the one it overlaps most.
  static func partner(of s: GoldTimex, in gold: [GoldTimex]) -> GoldTimex? {
    var best: GoldTimex?
    var bestOverlap = 0
    for g in gold where overlaps(s, g) {
      let o = min(s.end, g.end) - max(s.start, g.start)
      if o > bestOverlap {
        bestOverlap = o
        best = g
      }
    }
    return best
  }

  public mutating func add(gold g: [GoldTimex], system s: [GoldTimex]) {
    gold += g.count
    system += s.count
    for x in s {
      if g.contains(where: { $0.start == x.start && $0.end == x.end }) { strictSystem += 1 }
      if let p = Self.partner(of: x, in: g) {
        relaxedSystem += 1
        pairs += 1
        if p.type == x.type { typeCorrect += 1 }
        if p.value == x.value { valueCorrect += 1 }
      }
    }
    for x in g {
      if s.contains(where: { $0.start == x.start && $0.end == x.end }) { strictGold += 1 }
      if s.contains(where: { Self.overlaps($0, x) }) { relaxedGold += 1 }
    }
  }

  static func f1(_ p: Double, _ r: Double) -> Double { p + r > 0 ? 2 * p * r / (p + r) : 0 }

  static func pct(_ a: Int, _ b: Int) -> Double { b > 0 ? 100 * Double(a) / Double(b) : 0 }

  /// Strict extent F1, in percent.
  public var strictF1: Double {
    Self.f1(Self.pct(strictSystem, system), Self.pct(strictGold, gold))
  }
  /// Relaxed (overlap) extent F1, in percent.
  public var relaxedF1: Double {
    Self.f1(Self.pct(relaxedSystem, system), Self.pct(relaxedGold, gold))
  }
  /// Type accuracy over relaxed matches × relaxed F1.
  public var typeF1: Double { Self.pct(typeCorrect, pairs) * relaxedF1 / 100 }
  /// Value accuracy over relaxed matches × relaxed F1.
  public var valueF1: Double { Self.pct(valueCorrect, pairs) * relaxedF1 / 100 }

  public func report() -> String {
    func pct(_ a: Int, _ b: Int) -> Double { Self.pct(a, b) }
    let sp = pct(strictSystem, system)
    let sr = pct(strictGold, gold)
    let sf = Self.f1(sp, sr)
    let rp = pct(relaxedSystem, system)
    let rr = pct(relaxedGold, gold)
    let rf = Self.f1(rp, rr)
    let ta = pct(typeCorrect, pairs)
    let va = pct(valueCorrect, pairs)
    var s = ""
    s += String(format: "strict   P %6.2f  R %6.2f  F1 %6.2f\n", sp, sr, sf)
    s += String(format: "relaxed  P %6.2f  R %6.2f  F1 %6.2f\n", rp, rr, rf)
    s += String(format: "type     accuracy %6.2f  F1 %6.2f\n", ta, ta * rf / 100)
    s += String(format: "value    accuracy %6.2f  F1 %6.2f\n", va, va * rf / 100)
    return s
  }

  /// Lines describing misses, false alarms, extent, type and value errors.
  public func describeErrors(gold g: [GoldTimex], system s: [GoldTimex], text: [Unicode.Scalar])
    -> [String]
  {
    func str(_ x: GoldTimex) -> String {
      String(String.UnicodeScalarView(text[x.start..<x.end])).replacingOccurrences(
        of: "\n", with: " ")
    }
    func context(_ x: GoldTimex) -> String {
      let a = max(0, x.start - 40)
      let b = min(text.count, x.end + 40)
      return String(String.UnicodeScalarView(text[a..<b])).replacingOccurrences(of: "\n", with: " ")
    }
    var lines: [String] = []
    for x in g where !s.contains(where: { Self.overlaps($0, x) }) {
      lines.append("MISS  \"\(str(x))\" \(x.type) \(x.value)  | \(context(x))")
    }
    for x in s {
      guard let p = Self.partner(of: x, in: g) else {
        lines.append("FALSE \"\(str(x))\" \(x.type) \(x.value)  | \(context(x))")
        continue
      }
      if p.start != x.start || p.end != x.end {
        lines.append("EXTENT gold \"\(str(p))\" system \"\(str(x))\"")
      }
      if p.type != x.type || p.value != x.value {
        lines.append(
          "VALUE \"\(str(p))\" gold \(p.type) \(p.value) system \(x.type) \(x.value)  | \(context(p))"
        )
      }
    }
    return lines
  }
}
