import ArticleModel

/// Every style the explorer uses, per colour mode. Without colour, entity types stay apart by
/// attributes (and the Entities pane names each group).
public struct Theme: Sendable {
  public let mode: ColorMode

  public init(mode: ColorMode) { self.mode = mode }

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
    pick(Style(fg: .white, bold: true), Style(bold: true), Style(bold: true))
  }
  public var groupHeader: Style {
    pick(Style(fg: Color(250, basic: 7), bold: true), Style(bold: true), Style(bold: true))
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
      Style(bg: Color(238, basic: 0), bold: true), Style(bold: true, underline: true),
      Style(bold: true, underline: true))
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
    pick(Style(bg: Color(237, basic: 4)), Style(bg: Color(237, basic: 4)), Style(underline: true))
  }
  public var overlay: Style {
    pick(Style(fg: Color(252, basic: 7), bg: Color(235, basic: 0)), Style(), Style())
  }
  public var overlayBorder: Style {
    pick(
      Style(fg: Color(31, basic: 6), bg: Color(235, basic: 0)), Style(bold: true), Style(bold: true)
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
      let c: Color
      switch type {
      case .person: c = Color(221, basic: 3)
      case .organization: c = Color(81, basic: 6)
      case .place: c = Color(114, basic: 2)
      case .group: c = Color(177, basic: 5)
      case .event: c = Color(210, basic: 1)
      case .misc: c = Color(180, basic: 7)
      case .money: c = Color(150, basic: 2)
      case .percent: c = Color(150, basic: 2)
      case .quantity: c = Color(152, basic: 6)
      }
      return Style(fg: c)
    }
  }
}
