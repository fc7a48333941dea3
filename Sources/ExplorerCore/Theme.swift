import ArticleModel

/// Every style the explorer uses, per colour mode. Without colour, entity types stay apart by
/// attributes (and the Entities pane names each group).
public struct Theme: Sendable {
  public let mode: ColorMode
  public let palette: Palette

  public init(mode: ColorMode, palette: Palette = Theme.palette) {
    self.mode = mode
    self.palette = palette
  }

  /// The user's colours (the config file), installed once by `lede` before the explorer starts.
  public static var palette = Palette()

  /// The explorer's dark-background look, or one for light terminal backgrounds, with the
  /// entity colours the user chose over it.
  public struct Palette: Equatable, Sendable {
    public var light: Bool
    /// xterm-256 colour numbers per entity type.
    public var entityColors: [EntityType: UInt8]

    public init(light: Bool = false, entityColors: [EntityType: UInt8] = [:]) {
      self.light = light
      self.entityColors = entityColors
    }
  }

  /// The extended colour for a dark background, or its stand-in on a light one.
  private func shade(_ dark: Style, light: Style) -> Style { palette.light ? light : dark }

  private func pick(_ extended: Style, _ basic: Style, _ none: Style) -> Style {
    switch mode {
    case .extended: return extended
    case .basic: return basic
    case .none: return none
    }
  }

  public var titleLine: Style {
    pick(
      Style(fg: .white, bg: Color(24, basic: 4), bold: true),
      Style(fg: .white, bg: Color(24, basic: 4), bold: true), Style(bold: true, reverse: true))
  }
  public var statusBar: Style {
    pick(
      Style(fg: Color(252, basic: 7), bg: Color(236, basic: 0)), Style(reverse: true),
      Style(reverse: true))
  }
  public var statusMessage: Style {
    pick(
      Style(fg: Color(222, basic: 3), bg: Color(236, basic: 0), bold: true),
      Style(bold: true, reverse: true), Style(bold: true, reverse: true))
  }
  public var paneHeader: Style {
    pick(
      Style(fg: Color(250, basic: 7), bg: Color(238, basic: 0)), Style(reverse: true),
      Style(underline: true))
  }
  public var focusedPaneHeader: Style {
    pick(
      Style(fg: .white, bg: Color(31, basic: 6), bold: true),
      Style(fg: .black, bg: Color(31, basic: 6), bold: true), Style(bold: true, reverse: true))
  }
  public var separator: Style { pick(Style(fg: Color(240, basic: 7)), Style(), Style()) }
  public var heading: Style {
    pick(
      shade(Style(fg: .white, bold: true), light: Style(fg: .black, bold: true)), Style(bold: true),
      Style(bold: true))
  }
  public var groupHeader: Style {
    pick(
      shade(Style(fg: Color(250, basic: 7), bold: true), light: Style(fg: Color(238, basic: 0), bold: true)),
      Style(bold: true), Style(bold: true))
  }
  public var dimText: Style {
    pick(Style(fg: Color(244, basic: 7)), Style(dim: true), Style(dim: true))
  }
  public var selection: Style {
    pick(
      Style(fg: .white, bg: Color(25, basic: 4), bold: true), Style(reverse: true),
      Style(reverse: true))
  }
  public var unfocusedSelection: Style {
    pick(
      shade(Style(bg: Color(238, basic: 0), bold: true), light: Style(bg: Color(252, basic: 7), bold: true)),
      Style(bold: true, underline: true),
      Style(bold: true, underline: true))
  }
  /// The ▸ in the article's margin on the line of the current mention or match.
  public var readingMark: Style {
    pick(Style(fg: Color(117, basic: 6), bold: true), Style(fg: Color(117, basic: 6), bold: true), Style(bold: true))
  }
  public var inView: Style {
    pick(
      Style(fg: Color(114, basic: 2), bold: true), Style(fg: Color(114, basic: 2), bold: true),
      Style(bold: true))
  }
  public var searchMatch: Style {
    pick(
      Style(fg: .black, bg: Color(186, basic: 3)), Style(fg: .black, bg: Color(186, basic: 3)),
      Style(underline: true, reverse: true))
  }
  public var currentMatch: Style {
    pick(
      Style(fg: .black, bg: Color(208, basic: 1), bold: true),
      Style(fg: .white, bg: Color(208, basic: 1), bold: true),
      Style(bold: true, underline: true, reverse: true))
  }
  /// The mention `]` `[` `*` `#` stopped on: not the current search match's look, so that a
  /// match and a mention on one screen can be told apart.
  public var mentionCursor: Style {
    pick(
      Style(fg: .black, bg: Color(117, basic: 6), bold: true, underline: true),
      Style(fg: .black, bg: Color(117, basic: 6), bold: true, underline: true),
      Style(reverse: true, dim: true))
  }
  public var selectedMention: Style {
    pick(
      Style(fg: .black, bg: Color(153, basic: 6)), Style(fg: .black, bg: Color(153, basic: 6)),
      Style(reverse: true))
  }
  public var markedSentence: Style {
    pick(
      shade(Style(bg: Color(237, basic: 4)), light: Style(bg: Color(254, basic: 7))),
      Style(bg: Color(237, basic: 4)), Style(underline: true))
  }
  public var overlay: Style {
    pick(
      shade(
        Style(fg: Color(252, basic: 7), bg: Color(235, basic: 0)),
        light: Style(fg: Color(235, basic: 0), bg: Color(254, basic: 7))), Style(), Style())
  }
  public var overlayBorder: Style {
    pick(
      shade(
        Style(fg: Color(31, basic: 6), bg: Color(235, basic: 0)),
        light: Style(fg: Color(31, basic: 6), bg: Color(254, basic: 7))), Style(bold: true),
      Style(bold: true)
    )
  }

  /// The colour of a mention of this type in the article (and of its name in the Entities pane).
  public func mention(_ type: EntityType) -> Style {
    switch mode {
    case .none:
      switch type {
      case .person: return Style(bold: true)
      case .organization: return Style(underline: true)
      case .place: return Style(bold: true, underline: true)
      case .group, .event: return Style(underline: true, dim: true)
      case .misc: return Style(dim: true)
      case .money, .percent, .quantity: return Style(bold: true, dim: true)
      }
    case .basic, .extended:
      if let n = palette.entityColors[type] { return Style(fg: Color(n, basic: Self.basic(of: n))) }
      let c: Color
      switch (type, palette.light) {
      case (.person, false): c = Color(221, basic: 3)
      case (.organization, false): c = Color(81, basic: 6)
      case (.place, false): c = Color(114, basic: 2)
      case (.group, false): c = Color(177, basic: 5)
      case (.event, false): c = Color(210, basic: 1)
      case (.misc, false): c = Color(180, basic: 7)
      case (.money, false), (.percent, false): c = Color(150, basic: 2)
      case (.quantity, false): c = Color(152, basic: 6)
      // Darker shades of the same hues for a light background.
      case (.person, true): c = Color(130, basic: 3)
      case (.organization, true): c = Color(25, basic: 4)
      case (.place, true): c = Color(28, basic: 2)
      case (.group, true): c = Color(91, basic: 5)
      case (.event, true): c = Color(124, basic: 1)
      case (.misc, true): c = Color(95, basic: 0)
      case (.money, true), (.percent, true): c = Color(22, basic: 2)
      case (.quantity, true): c = Color(30, basic: 6)
      }
      return Style(fg: c)
    }
  }

  /// The nearest of the 8 basic colours to an xterm-256 colour, for 8-colour terminals.
  static func basic(of n: UInt8) -> UInt8 {
    let rgb: (Int, Int, Int)
    switch n {
    case 0..<16: return n % 8
    case 16..<232:
      let i = Int(n) - 16
      let level = [0, 95, 135, 175, 215, 255]
      rgb = (level[i / 36], level[(i / 6) % 6], level[i % 6])
    default:
      let g = 8 + (Int(n) - 232) * 10
      rgb = (g, g, g)
    }
    // Basic colour k has red = bit 0, green = bit 1, blue = bit 2.
    let bits = [rgb.0, rgb.1, rgb.2].map { $0 >= 128 ? 1 : 0 }
    return UInt8(bits[0] | bits[1] << 1 | bits[2] << 2)
  }
}
