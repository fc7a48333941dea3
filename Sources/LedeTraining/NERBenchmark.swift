import ArticleModel
import Foundation

/// Measures the tagger the way the floors are stated: model load time, single-threaded
/// tagging speed on articles' own tokens, and the model's memory. For `lede bench` and
/// `lede eval-ner`; nothing here is asserted in tests (timings depend on the machine).
public enum NERBenchmark {
  public struct Result: Sendable {
    public var loadMilliseconds: Double
    public var tokens: Int
    public var seconds: Double
    public var modelMemoryBytes: Int
    public var modelFileBytes: Int
    public var tokensPerSecond: Double { Double(tokens) / max(seconds, 1e-9) }

    public var summary: String {
      String(
        format: "NER: model load %.1f ms, %.1f MB in memory (%.1f MB file); tagged %d tokens in %.3f s: %.0f tokens/s",
        loadMilliseconds, Double(modelMemoryBytes) / 1_048_576, Double(modelFileBytes) / 1_048_576,
        tokens, seconds, tokensPerSecond)
    }
  }

  /// Loads the shipped model afresh, then tags every document `repeats` times.
  public static func run(_ documents: [Document], repeats: Int = 1) throws -> Result {
    guard let url = EntityResources.resourceURL("ner-model", "bin") else {
      throw NERModel.FormatError.bad("ner-model.bin is missing from the lede_ArticleModel bundle")
    }
    let t0 = DispatchTime.now().uptimeNanoseconds
    let model = try NERModel(contentsOf: url)
    let load = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    let inputs = documents.map { NERInput($0) }
    var tokens = 0
    let t1 = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<max(1, repeats) {
      for input in inputs { tokens += model.tag(input).count }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9
    let fileBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    return Result(
      loadMilliseconds: load, tokens: tokens, seconds: seconds, modelMemoryBytes: model.memoryBytes,
      modelFileBytes: fileBytes)
  }
}
