/// A half-open range of Unicode scalar offsets into a document's normalised text.
///
/// Every range in the model (paragraphs, sentences, tokens, mentions, time expressions) is a
/// `Span` into the same scalar array, so that the JSON output, the explorer and the taggers agree.
public struct Span: Hashable, Comparable, Codable, Sendable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  public var length: Int { end - start }
  public var isEmpty: Bool { end <= start }

  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
  public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }
  public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

  public static func < (a: Span, b: Span) -> Bool {
    a.start != b.start ? a.start < b.start : a.end < b.end
  }
}
