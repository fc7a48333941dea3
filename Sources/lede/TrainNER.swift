import ArgumentParser
import ArticleModel
import Foundation
import LedeTraining

/// `lede train-ner`: trains the entity tagger on CoNLL-2003 files and writes the model.
struct TrainNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-ner",
    abstract: "Train the entity tagger (averaged perceptron, BILOU, Viterbi) on CoNLL-2003 data.")

  @Option(name: .long, help: "Training file (CoNLL-2003, IOB1 or IOB2).")
  var train: String

  @Option(name: .long, help: "Development file: the epoch with the best F1 on it is kept.")
  var dev: String

  @Option(name: .long, help: "Where to write the model.")
  var out: String

  @Option(name: .long, help: "Random seed (document order).")
  var seed: UInt64 = 1

  @Option(name: .long, help: "Training epochs.")
  var epochs: Int = 12

  @Flag(name: .long, help: "Leave the word-cluster features out (for an ablation).")
  var noClusters = false

  @Option(name: .long, help: "Drop weights smaller than this fraction of the largest one.")
  var prune: Float = 0.002

  func run() throws {
    let log: (String) -> Void = { FileHandle.standardError.write(Data(("train-ner: " + $0 + "\n").utf8)) }
    let trainCorpus: CoNLLCorpus
    let devCorpus: CoNLLCorpus
    do {
      trainCorpus = try CoNLLCorpus(path: train)
      devCorpus = try CoNLLCorpus(path: dev)
    } catch {
      fail("cannot read the CoNLL files: \(error.localizedDescription)")
    }
    var options = NERTrainer.Options()
    options.seed = seed
    options.epochs = epochs
    options.clusters = !noClusters
    var trainer = NERTrainer(options: options, log: log)
    let model = trainer.train(
      train: trainCorpus.documents, dev: devCorpus.documents, base: EntityResources.baseGazetteer)
    let data = model.serialized(prune: prune)
    do {
      try data.write(to: URL(fileURLWithPath: out))
    } catch {
      fail("\(out): cannot write the model: \(error.localizedDescription)")
    }
    log("wrote \(out) (\(data.count) bytes)")
  }
}
