import ArticleModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The version of the analysis an index holds: an index built by another version is rebuilt on
/// open. The number is bumped by hand when the rules of the entity or time taggers change what
/// they find; the fingerprint of the shipped model and tables follows a retrain by itself.
public enum AnalyserVersion {
  public static let number = 2
  public static let current = "lede-analysis-\(number)+\(EntityResources.fingerprint.prefix(8))"
}

/// How a file is known to the index: path, size, modification time and content hash.
public struct FileStamp: Hashable, Sendable, Codable {
  /// Absolute, standardised path.
  public var path: String
  public var size: Int64
  /// Modification time in nanoseconds since 1970.
  public var mtime: Int64
  /// FNV-1a 64 of the bytes, in hex; empty until the file has been read.
  public var hash: String

  public init(path: String, size: Int64, mtime: Int64, hash: String) {
    self.path = path
    self.size = size
    self.mtime = mtime
    self.hash = hash
  }

  /// The absolute, standardised form of a path (symbolic links are not resolved).
  public static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Size and modification time from stat(2), without reading the file; nil when it is gone.
  public static func statFile(_ path: String) -> (size: Int64, mtime: Int64)? {
    var st = stat()
    guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
    return (Int64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
  }

  /// FNV-1a, 64 bits: fast, and only ever compared with the same file's earlier hash.
  public static func hash(_ data: Data) -> String {
    var h = FNV1a()
    h.add(data)
    return h.hex
  }
}

/// What the index keeps of one article's analysis: the unit that `lede analyze --jsonl` writes
/// one per line and `lede index --import` reads. Offsets are Unicode scalar offsets into the
/// article's normalised text, as in `lede dump`.
public struct ArticleRecord: Codable, Sendable, Equatable {
  public struct SentenceRecord: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: String
    public var text: String
  }

  public struct MentionRecord: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Index into `sentences`, -1 when the mention is outside every sentence.
    public var sentence: Int
  }

  public struct EntityRecord: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentions: [MentionRecord]
  }

  public struct TimelineRecord: Codable, Sendable, Equatable {
    public var value: String
    public var type: String
    public var granularity: String
    public var approximate: Bool
    public var start: Int
    public var end: Int
    public var text: String
    public var sentence: Int
    /// Day numbers of the period covered (nil when not on the calendar).
    public var firstDay: Int?
    public var lastDay: Int?
  }

  public var file: FileStamp
  public var analyser: String
  /// The date and year the article was analysed with when given (--date, --year, a
  /// `dates.tsv` beside it), as `datingKey` writes them; nil or "" when none was.
  public var dating: String?
  public var title: String?
  public var source: String?
  public var date: String?
  public var dateSource: String?
  /// Length of the normalised text, in scalars.
  public var length: Int
  public var sentences: [SentenceRecord]
  public var entities: [EntityRecord]
  public var timeline: [TimelineRecord]

  public init(
    analysis a: Analysis, file: FileStamp, analyser: String = AnalyserVersion.current, dating: String? = nil
  ) {
    let d = a.document
    self.file = file
    self.analyser = analyser
    self.dating = dating?.isEmpty == true ? nil : dating
    self.title = d.title
    self.source = d.source
    self.date = a.documentDate?.value
    self.dateSource = a.documentDate?.source.rawValue
    self.length = d.scalars.count
    self.sentences = d.sentences.map {
      SentenceRecord(
        start: $0.span.start, end: $0.span.end, kind: $0.kind.rawValue, text: d.string($0.span))
    }
    self.entities = a.entities.map { e in
      EntityRecord(
        name: e.name, type: e.type.rawValue, aliases: e.aliases,
        mentions: e.mentions.map {
          MentionRecord(
            start: $0.start, end: $0.end, sentence: d.sentenceIndex(containing: $0.start) ?? -1)
        })
    }
    self.timeline = a.timeline.map { t in
      let interval = t.calendarInterval
      return TimelineRecord(
        value: t.value, type: t.type.rawValue, granularity: t.granularity.rawValue,
        approximate: t.approximate, start: t.span.start, end: t.span.end, text: d.string(t.span),
        sentence: t.sentenceIndex ?? d.sentenceIndex(containing: t.span.start) ?? -1,
        firstDay: interval?.first, lastDay: interval?.last)
    }
  }

  /// The date or year an article is analysed with, as the index keeps them: "" when neither
  /// is given, else "date=YYYY-MM-DD" (a date given makes the year moot) or "year=YYYY". A file
  /// analysed with another is analysed again (a `dates.tsv` or `--year` changed).
  public static func datingKey(date: String?, year: Int?) -> String {
    if let date { return "date=" + date }
    return year.map { "year=\($0)" } ?? ""
  }

  /// Reads and analyses one file (with the date and year given, if any). Throws `LoadError` (one
  /// line naming the file) when it cannot.
  public static func analyse(
    path: String, analyser: String = AnalyserVersion.current, date: String? = nil, year: Int? = nil
  ) throws -> ArticleRecord {
    let data = try ArticleLoader.read(path: path)
    let st = FileStamp.statFile(path)
    let stamp = FileStamp(
      path: FileStamp.absolute(path), size: st?.size ?? Int64(data.count), mtime: st?.mtime ?? 0,
      hash: FileStamp.hash(data))
    let doc = try ArticleLoader.document(from: data, name: path)
    return ArticleRecord(
      analysis: Analysis(document: doc, date: date, year: year), file: stamp, analyser: analyser,
      dating: datingKey(date: date, year: year))
  }

  // MARK: - JSON lines

  /// One line of JSON (no newline inside), keys sorted so that equal records give equal lines.
  public func jsonLine() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  public static func fromJSONLine(_ line: Substring) throws -> ArticleRecord {
    try JSONDecoder().decode(ArticleRecord.self, from: Data(line.utf8))
  }
}
