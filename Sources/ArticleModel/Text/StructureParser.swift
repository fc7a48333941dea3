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
    var title: String?
    let blocks = paragraphSpans(sc)
    var kinds = blocks.map { _ in BlockKind.body }
    let firstBody = blocks.indices.first
    if let first = firstBody, blocks.count > 1, isTitle(sc, blocks[first]) {
      kinds[first] = .title
      title = string(sc, trimmed(sc, blocks[first]))
    }
    for (i, block) in blocks.enumerated() where kinds[i] == .body && i > 0 {
      if i + 1 < blocks.count, isHeading(sc, block) { kinds[i] = .heading }
    }
    return parse(sc, blocks: blocks, kinds: kinds, title: title)
  }

  /// The layout of text whose paragraphs and their kinds are already known (a web page's blocks).
  static func parse(_ sc: [Unicode.Scalar], blocks: [Span], kinds: [BlockKind], title: String?) -> Layout {
    var layout = Layout()
    layout.title = title
    layout.tokens.reserveCapacity(sc.count / 5)
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
    func emit(_ lines: ArraySlice<Span>) {
      var longest = 0
      for line in lines { longest = max(longest, line.length) }
      if longest > hardWrapLimit || lines.count == 1 {
        for line in lines { result.append(trimmed(sc, line)) }
      } else {
        result.append(trimmed(sc, Span(lines[lines.startIndex].start, lines[lines.endIndex - 1].end)))
      }
    }
    func flush() {
      guard !block.isEmpty else { return }
      // Wire copy (Reuters, AP) marks a paragraph by indenting its first line, with no blank
      // line: in a block where some lines are indented more than the others, each such line
      // starts a paragraph.
      var start = 0
      if block.count > 1 {
        let indents = block.map { indentation(sc, $0) }
        let least = indents.min() ?? 0
        if indents.contains(where: { $0 >= least + 2 }) {
          for k in 1..<block.count where indents[k] >= least + 2 {
            emit(block[start..<k])
            start = k
          }
        }
      }
      emit(block[start...])
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

  /// The indentation of a line in columns (a tab counts as four).
  static func indentation(_ sc: [Unicode.Scalar], _ line: Span) -> Int {
    var n = 0
    for k in line.start..<line.end {
      if sc[k] == " " { n += 1 } else if sc[k] == "\t" { n += 4 } else { break }
    }
    return n
  }

  /// The article inside a Project Gutenberg file: what lies between the "*** START OF THE
  /// PROJECT GUTENBERG EBOOK … ***" and "*** END OF …" lines (the header and the licence are not
  /// the book). The tail of such a file read on its own (the explorer's `G` before the whole is
  /// read) has the end line only: what lies before it. Nil when the file has neither line.
  static func gutenbergBody(_ sc: [Unicode.Scalar]) -> Range<Int>? {
    func line(at k: Int) -> (end: Int, marker: Int) {  // marker: 1 start, 2 end, 0 none
      var e = k
      while e < sc.count && sc[e] != "\n" { e += 1 }
      guard e - k >= 20, e - k < 400, sc[k] == "*", k + 2 < e, sc[k + 1] == "*", sc[k + 2] == "*" else { return (e, 0) }
      let upper = String(String.UnicodeScalarView(sc[k..<e])).uppercased()
      guard upper.contains("PROJECT GUTENBERG") else { return (e, 0) }
      if upper.contains("START OF TH") { return (e, 1) }
      if upper.contains("END OF TH") { return (e, 2) }
      return (e, 0)
    }
    var start: Int?
    var endOnly: Int?  // an end line with no start line before it (a tail)
    var k = 0
    while k < sc.count {
      let (e, marker) = line(at: k)
      if marker == 1 && start == nil {
        start = e
      } else if marker == 2 {
        if let s = start {
          let t = trimmed(sc, Span(s, k))
          return t.start..<t.end
        }
        if endOnly == nil { endOnly = k }
      }
      k = e + 1
    }
    if let s = start { let t = trimmed(sc, Span(s, sc.count)); return t.start..<t.end }
    return endOnly.map { let t = trimmed(sc, Span(0, $0)); return t.start..<t.end }
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
