import ArgumentParser
import ArticleModel
import Foundation
import LedeTraining

/// `lede eval-ner`: tags a CoNLL-2003 file on its own tokens and scores it like conlleval.
struct EvalNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-ner",
    abstract: "Score the entity tagger on a CoNLL-2003 file (conlleval-style precision/recall/F1).")

  @Argument(help: "The gold file: token first, gold tag last, IOB1 or IOB2.")
  var gold: String

  @Option(name: .long, help: "Write the input lines with the predicted tag (IOB2) appended.")
  var predictions: String?

  @Option(name: .long, help: "A model file to use instead of the one shipped with lede.")
  var model: String?

  func run() throws {
    let corpus: CoNLLCorpus
    do {
      corpus = try CoNLLCorpus(path: gold)
    } catch {
      fail("\(gold): cannot read: \(error.localizedDescription)")
    }
    let t0 = Date()
    let tagger: NERModel
    do {
      if let model {
        tagger = try NERModel(contentsOf: URL(fileURLWithPath: model))
      } else {
        tagger = try EntityResources.loadModel()
      }
    } catch {
      fail("cannot load the NER model: \(error)")
    }
    let loadTime = Date().timeIntervalSince(t0)
    var score = NERScore()
    var predicted = [String](repeating: "O", count: corpus.lines.count)
    var tokens = 0
    var tagTime = 0.0
    for doc in corpus.documents {
      let input = doc.input
      let t1 = Date()
      let tags = tagger.tag(input)
      tagTime += Date().timeIntervalSince(t1)
      tokens += tags.count
      var base = 0
      for s in doc.sentences {
        let slice = Array(tags[base..<(base + s.words.count)])
        base += s.words.count
        let spans = NERTags.spans(slice)
        let goldSpans = NERTags.spans(iob: s.labels)
        score.add(gold: goldSpans, predicted: spans)
        let labels = NERTags.iob2(spans, count: s.words.count)
        let goldLabels = NERTags.iob2(goldSpans, count: s.words.count)
        for (k, line) in s.lineIndices.enumerated() {
          predicted[line] = labels[k]
          score.tokens += 1
          if labels[k] == goldLabels[k] { score.correctTokens += 1 }
        }
      }
    }
    // conlleval counts -DOCSTART- lines as O tokens.
    for line in corpus.lines where line.hasPrefix("-DOCSTART-") {
      score.tokens += 1
      score.correctTokens += 1
    }
    writeStdout(score.report)
    FileHandle.standardError.write(
      Data(
        String(
          format:
            "eval-ner: model load %.1f ms (%d features, %.1f MB in memory); tagged %d tokens in %.3f s (%.0f tokens/s)\n",
          loadTime * 1000, tagger.featureCount, Double(tagger.memoryBytes) / 1_048_576, tokens, tagTime,
          Double(tokens) / max(tagTime, 1e-9)
        ).utf8))
    if let predictions {
      var out = ""
      for (k, line) in corpus.lines.enumerated() {
        if line.split(separator: " ").isEmpty {
          out += "\n"
        } else {
          out += line + " " + predicted[k] + "\n"
        }
      }
      do {
        try out.write(toFile: predictions, atomically: true, encoding: .utf8)
      } catch {
        fail("\(predictions): cannot write: \(error.localizedDescription)")
      }
    }
  }
}
