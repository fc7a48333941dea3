/// What a token is made of, as the tokenizer saw it.
public enum TokenKind: UInt8, Sendable, Codable {
  /// Letters (possibly with digits, inner hyphens, apostrophes or dots: "Asia-Pacific", "U.S.").
  case word
  /// Starts with a digit: "2014", "3.5", "1,200", "10-day", "8th".
  case number
  /// Sentence and clause punctuation, quotes, brackets, dashes.
  case punctuation
  /// Anything else: currency signs, %, &, math and emoji.
  case symbol
}

/// A token: a span of the normalised text and its kind.
public struct Token: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public var kind: TokenKind

  public init(start: Int, end: Int, kind: TokenKind) {
    self.start = start
    self.end = end
    self.kind = kind
  }

  public var span: Span { Span(start, end) }
}
