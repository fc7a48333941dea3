import ArticleModel
import Foundation
import WebArticle

/// Runs the extractor over a folder of pages (`ID.html.gz` or `ID.html`) and scores it against
/// the article-extraction benchmark's gold file (`{ID: {"articleBody": text, "url": address}}`).
public enum ExtractionBenchmark {
  public struct Page: Sendable {
    public var id: String
    public var extracted: String
    public var published: String?
    public var headline: String?
    public var tp: Double, fp: Double, fn: Double
    public var exact: Bool
    /// Parse and extraction, charset detection included (not reading or gunzip).
    public var seconds: Double
    public var bytes: Int
  }

  public struct Result: Sendable {
    public var summary: ExtractionScore.Summary
    public var pages: [Page]
    public var missing: [String]
    public var totalSeconds: Double { pages.reduce(0) { $0 + $1.seconds } }
  }

  public enum Failure: Error, CustomStringConvertible {
    case gold(String, String)
    case noPages(String)
    public var description: String {
      switch self {
      case .gold(let f, let why): return "\(f): not a gold file (\(why))"
      case .noPages(let d): return "\(d): none of the gold file's pages is there (ID.html.gz or ID.html)"
      }
    }
  }

  /// The gold bodies by page id.
  public static func gold(path: String) throws -> [String: (body: String, url: String?)] {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure.gold(path, "cannot be read") }
    guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw Failure.gold(path, "not a JSON object")
    }
    var out: [String: (String, String?)] = [:]
    for (id, v) in obj {
      guard let entry = v as? [String: Any] else { throw Failure.gold(path, "entry \(id) is not an object") }
      out[id] = ((entry["articleBody"] as? String) ?? "", entry["url"] as? String)
    }
    return out
  }

  /// The page's bytes, gunzipped when they are gzip.
  public static func pageBytes(dir: String, id: String) -> Data? {
    for name in [id + ".html.gz", id + ".html", id + ".htm"] {
      guard let d = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
      if let raw = Gzip.decompress([UInt8](d)) { return Data(raw) }
      return d
    }
    return nil
  }

  public static func run(dir: String, goldPath: String) throws -> Result {
    let gold = try gold(path: goldPath)
    var pages: [Page] = []
    var missing: [String] = []
    for id in gold.keys.sorted() {
      guard let data = pageBytes(dir: dir, id: id) else {
        missing.append(id)
        continue
      }
      let t0 = monotonicSeconds()
      let article = ArticleLoader.webArticle(from: data)
      let seconds = monotonicSeconds() - t0
      let text = article.bodyText
      let g = gold[id]!.body
      let c = ExtractionScore.page(gold: g, extracted: text)
      let exact = ExtractionScore.words(g).elementsEqual(ExtractionScore.words(text))
      pages.append(Page(
        id: id, extracted: text, published: article.metadata.published, headline: article.metadata.headline,
        tp: c.tp, fp: c.fp, fn: c.fn, exact: exact, seconds: seconds, bytes: data.count))
    }
    if pages.isEmpty { throw Failure.noPages(dir) }
    let summary = ExtractionScore.summary(pages.map { ($0.tp, $0.fp, $0.fn) }, exact: pages.filter(\.exact).count)
    return Result(summary: summary, pages: pages, missing: missing)
  }

  /// `{ID: {"articleBody": text}}`, keys sorted.
  public static func predictionsJSON(_ result: Result) -> Data {
    var w = JSONWriter()
    w.open("{")
    for p in result.pages {
      w.element(); w.string(p.id); w.raw(":")
      w.open("{")
      w.key("articleBody"); w.string(p.extracted)
      w.close("}")
    }
    w.close("}")
    return Data((w.output + "\n").utf8)
  }

  static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
