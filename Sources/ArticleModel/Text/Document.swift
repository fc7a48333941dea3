/// The role of a paragraph or sentence in the article's layout.
public enum BlockKind: String, Sendable, Codable {
  case title, dateline, heading, body
}

/// A paragraph: a span of text and the sentences in it.
public struct Paragraph: Hashable, Sendable {
  public var span: Span
  public var kind: BlockKind
  /// Indices into `Document.sentences`.
  public var sentences: Range<Int>
}

/// A sentence (or a heading, title or dateline, each its own unit) and its tokens.
public struct Sentence: Hashable, Sendable {
  public var span: Span
  public var kind: BlockKind
  /// Indices into `Document.tokens`.
  public var tokens: Range<Int>
  /// Index into `Document.paragraphs`.
  public var paragraph: Int
}

/// A leading source/dateline such as "(VOVworld)- " or "WASHINGTON, March 3 (AP) —".
public struct Dateline: Hashable, Sendable {
  /// The whole prefix, dash included.
  public var span: Span
  /// The agency or site named in brackets, if any ("VOVworld", "Reuters").
  public var source: String?
  /// The place in capitals, if any ("MOSCOW").
  public var place: String?
  /// The date written in the dateline, if any ("March 3").
  public var date: Span?
}

/// An article: its normalised text and its structure. All ranges are scalar offsets into `scalars`.
public struct Document: Sendable {
  /// Where the text came from: a file path, or "-" for standard input.
  public let name: String
  /// The normalised text as Unicode scalars; every `Span` indexes this array.
  public let scalars: [Unicode.Scalar]
  public let paragraphs: [Paragraph]
  public let sentences: [Sentence]
  public let tokens: [Token]
  public let dateline: Dateline?
  public let title: String?

  /// The normalised text (built on demand: the scalar array is the source of truth).
  public var text: String { string(Span(0, scalars.count)) }

  /// The source named in the dateline ("VOVworld"), if any.
  public var source: String? { dateline?.source }

  /// The text of a span.
  public func string(_ span: Span) -> String {
    let a = max(0, min(span.start, scalars.count))
    let b = max(a, min(span.end, scalars.count))
    return Self.string(scalars[a..<b])
  }

  public func string(_ token: Token) -> String { string(token.span) }

  /// Builds a String from scalars through UTF-8 bytes (linear; appending to a
  /// String.UnicodeScalarView was quadratic on megabytes of text).
  public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count + scalars.count / 4)
    for s in scalars {
      let v = s.value
      if v < 0x80 { bytes.append(UInt8(v)) } else { bytes.append(contentsOf: UTF8.encode(s)!) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The index of the sentence holding `offset`, by binary search (nil between sentences).
  public func sentenceIndex(containing offset: Int) -> Int? {
    let lo = sentences.partitionPoint { $0.span.end > offset }
    return lo < sentences.count && sentences[lo].span.start <= offset ? lo : nil
  }

  /// The index of the first token that ends after `offset`.
  public func tokenIndex(atOrAfter offset: Int) -> Int {
    tokens.partitionPoint { $0.end > offset }
  }

  /// Builds a document from text that is already normalised (see `TextDecoding`).
  public init(name: String, scalars: [Unicode.Scalar]) {
    self.name = name
    self.scalars = scalars
    let layout = StructureParser.parse(scalars)
    self.paragraphs = layout.paragraphs
    self.sentences = layout.sentences
    self.tokens = layout.tokens
    self.dateline = layout.dateline
    self.title = layout.title
  }

  /// Builds a document from a string (decoded, sanitised and normalised first).
  public init(name: String = "-", text: String) {
    self.init(name: name, scalars: TextDecoding.decode(text))
  }
}
