/// The help overlay: the key table, framed, scrollable.
enum HelpOverlay {
  static func draw(_ state: ExplorerState, _ buf: inout ScreenBuffer) {
    let theme = state.theme
    let size = buf.size
    let lines = lines(for: size)
    let w = frameWidth(for: size)
    let h = min(size.height - 2, lines.count + 2)
    guard w >= 10, h >= 3 else { return }
    let x0 = (size.width - w) / 2
    let y0 = max(1, (size.height - h) / 2)
    buf.fill(Rect(x: x0, y: y0, width: w, height: h), style: theme.overlay)
    let horizontal = String(repeating: "─", count: w - 2)
    buf.write("┌" + horizontal + "┐", x: x0, y: y0, style: theme.overlayBorder)
    buf.write("└" + horizontal + "┘", x: x0, y: y0 + h - 1, style: theme.overlayBorder)
    for y in (y0 + 1)..<(y0 + h - 1) {
      buf.write("│", x: x0, y: y, style: theme.overlayBorder)
      buf.write("│", x: x0 + w - 1, y: y, style: theme.overlayBorder)
    }
    buf.write(" Keys ", x: x0 + 2, y: y0, limit: x0 + w - 1, style: theme.overlayBorder)
    let footer = " Esc/q/h close · j/k scroll "
    if w > DisplayWidth.of(footer) + 4 {
      buf.write(
        footer, x: x0 + w - 2 - DisplayWidth.of(footer), y: y0 + h - 1, style: theme.overlayBorder)
    }
    let inner = h - 2
    let scroll = min(state.helpScroll, max(0, lines.count - inner))
    for row in 0..<inner {
      let i = scroll + row
      guard i < lines.count else { break }
      let line = lines[i]
      let isTitle = !line.hasPrefix(" ") && !line.isEmpty
      buf.write(
        " " + line, x: x0 + 1, y: y0 + 1 + row, limit: x0 + w - 1,
        style: isTitle ? theme.overlayBorder : theme.overlay)
      if let type = KeyMap.legendType(of: line), w > 5 {
        // the legend's mark in the type's look, as mentions are drawn
        buf.write(
          KeyMap.legendMark, x: x0 + 4, y: y0 + 1 + row, limit: x0 + w - 1,
          style: theme.overlay.overlaid(with: theme.mention(type)))
      }
    }
  }

  static func frameWidth(for size: Size) -> Int { min(size.width - 2, 86) }

  /// How far the help scrolls at a size: until its last line is at the bottom of the frame.
  static func maxScroll(for size: Size) -> Int {
    let count = lines(for: size).count
    let inner = min(size.height - 2, count + 2) - 2
    return max(0, count - max(1, inner))
  }

  /// The help's lines at a screen size: the key table, with a description too long for the
  /// frame wrapped under its column (a word too long for any line is cut at the frame).
  static func lines(for size: Size) -> [String] {
    let room = frameWidth(for: size) - 3  // inside the frame, after the leading space
    // Too narrow for the key column (26) and a description beside it: the description goes
    // under its keys, so that it is not wrapped every few words.
    let lines = room >= 46 ? KeyMap.helpLines() : KeyMap.helpLines().flatMap(stacked)
    return lines.flatMap { wrap($0, room: room) }
  }

  /// "  keys      description" as two lines: the keys, then the description indented under them.
  static func stacked(_ line: String) -> [String] {
    guard line.hasPrefix("  "), let gap = line.dropFirst(2).range(of: "  ") else { return [line] }
    let keys = line[..<gap.lowerBound]
    let description = line[gap.upperBound...].drop { $0 == " " }
    guard !description.isEmpty else { return [line] }
    return [String(keys), "    " + description]
  }

  static func wrap(_ line: String, room: Int) -> [String] {
    guard room > 0 else { return [line] }
    let indent = String(repeating: " ", count: room >= 46 ? 26 : 4)
    var out: [String] = []
    var rest = line
    while DisplayWidth.of(rest) > room {
      // the last space that fits, past the indent (so that every line makes progress)
      var col = 0
      var cut: String.Index?
      var i = rest.startIndex
      while i < rest.endIndex {
        let cw = DisplayWidth.of(String(rest[i]))
        if col + cw > room { break }
        if rest[i] == " " && col > indent.count { cut = i }
        col += cw
        i = rest.index(after: i)
      }
      guard let c = cut else { break }
      out.append(String(rest[..<c]))
      rest = indent + rest[rest.index(after: c)...].drop { $0 == " " }
    }
    out.append(rest)
    return out
  }
}
