import Foundation

/// Finds an article's paragraphs, title, dateline, headings, sentences and tokens.
///
/// Two layouts are common and both work: one paragraph per line (web copies such as the seed)
/// and hard-wrapped lines with blank lines between paragraphs (books, BBC files). The choice is
/// made per block of non-blank lines: a block whose longest line is longer than
/// `hardWrapLimit` is read one paragraph per line; otherwise its lines are one paragraph.
enum StructureParser {
  struct Layout {
    var paragraphs: [Paragraph] = []
    var sentences: [Sentence] = []
    var tokens: [Token] = []
    var dateline: Dateline?
    var title: String?
  }

  static let hardWrapLimit = 100

  static func parse(_ sc: [Unicode.Scalar]) -> Layout {
    var layout = Layout()
    layout.tokens.reserveCapacity(sc.count / 5)
    let blocks = paragraphSpans(sc)
    var kinds = blocks.map { _ in BlockKind.body }
    let firstBody = blocks.indices.first
    if let first = firstBody, blocks.count > 1, isTitle(sc, blocks[first]) {
      kinds[first] = .title
      layout.title = string(sc, trimmed(sc, blocks[first]))
    }
    for (i, block) in blocks.enumerated() where kinds[i] == .body && i > 0 {
      if i + 1 < blocks.count, isHeading(sc, block) { kinds[i] = .heading }
    }
    // The dateline opens the first body paragraph.
    if let bodyIndex = kinds.firstIndex(of: .body) {
      layout.dateline = DatelineParser.parse(sc, in: blocks[bodyIndex])
    }

    for (p, block) in blocks.enumerated() {
      let kind = kinds[p]
      let firstSentence = layout.sentences.count
      var bodyStart = block.start
      if kind == .body, let d = layout.dateline, d.span.start == block.start {
        let t0 = layout.tokens.count
        Tokenizer.tokenize(sc, in: d.span.start..<d.span.end, into: &layout.tokens)
        let end = layout.tokens.count > t0 ? layout.tokens[layout.tokens.count - 1].end : d.span.end
        layout.sentences.append(
          Sentence(span: Span(d.span.start, end), kind: .dateline, tokens: t0..<layout.tokens.count, paragraph: p))
        bodyStart = d.span.end
      }
      let t0 = layout.tokens.count
      Tokenizer.tokenize(sc, in: bodyStart..<block.end, into: &layout.tokens)
      let t1 = layout.tokens.count
      if kind == .body {
        for r in SentenceSegmenter.split(sc, tokens: layout.tokens, in: t0..<t1) where !r.isEmpty {
          let span = Span(layout.tokens[r.lowerBound].start, layout.tokens[r.upperBound - 1].end)
          layout.sentences.append(Sentence(span: span, kind: .body, tokens: r, paragraph: p))
        }
      } else if t1 > t0 {
        let span = Span(layout.tokens[t0].start, layout.tokens[t1 - 1].end)
        layout.sentences.append(Sentence(span: span, kind: kind, tokens: t0..<t1, paragraph: p))
      }
      layout.paragraphs.append(
        Paragraph(span: block, kind: kind, sentences: firstSentence..<layout.sentences.count))
    }
    return layout
  }

  /// The spans of the paragraphs, trimmed of surrounding white space.
  static func paragraphSpans(_ sc: [Unicode.Scalar]) -> [Span] {
    // lines: (start, end) without the newline
    var result: [Span] = []
    var block: [Span] = []  // the non-blank lines of the current block
    var lineStart = 0
    func flush() {
      guard !block.isEmpty else { return }
      var longest = 0
      for line in block { longest = max(longest, line.length) }
      if longest > hardWrapLimit || block.count == 1 {
        for line in block { result.append(trimmed(sc, line)) }
      } else {
        result.append(trimmed(sc, Span(block[0].start, block[block.count - 1].end)))
      }
      block.removeAll(keepingCapacity: true)
    }
    let n = sc.count
    var i = 0
    while i <= n {
      if i == n || sc[i] == "\n" {
        let line = Span(lineStart, i)
        if isBlank(sc, line) { flush() } else { block.append(line) }
        lineStart = i + 1
      }
      i += 1
    }
    flush()
    return result
  }

  static func isBlank(_ sc: [Unicode.Scalar], _ span: Span) -> Bool {
    for k in span.start..<span.end where !CharacterClass.isSpace(sc[k]) { return false }
    return true
  }

  static func trimmed(_ sc: [Unicode.Scalar], _ span: Span) -> Span {
    var a = span.start
    var b = span.end
    while a < b && CharacterClass.isSpace(sc[a]) { a += 1 }
    while b > a && CharacterClass.isSpace(sc[b - 1]) { b -= 1 }
    return Span(a, b)
  }

  static func string(_ sc: [Unicode.Scalar], _ span: Span) -> String {
    Document.string(sc[span.start..<span.end])
  }

  static func containsNewline(_ sc: [Unicode.Scalar], _ span: Span) -> Bool {
    for k in span.start..<span.end where sc[k] == "\n" { return true }
    return false
  }

  static func wordCount(_ sc: [Unicode.Scalar], _ span: Span) -> Int {
    var count = 0
    var inWord = false
    for k in span.start..<span.end {
      let space = CharacterClass.isSpace(sc[k])
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }

  /// A short line that does not end like a sentence and starts with a capital or a digit.
  /// A title may end with "?" or "!" and with a closing quote ("Economy 'stronger than forecast'").
  static func isHeadingLike(
    _ sc: [Unicode.Scalar], _ span: Span, maxLength: Int, maxWords: Int, title: Bool
  ) -> Bool {
    guard !span.isEmpty, span.length <= maxLength, !containsNewline(sc, span) else { return false }
    let first = sc[span.start]
    guard CharacterClass.isUpper(first) || CharacterClass.isDigit(first)
      || (title && (first == "'" || first == "\"" || first == "\u{2018}" || first == "\u{201C}"))
    else { return false }
    var end = span.end
    if title {
      while end > span.start + 1 && (sc[end - 1] == "'" || sc[end - 1] == "\"" || sc[end - 1] == "\u{2019}" || sc[end - 1] == "\u{201D}") {
        end -= 1
      }
    }
    switch sc[end - 1] {
    case ".", ",", ";", ":", "-", "\u{2014}", "\"", "\u{201D}", "\u{2019}", "'": return false
    case "!", "?": if !title { return false }
    default: break
    }
    return wordCount(sc, span) <= maxWords
  }

  static func isTitle(_ sc: [Unicode.Scalar], _ span: Span) -> Bool {
    isHeadingLike(sc, span, maxLength: 160, maxWords: 24, title: true)
  }

  static func isHeading(_ sc: [Unicode.Scalar], _ span: Span) -> Bool {
    isHeadingLike(sc, span, maxLength: 80, maxWords: 10, title: false)
  }
}
