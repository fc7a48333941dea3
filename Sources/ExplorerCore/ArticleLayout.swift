import ArticleModel
import Foundation

/// A line of the article pane: the paragraph it belongs to and its index among that
/// paragraph's display lines (the last display line of every paragraph but the final one is
/// the blank line that separates it from the next).
public struct LinePosition: Hashable, Comparable, Sendable {
  public var paragraph: Int
  public var line: Int

  public init(paragraph: Int, line: Int) {
    self.paragraph = paragraph
    self.line = line
  }

  public static func < (a: LinePosition, b: LinePosition) -> Bool {
    a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.line < b.line
  }

  public static let top = LinePosition(paragraph: 0, line: 0)
}

/// The article wrapped to one width, lazily: a paragraph is wrapped the first time one of its
/// lines is needed. Scrolling and drawing so cost the visible lines, never the whole document
/// (War and Peace has 12,000 paragraphs).
///
/// A reference type on purpose, and immutable in what it means: the lines are a pure function of
/// (document, width), remembered behind a lock, so copies of an `ExplorerState` and the threads
/// that draw may share it. A new width is a new layout (the `App` keeps them per file and width).
public final class ArticleLayout: @unchecked Sendable {
  public struct Block: Sendable {
    public var span: Span
    public var kind: BlockKind
  }

  public let scalars: [Unicode.Scalar]
  public let blocks: [Block]
  public let width: Int
  /// Wrapped text lines per paragraph, filled on first use; guarded by `lock`.
  private var wrapped: [[Range<Int>]?]
  private let lock = NSLock()
  /// Paragraph start offsets, for binary search.
  private let starts: [Int]

  public static let tabWidth = 8

  /// The document's paragraphs shown, by index, when a filter (`&`) shows only some; nil: all.
  /// Offsets stay the document's: a hidden paragraph's offset maps to the next one shown.
  public let shown: [Int]?

  public init(document: Document, width: Int, only shown: [Int]? = nil) {
    self.scalars = document.scalars
    self.shown = shown
    let paragraphs = shown.map { $0.map { document.paragraphs[$0] } } ?? document.paragraphs
    var blocks = paragraphs.map { Block(span: $0.span, kind: $0.kind) }
    if blocks.isEmpty { blocks = [Block(span: Span(0, 0), kind: .body)] }
    self.blocks = blocks
    self.starts = blocks.map { $0.span.start }
    self.width = max(1, width)
    self.wrapped = Array(repeating: nil, count: blocks.count)
  }

  public var lastParagraph: Int { blocks.count - 1 }

  /// Whether an offset is in a paragraph shown (always, without a filter).
  public func shows(_ offset: Int) -> Bool {
    guard shown != nil else { return true }
    let p = paragraph(containing: offset)
    return blocks[p].span.start <= offset && offset < blocks[p].span.end
  }

  /// The wrapped text lines of a paragraph (at least one, maybe empty).
  public func textLines(_ p: Int) -> [Range<Int>] {
    lock.lock()
    let known = wrapped[p]
    lock.unlock()
    if let known { return known }
    let lines = Self.wrap(scalars, blocks[p].span, width: width)
    lock.lock()
    wrapped[p] = lines
    lock.unlock()
    return lines
  }

  /// Display lines of a paragraph: its text lines and, but for the last, a blank separator.
  public func lineCount(_ p: Int) -> Int {
    textLines(p).count + (p < lastParagraph ? 1 : 0)
  }

  /// The text of a display line; nil for a separator line.
  public func range(at pos: LinePosition) -> Range<Int>? {
    let lines = textLines(pos.paragraph)
    return pos.line < lines.count ? lines[pos.line] : nil
  }

  public var lastPosition: LinePosition {
    LinePosition(paragraph: lastParagraph, line: lineCount(lastParagraph) - 1)
  }

  /// Moves `n` display lines down (or up when negative), stopping at either end.
  public func advance(_ pos: LinePosition, by n: Int) -> LinePosition {
    var p = clamp(pos)
    var left = n
    while left > 0 {
      let count = lineCount(p.paragraph)
      let room = count - 1 - p.line
      if left <= room {
        p.line += left
        return p
      }
      if p.paragraph == lastParagraph {
        p.line = count - 1
        return p
      }
      left -= room + 1
      p = LinePosition(paragraph: p.paragraph + 1, line: 0)
    }
    while left < 0 {
      if -left <= p.line {
        p.line += left
        return p
      }
      if p.paragraph == 0 {
        p.line = 0
        return p
      }
      left += p.line + 1
      p = LinePosition(paragraph: p.paragraph - 1, line: lineCount(p.paragraph - 1) - 1)
    }
    return p
  }

  /// Keeps a position inside the document (after a width change, say).
  public func clamp(_ pos: LinePosition) -> LinePosition {
    let p = min(max(0, pos.paragraph), lastParagraph)
    let line = min(max(0, pos.line), lineCount(p) - 1)
    return LinePosition(paragraph: p, line: line)
  }

  /// The highest top line that still fills a pane of `height` lines.
  public func maxTop(height: Int) -> LinePosition {
    advance(lastPosition, by: -(max(1, height) - 1))
  }

  /// The number of display lines from `a` to `b` (b after a), counting at most `limit`.
  public func distance(from a: LinePosition, to b: LinePosition, limit: Int) -> Int {
    var p = a
    var n = 0
    while p < b && n < limit {
      let next = advance(p, by: 1)
      if next == p { break }
      p = next
      n += 1
    }
    return n
  }

  /// The index of the paragraph holding `offset` (or the next one, between paragraphs).
  public func paragraph(containing offset: Int) -> Int {
    let lo = starts.partitionPoint { $0 > offset }
    // lo - 1 is the last paragraph starting at or before offset
    let p = max(0, lo - 1)
    if offset >= blocks[p].span.end && p < lastParagraph { return p + 1 }
    return p
  }

  /// The display line that shows `offset`.
  public func position(of offset: Int) -> LinePosition {
    let p = paragraph(containing: offset)
    let lines = textLines(p)
    var line = 0
    for (i, r) in lines.enumerated() where r.lowerBound <= offset { line = i }
    return LinePosition(paragraph: p, line: line)
  }

  /// The first scalar offset shown on a display line (for separators: the next paragraph's).
  public func startOffset(_ pos: LinePosition) -> Int {
    let p = clamp(pos)
    if let r = range(at: p) { return r.lowerBound }
    return p.paragraph < lastParagraph
      ? blocks[p.paragraph + 1].span.start : blocks[p.paragraph].span.end
  }

  /// The offset just after the last scalar shown on a display line.
  public func endOffset(_ pos: LinePosition) -> Int {
    let p = clamp(pos)
    if let r = range(at: p) { return r.upperBound }
    return blocks[p.paragraph].span.end
  }

  // MARK: - Wrapping

  @inline(__always)
  static func isBreakSpace(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\n" || s == "\t" || s == "\u{3000}"
  }

  /// Greedy word wrap of a span to `width` display columns. Hard-wrapped source lines are
  /// reflowed (a newline is a space); words longer than a line are cut.
  static func wrap(_ sc: [Unicode.Scalar], _ span: Span, width: Int) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var lineStart = span.start
    let end = span.end
    // skip leading blanks
    while lineStart < end && isBreakSpace(sc[lineStart]) { lineStart += 1 }
    var col = 0
    var breakAt: Int? = nil  // end of the line if broken at the last space
    var i = lineStart
    while i < end {
      let s = sc[i]
      if isBreakSpace(s) {
        let w = s == "\t" ? tabWidth - col % tabWidth : (s == "\u{3000}" ? 2 : 1)
        if col + w > width {
          lines.append(lineStart..<i)
          var j = i
          while j < end && isBreakSpace(sc[j]) { j += 1 }
          lineStart = j
          i = j
          col = 0
          breakAt = nil
          continue
        }
        breakAt = i
        col += w
        i += 1
        continue
      }
      let w = DisplayWidth.of(DisplayWidth.displayable(s))
      if col + w > width && col > 0 {
        if let b = breakAt, b > lineStart {
          lines.append(lineStart..<b)
          var j = b
          while j < end && isBreakSpace(sc[j]) { j += 1 }
          lineStart = j
          col = columns(sc, j..<i)
        } else {
          lines.append(lineStart..<i)
          lineStart = i
          col = 0
        }
        breakAt = nil
      }
      col += w
      i += 1
    }
    if lineStart < end || lines.isEmpty { lines.append(lineStart..<max(lineStart, end)) }
    // drop trailing blanks from every line
    return lines.map { r in
      var b = r.upperBound
      while b > r.lowerBound && isBreakSpace(sc[b - 1]) { b -= 1 }
      return r.lowerBound..<b
    }
  }

  static func columns(_ sc: [Unicode.Scalar], _ r: Range<Int>) -> Int {
    var col = 0
    for k in r {
      let s = sc[k]
      if s == "\t" {
        col += tabWidth - col % tabWidth
      } else if s == "\n" {
        col += 1
      } else {
        col += DisplayWidth.of(DisplayWidth.displayable(s))
      }
    }
    return col
  }
}
