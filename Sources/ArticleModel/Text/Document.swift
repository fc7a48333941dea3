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
  /// What the source said about itself (a web page's or feed item's headline, date, authors, …);
  /// nil for plain text.
  public let metadata: DocumentMetadata?

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
  /// A Project Gutenberg book is read without its header and licence (see
  /// `StructureParser.gutenbergBody`): they are not the book, nor a source of its date.
  public init(name: String, scalars allScalars: [Unicode.Scalar]) {
    var scalars = allScalars
    if let body = StructureParser.gutenbergBody(allScalars) { scalars = Array(allScalars[body]) }
    self.name = name
    self.scalars = scalars
    let layout = StructureParser.parse(scalars)
    self.paragraphs = layout.paragraphs
    self.sentences = layout.sentences
    self.tokens = layout.tokens
    self.dateline = layout.dateline
    self.title = layout.title
    self.metadata = nil
  }

  /// Builds a document from blocks whose kinds are known (a web page or feed item): each block
  /// is one paragraph (its text decoded, sanitised and normalised, line breaks made spaces),
  /// blocks are separated by a blank line. The title, when given, is the first paragraph.
  public init(name: String, title: String?, blocks: [(kind: BlockKind, text: String)], metadata: DocumentMetadata?) {
    var sc: [Unicode.Scalar] = []
    var spans: [Span] = []
    var kinds: [BlockKind] = []
    func add(_ text: String, _ kind: BlockKind) {
      var s = TextDecoding.decode(text)
      for k in s.indices where s[k] == "\n" || s[k] == "\t" { s[k] = " " }
      let span = StructureParser.trimmed(s, Span(0, s.count))
      guard !span.isEmpty else { return }
      if !sc.isEmpty { sc.append(contentsOf: ["\n", "\n"]) }
      let start = sc.count
      sc.append(contentsOf: s[span.start..<span.end])
      spans.append(Span(start, sc.count))
      kinds.append(kind)
    }
    if let title { add(title, .title) }
    let cleanTitle = kinds.first == .title ? Self.string(sc[spans[0].start..<spans[0].end]) : nil
    for b in blocks { add(b.text, b.kind) }
    let layout = StructureParser.parse(sc, blocks: spans, kinds: kinds, title: cleanTitle)
    self.name = name
    self.scalars = sc
    self.paragraphs = layout.paragraphs
    self.sentences = layout.sentences
    self.tokens = layout.tokens
    self.dateline = layout.dateline
    self.title = layout.title
    self.metadata = metadata
  }

  /// Builds a document from a string (decoded, sanitised and normalised first).
  public init(name: String = "-", text: String) {
    self.init(name: name, scalars: TextDecoding.decode(text))
  }
}
