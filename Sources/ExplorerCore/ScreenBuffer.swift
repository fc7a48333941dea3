/// One character cell: the scalars shown there (a base and any combining marks) and a style.
/// The right half of a double-width character is a continuation cell with no text.
public struct Cell: Hashable, Sendable {
  public var text: String
  public var style: Style
  public var isContinuation: Bool

  public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.text = text
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}

/// A grid of cells that a frame is drawn into. Rendering is a pure function into this grid;
/// the terminal then paints only the cells that changed since the last frame.
public struct ScreenBuffer: Hashable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]

  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: .blank, count: size.width * size.height)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * size.width + x] }
  }

  /// Sets a cell, mending any double-width character it cuts in half.
  mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let i = y * size.width + x
    if cells[i].isContinuation && x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
    if x + 1 < size.width && cells[i + 1].isContinuation && !cell.isContinuation {
      cells[i + 1] = Cell(" ", style: cells[i + 1].style)
    }
    cells[i] = cell
  }

  /// Fills a rectangle with blanks in a style.
  public mutating func fill(_ rect: Rect, style: Style = .plain) {
    let x0 = max(0, rect.x)
    let x1 = min(size.width, rect.maxX)
    let y0 = max(0, rect.y)
    let y1 = min(size.height, rect.maxY)
    guard x0 < x1, y0 < y1 else { return }
    for y in y0..<y1 {
      let row = y * size.width
      // A double-width character cut by either edge loses its other half too.
      if x0 > 0 && cells[row + x0].isContinuation {
        cells[row + x0 - 1] = Cell(" ", style: cells[row + x0 - 1].style)
      }
      if x1 < size.width && cells[row + x1].isContinuation {
        cells[row + x1] = Cell(" ", style: cells[row + x1].style)
      }
      for x in x0..<x1 { cells[row + x] = Cell(" ", style: style) }
    }
  }

  /// Puts one scalar at a column (a control character becomes a placeholder; a combining mark
  /// joins the cell before). Returns the next column; nothing is written past `limit`.
  @discardableResult
  public mutating func put(_ raw: Unicode.Scalar, x: Int, y: Int, limit: Int, style: Style) -> Int {
    guard y >= 0, y < size.height else { return x }
    let s = DisplayWidth.displayable(raw)
    let w = DisplayWidth.of(s)
    if w == 0 {
      if x > 0 && x - 1 < size.width {
        var owner = x - 1
        if cells[y * size.width + owner].isContinuation && owner > 0 { owner -= 1 }
        if cells[y * size.width + owner].text.unicodeScalars.count < 5 {
          cells[y * size.width + owner].text.unicodeScalars.append(s)
        }
      }
      return x
    }
    let end = min(limit, size.width)
    if x + w > end { return end }
    if x >= 0 {
      set(x, y, Cell(String(s), style: style))
      if w == 2 { set(x + 1, y, Cell("", style: style, isContinuation: true)) }
    }
    return x + w
  }

  /// Writes scalars from `x` on row `y`, never past `limit` (exclusive); control characters
  /// become placeholders. Returns the column after the last one written.
  @discardableResult
  public mutating func write<S: Sequence>(
    _ scalars: S, x: Int, y: Int, limit: Int? = nil, style: Style = .plain
  ) -> Int where S.Element == Unicode.Scalar {
    let end = min(limit ?? size.width, size.width)
    var col = x
    for s in scalars {
      let w = DisplayWidth.of(DisplayWidth.displayable(s))
      if w > 0 && col + w > end { break }
      col = put(s, x: col, y: y, limit: end, style: style)
    }
    return col
  }

  /// Writes a string (see `write(_:x:y:limit:style:)`).
  @discardableResult
  public mutating func write(
    _ string: String, x: Int, y: Int, limit: Int? = nil, style: Style = .plain
  ) -> Int {
    write(string.unicodeScalars, x: x, y: y, limit: limit, style: style)
  }

  // MARK: - Text views (tests, snapshots, captures)

  /// The text of one row, trailing blanks trimmed.
  public func line(_ y: Int) -> String {
    var s = ""
    for x in 0..<size.width {
      let c = self[x, y]
      if !c.isContinuation { s += c.text }
    }
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }

  /// Every row as text.
  public var lines: [String] { (0..<size.height).map(line) }

  /// Rows as text, then a style layer (one letter per cell) and its legend: a stable, readable
  /// snapshot format that catches changes of highlight as well as of text.
  public var snapshot: String {
    var legend: [Style: Character] = [.plain: " "]
    var order: [Style] = []
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var out = "size \(size)\n--- text\n"
    for y in 0..<size.height { out += line(y) + "\n" }
    out += "--- style\n"
    for y in 0..<size.height {
      var row = ""
      for x in 0..<size.width {
        let st = self[x, y].style
        if legend[st] == nil {
          legend[st] = order.count < letters.count ? letters[order.count] : "?"
          order.append(st)
        }
        row.append(legend[st]!)
      }
      while row.hasSuffix(" ") { row.removeLast() }
      out += row + "\n"
    }
    out += "--- legend\n"
    for st in order { out += "\(legend[st]!) \(st.code)\n" }
    return out
  }
}
