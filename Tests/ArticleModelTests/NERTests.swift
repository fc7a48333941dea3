import Foundation
import LedeTraining
import XCTest

@testable import ArticleModel

/// The tagger: tag encodings, the shipped model, and its score on CoNLL-2003 dev data.
final class NERTests: XCTestCase {
  func testIOB1AndIOB2ReadAlike() {
    let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "O", "I-MISC"]
    let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "O", "B-MISC"]
    let a = NERTags.spans(iob: iob1)
    let b = NERTags.spans(iob: iob2)
    XCTAssertEqual(a.map(\.range), b.map(\.range))
    XCTAssertEqual(a.map(\.type), b.map(\.type))
    XCTAssertEqual(a.map(\.range), [0..<2, 3..<4, 4..<5, 5..<6, 7..<8])
    XCTAssertEqual(NERTags.iob2(a, count: iob1.count), iob2)
  }

  func testCoNLLReadingAndScoring() {
    let text = """
      -DOCSTART- -X- O O

      Acme NNP I-NP I-ORG
      hires VBZ I-VP O
      Danish JJ I-NP I-MISC
      staff NN I-NP O

      Jane NNP I-NP I-PER
      Doe NNP I-NP I-PER
      in IN I-PP O
      Oslo NNP I-NP I-LOC

      """
    let c = CoNLLCorpus(text: text)
    XCTAssertEqual(c.documents.count, 1)
    XCTAssertEqual(c.documents[0].sentences.map(\.words.count), [4, 4])
    XCTAssertEqual(c.tokenCount, 8)
    var score = NERScore()
    let gold = c.documents[0].goldSpans
    // Made-up lines in the CoNLL layout. Right on sentence one; on sentence two, the person
    // right and Oslo typed ORG.
    score.add(gold: gold[0], predicted: gold[0])
    score.add(gold: gold[1], predicted: [(0..<2, 0), (3..<4, 1)])
    XCTAssertEqual(score.correct.reduce(0, +), 3)
    XCTAssertEqual(score.overall.precision, 75, accuracy: 1e-9)
    XCTAssertEqual(score.overall.recall, 75, accuracy: 1e-9)
    XCTAssertEqual(score.perType(2).recall, 0)
    XCTAssertTrue(score.report.contains("found: 4 phrases; correct: 3."), score.report)
  }

  func testBILOURoundTripAndConstraints() {
    let spans: [(range: Range<Int>, type: Int)] = [(0..<3, 0), (3..<4, 2), (5..<7, 3)]
    let tags = NERTags.encode(spans, count: 8)
    XCTAssertEqual(NERTags.spans(tags).map(\.range), spans.map(\.range))
    XCTAssertEqual(NERTags.spans(tags).map(\.type), spans.map(\.type))
    XCTAssertFalse(NERTags.allowed(-1, NERTags.tag(type: 0, .inside)))
    XCTAssertFalse(NERTags.allowed(NERTags.tag(type: 0, .begin), 0))
    XCTAssertTrue(NERTags.allowed(NERTags.tag(type: 0, .begin), NERTags.tag(type: 0, .last)))
    XCTAssertFalse(NERTags.canEnd(NERTags.tag(type: 1, .begin)))
  }

  func testShippedModelLoadsAndRoundTrips() throws {
    let model = try XCTUnwrap(EntityResources.model, "ner-model.bin must ship in the bundle")
    XCTAssertGreaterThan(model.featureCount, 10_000)
    let copy = try NERModel(data: model.serialized())
    let input = NERInput(sentences: [["Ri", "Su", "Yong", "visited", "Moscow", "on", "Monday", "."]])
    XCTAssertEqual(copy.tag(input), model.tag(input))
    let spans = NERTags.spans(model.tag(input))
    XCTAssertEqual(spans.map(\.range), [0..<3, 4..<5])
    XCTAssertEqual(spans.map { NERTags.types[$0.type] }.last, "LOC")
  }

  func testBenchmarkCountsTokens() throws {
    let doc = try ArticleLoader.load(path: SharedData.seedPath)
    let r = try NERBenchmark.run([doc], repeats: 2)
    XCTAssertEqual(r.tokens, 2 * doc.tokens.count)
    XCTAssertGreaterThan(r.modelFileBytes, 100_000)
    XCTAssertLessThan(r.modelMemoryBytes, 100 * 1_048_576)
    print(r.summary)
  }

  /// A document's distinct tokens (their own features are summed once per type): one type only
  /// for the same word, lower-cased key and shape; an acronym's own key ("US" in mixed-case
  /// text) and another case ("us") are types of their own.
  func testTokenTypesAreKeyedByTheWholeToken() {
    func token(_ w: String) -> NERToken {
      let sc = Array(w.unicodeScalars)
      return sc.withUnsafeBufferPointer { NERToken($0, 0, sc.count) }
    }
    var acronym = token("US")
    acronym.lower = NERToken.acronymKey(acronym.lower)
    let toks = [token("US"), token("said"), acronym, token("US"), token("us"), token("said"), acronym]
    let types = NERTokenTypes(toks)
    XCTAssertEqual(types.typeOf, [0, 1, 2, 0, 3, 1, 2])
    XCTAssertEqual(types.firsts, [0, 1, 2, 4])
    // Many distinct words: every one its own type, in order.
    let many = (0..<1000).map { token("w\($0)") } + [token("w7")]
    let t2 = NERTokenTypes(many)
    XCTAssertEqual(t2.firsts.count, 1000)
    XCTAssertEqual(t2.typeOf.last, 7)
    XCTAssertEqual(Array(t2.typeOf.prefix(1000)), (0..<1000).map { Int32($0) })
  }

  func testBadModelDataIsRefused() {
    XCTAssertThrowsError(try NERModel(data: Data("not a model".utf8)))
    let good = EntityResources.model!.serialized()
    XCTAssertThrowsError(try NERModel(data: good.prefix(good.count / 2)))
  }

  func testCurlyAndStraightApostrophesTagAlike() throws {
    let model = try XCTUnwrap(EntityResources.model)
    let a = NERInput(sentences: [["Pyongyang", "’s", "envoy", "met", "O’Brien", "in", "Seoul", "."]])
    let b = NERInput(sentences: [["Pyongyang", "'s", "envoy", "met", "O'Brien", "in", "Seoul", "."]])
    XCTAssertEqual(model.tag(a), model.tag(b))
  }

  func testTrainingIsDeterministicAndLearns() {
    // A tiny corpus made here: names in fixed frames.
    var text = ""
    let people = ["John Smith", "Mary Jones", "Ali Khan", "Wei Chen", "Anna Berg", "Tom Wood"]
    let places = ["Paris", "Lagos", "Oslo", "Lima", "Quito", "Perth"]
    for (k, (p, l)) in zip(people, places).enumerated() {
      text += "-DOCSTART- -X- O O\n\n"
      let pw = p.split(separator: " ")
      text += "\(pw[0]) X X B-PER\n\(pw[1]) X X I-PER\nflew X X O\nto X X O\n\(l) X X B-LOC\n. X X O\n\n"
      text += "In X X O\n\(l) X X B-LOC\n, X X O\n\(pw[1]) X X B-PER\nsaid X X O\n\(k) X X O\n. X X O\n\n"
    }
    let corpus = CoNLLCorpus(text: text)
    XCTAssertEqual(corpus.documents.count, 6)
    var options = NERTrainer.Options()
    options.epochs = 5
    options.folds = 2
    var t1 = NERTrainer(options: options, log: { _ in })
    var t2 = NERTrainer(options: options, log: { _ in })
    let m1 = t1.train(train: corpus.documents, dev: corpus.documents, base: EntityResources.baseGazetteer)
    let m2 = t2.train(train: corpus.documents, dev: corpus.documents, base: EntityResources.baseGazetteer)
    XCTAssertEqual(m1.serialized(), m2.serialized())
    let input = NERInput(sentences: [["Zed", "Quark", "flew", "to", "Oslo", "."]])
    let spans = NERTags.spans(m1.tag(input))
    XCTAssertEqual(spans.map(\.range), [0..<2, 4..<5])
  }

  /// The shipped model on eng.testa (read in place from ../shared, never copied).
  func testCoNLLDevScore() throws {
    let path = try SharedData.path("data/conll2003/eng.testa")
    let corpus = try CoNLLCorpus(path: path)
    let model = try XCTUnwrap(EntityResources.model)
    var score = NERScore()
    for doc in corpus.documents {
      let tags = model.tag(doc.input)
      var base = 0
      for s in doc.sentences {
        score.add(
          gold: NERTags.spans(iob: s.labels), predicted: NERTags.spans(Array(tags[base..<(base + s.words.count)])))
        base += s.words.count
      }
    }
    let (p, r, f) = score.overall
    print(String(format: "eng.testa with the shipped model: P %.2f R %.2f F1 %.2f", p, r, f))
    XCTAssertEqual(score.gold.reduce(0, +), 5942)
    XCTAssertGreaterThanOrEqual(score.overall.f1, 90.0)
  }

  /// The tagger as the features define it: every feature of `NERFeatures.extract` and the
  /// history looked up and summed per token, no per-type sums. `NERModel.tag` must agree.
  func naiveTags(_ m: NERModel, _ input: NERInput) -> [Int] {
    let d = NERDocFeatures(input, gazetteer: m.gazetteer, clusters: m.clusters)
    let n = NERModel.tags
    var tags = [Int](repeating: 0, count: input.starts.count)
    var history: [UInt64: NERHistory] = [:]
    var viterbi = NERViterbi()
    for (si, r) in d.sentences.enumerated() where !r.isEmpty {
      if si % NERDocFeatures.block == 0 { history.removeAll() }
      var em = [Float](repeating: 0, count: r.count * n)
      for (k, i) in r.enumerated() {
        var feats: [UInt64] = []
        NERFeatures.extract(d, sentence: si, token: i, into: &feats)
        NERFeatures.extractHistory(d, sentence: si, token: i, history: history, into: &feats)
        m.slots.withUnsafeBufferPointer { sl in
          for h in feats {
            let ri = m.row(h, sl.baseAddress!)
            if ri >= 0 { for t in 0..<n { em[k * n + t] += m.rows[ri * n + t] } }
          }
        }
      }
      em.withUnsafeBufferPointer { e in
        m.transitions.withUnsafeBufferPointer { tr in
          tags.withUnsafeMutableBufferPointer { tg in
            viterbi.decode(
              emissions: e.baseAddress!, count: r.count, transitions: tr.baseAddress!,
              into: tg.baseAddress! + r.lowerBound)
          }
        }
      }
      tags.withUnsafeBufferPointer { tg in
        NERHistory.record(d, sentence: r, tags: UnsafeBufferPointer(rebasing: tg[r]), into: &history)
      }
    }
    return tags
  }

  /// The tagger sums a token's own features and those its neighbours give once per distinct
  /// token; it tags as if it summed every feature per token: on a made-up text with one-word
  /// sentences and a line in capitals, on the seed, and on eng.testa when ../shared has it.
  func testPerTypeSumsTagAsEveryFeaturePerToken() throws {
    let model = try XCTUnwrap(EntityResources.model)
    var inputs = [
      NERInput(sentences: [
        ["KIM", "MEETS", "PUTIN", "IN", "MOSCOW"], ["Yes", "."], ["Kim"],
        ["Kim", "Jong", "Un", "met", "Vladimir", "Putin", "in", "Moscow", "on", "Monday", "."],
        ["The", "UN", "and", "the", "US", "said", "Kim", "would", "visit", "Seoul", "."],
      ]),
      NERInput(try ArticleLoader.load(path: SharedData.seedPath)),
    ]
    if let path = try? SharedData.path("data/conll2003/eng.testa") {
      inputs += try CoNLLCorpus(path: path).documents.prefix(40).map(\.input)
    } else {
      print("testPerTypeSumsTagAsEveryFeaturePerToken: ../shared absent, eng.testa skipped")
    }
    var tokens = 0
    for input in inputs {
      XCTAssertEqual(model.tag(input), naiveTags(model, input))
      tokens += input.starts.count
    }
    XCTAssertGreaterThan(tokens, 500)
  }

  /// The word table the document cues use agrees with a Dictionary, through growth.
  func testWordTableAgreesWithADictionary() {
    var table = NERWordTable<Int>()
    var dict: [UInt64: Int] = [:]
    for k in 0..<5000 {
      let key = NERHash.mix(UInt64(k % 700))  // 700 keys, each seen 7 or 8 times
      if let e = table.index(of: key) {
        table.values[e] += 1
      } else {
        table.insert(key, 1)
      }
      dict[key, default: 0] += 1
    }
    XCTAssertEqual(table.count, 700)
    XCTAssertEqual(table.count, dict.count)
    for (k, v) in dict { XCTAssertEqual(table[k], v) }
    XCTAssertNil(table[12345])
    XCTAssertEqual(table.keys.count, Set(table.keys).count)
  }

  /// A frozen gazetteer (a loaded model's: phrases in a `NERWordTable`) marks as the plain one
  /// does, and a change to its phrases unfreezes it.
  func testFrozenGazetteerMarksAlike() {
    var g = NERGazetteer()
    g.add(text: "New York", category: 2)
    g.add(text: "New York Stock Exchange", category: 1)
    g.add(text: "York", category: 0)
    let words = ["The", "New", "York", "Stock", "Exchange", "and", "York", "rose", "in", "New", "York"]
    let toks = words.map { w -> NERToken in
      let sc = Array(w.unicodeScalars)
      return sc.withUnsafeBufferPointer { NERToken($0, 0, sc.count) }
    }
    var plain = [UInt32](repeating: 0, count: toks.count)
    g.mark(toks, 0..<toks.count, into: &plain)
    XCTAssertNotEqual(plain, [UInt32](repeating: 0, count: toks.count))
    var f = g
    f.freeze()
    XCTAssertNotNil(f.frozen)
    var frozen = [UInt32](repeating: 0, count: toks.count)
    f.mark(toks, 0..<toks.count, into: &frozen)
    XCTAssertEqual(frozen, plain)
    f.add(text: "Exchange", category: 1)
    XCTAssertNil(f.frozen)
  }
}
