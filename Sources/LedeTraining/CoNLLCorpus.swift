import ArticleModel
import Foundation

/// A CoNLL-2003 file: documents of sentences of (token, gold label), plus the raw lines so that
/// `lede eval-ner --predictions` can write them back with a column appended.
public struct CoNLLCorpus {
  public struct Sentence {
    public var words: [String]
    /// The last column as found (IOB1 or IOB2).
    public var labels: [String]
    /// Index of each token's line in `lines`.
    public var lineIndices: [Int]
  }

  public struct DocumentPart {
    public var sentences: [Sentence]
    public var input: NERInput { NERInput(sentences: sentences.map(\.words)) }
    /// Gold entity spans of each sentence (token ranges within the sentence).
    public var goldSpans: [[(range: Range<Int>, type: Int)]] {
      sentences.map { NERTags.spans(iob: $0.labels) }
    }
  }

  public var documents: [DocumentPart] = []
  public var lines: [String] = []

  public init(path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    self.init(text: text)
  }

  public init(text: String) {
    var docs: [DocumentPart] = []
    var current = DocumentPart(sentences: [])
    var sentence = Sentence(words: [], labels: [], lineIndices: [])
    func endSentence() {
      if !sentence.words.isEmpty { current.sentences.append(sentence) }
      sentence = Sentence(words: [], labels: [], lineIndices: [])
    }
    func endDocument() {
      endSentence()
      if !current.sentences.isEmpty { docs.append(current) }
      current = DocumentPart(sentences: [])
    }
    var lines: [String] = []
    text.enumerateLines { line, _ in lines.append(line) }
    for (k, line) in lines.enumerated() {
      let cols = line.split(separator: " ", omittingEmptySubsequences: true)
      if cols.isEmpty {
        endSentence()
        continue
      }
      if cols[0] == "-DOCSTART-" {
        endDocument()
        continue
      }
      sentence.words.append(String(cols[0]))
      sentence.labels.append(cols.count > 1 ? String(cols[cols.count - 1]) : "O")
      sentence.lineIndices.append(k)
    }
    endDocument()
    self.documents = docs
    self.lines = lines
  }

  public var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } } }
}

/// conlleval-style scoring: an entity counts only if start, end and type match.
public struct NERScore {
  public var correct = [Int](repeating: 0, count: 4)
  public var predicted = [Int](repeating: 0, count: 4)
  public var gold = [Int](repeating: 0, count: 4)
  public var tokens = 0
  public var correctTokens = 0

  public init() {}

  public mutating func add(
    gold g: [(range: Range<Int>, type: Int)], predicted p: [(range: Range<Int>, type: Int)]
  ) {
    for s in g { gold[s.type] += 1 }
    for s in p { predicted[s.type] += 1 }
    var goldSet = Set<[Int]>()
    for s in g { goldSet.insert([s.range.lowerBound, s.range.upperBound, s.type]) }
    for s in p where goldSet.contains([s.range.lowerBound, s.range.upperBound, s.type]) {
      correct[s.type] += 1
    }
  }

  static func prf(_ c: Int, _ p: Int, _ g: Int) -> (Double, Double, Double) {
    let pr = p == 0 ? 0 : 100 * Double(c) / Double(p)
    let rc = g == 0 ? 0 : 100 * Double(c) / Double(g)
    let f = pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc)
    return (pr, rc, f)
  }

  public var overall: (precision: Double, recall: Double, f1: Double) {
    NERScore.prf(correct.reduce(0, +), predicted.reduce(0, +), gold.reduce(0, +))
  }

  public func perType(_ t: Int) -> (precision: Double, recall: Double, f1: Double) {
    NERScore.prf(correct[t], predicted[t], gold[t])
  }

  /// The report in conlleval's layout.
  public var report: String {
    func fmt(_ x: Double) -> String { String(format: "%6.2f%%", x) }
    let (p, r, f) = overall
    let acc = tokens == 0 ? 0 : 100 * Double(correctTokens) / Double(tokens)
    var out = "processed \(tokens) tokens with \(gold.reduce(0, +)) phrases; "
    out += "found: \(predicted.reduce(0, +)) phrases; correct: \(correct.reduce(0, +)).\n"
    out += "accuracy: \(fmt(acc)); precision: \(fmt(p)); recall: \(fmt(r)); FB1: "
    out += String(format: "%6.2f", f) + "\n"
    for t in 0..<4 {
      let (p, r, f) = perType(t)
      let name = NERTags.types[t].padding(toLength: 17, withPad: " ", startingAt: 0)
      out += "\(name): precision: \(fmt(p)); recall: \(fmt(r)); FB1: " + String(format: "%6.2f", f)
      out += "  \(predicted[t])\n"
    }
    return out
  }
}
