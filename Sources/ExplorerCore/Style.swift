/// A colour as the renderer asks for it: a 256-colour index and the 8-colour fallback, so
/// the terminal picks whichever it can show.
public struct Color: Hashable, Sendable {
  /// 0–255, the xterm palette.
  public var index256: UInt8
  /// 0–7: black, red, green, yellow, blue, magenta, cyan, white.
  public var basic: UInt8

  public init(_ index256: UInt8, basic: UInt8) {
    self.index256 = index256
    self.basic = basic
  }

  public static let black = Color(16, basic: 0)
  public static let white = Color(255, basic: 7)
}

/// How much colour the screen may use. `.none` when NO_COLOR is set, `--no-color` is given or
/// the terminal has no colours: then styles fall back to attributes.
public enum ColorMode: String, Sendable {
  case none, basic, extended
}

/// The look of one cell: colours and attributes. The terminal maps it to ncurses pairs.
public struct Style: Hashable, Sendable {
  public var fg: Color?
  public var bg: Color?
  public var bold = false
  public var underline = false
  public var reverse = false
  public var dim = false

  public init(
    fg: Color? = nil, bg: Color? = nil, bold: Bool = false, underline: Bool = false,
    reverse: Bool = false, dim: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }

  public static let plain = Style()

  /// A short stable code, for snapshot legends.
  public var code: String {
    var parts: [String] = []
    if let fg { parts.append("fg\(fg.index256)/\(fg.basic)") }
    if let bg { parts.append("bg\(bg.index256)/\(bg.basic)") }
    if bold { parts.append("bold") }
    if underline { parts.append("underline") }
    if reverse { parts.append("reverse") }
    if dim { parts.append("dim") }
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }

  /// This style with another laid over it: set colours and attributes of `top` win.
  func overlaid(with top: Style) -> Style {
    var s = self
    if let fg = top.fg { s.fg = fg }
    if let bg = top.bg { s.bg = bg }
    s.bold = s.bold || top.bold
    s.underline = s.underline || top.underline
    s.reverse = s.reverse || top.reverse
    s.dim = s.dim || top.dim
    return s
  }
}
