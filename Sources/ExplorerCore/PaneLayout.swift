/// The explorer's three panes.
public enum Pane: Int, CaseIterable, Sendable {
  case article, entities, timeline

  public var title: String {
    switch self {
    case .article: return "Article"
    case .entities: return "Entities"
    case .timeline: return "Timeline"
    }
  }
}

/// Where everything goes for a terminal size: the title line, the panes and the status bar.
/// Wide terminals show the article left and entities over timeline right; narrow ones show
/// the focused pane alone.
public struct PaneLayout: Sendable, Equatable {
  public static let minimumSize = Size(width: 20, height: 6)
  public static let wideWidth = 90

  public let size: Size
  public let tooSmall: Bool
  public let isWide: Bool
  public let titleRow: Rect
  public let statusRow: Rect
  /// Each pane's rectangle, header line included; nil when not shown.
  public let panes: [Pane: Rect]
  /// The vertical line between the article and the right column (wide only).
  public let separator: Rect?

  public init(size: Size, focus: Pane) {
    self.size = size
    tooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    isWide = size.width >= Self.wideWidth
    titleRow = Rect(x: 0, y: 0, width: size.width, height: 1)
    statusRow = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
    let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
    if tooSmall {
      panes = [:]
      separator = nil
    } else if isWide {
      let right = max(30, size.width * 2 / 5)
      let left = size.width - right - 1
      let entitiesHeight = (body.height + 1) / 2
      panes = [
        .article: Rect(x: 0, y: body.y, width: left, height: body.height),
        .entities: Rect(x: left + 1, y: body.y, width: right, height: entitiesHeight),
        .timeline: Rect(
          x: left + 1, y: body.y + entitiesHeight, width: right,
          height: body.height - entitiesHeight),
      ]
      separator = Rect(x: left, y: body.y, width: 1, height: body.height)
    } else {
      panes = [focus: body]
      separator = nil
    }
  }

  /// The lines under a pane's header.
  public func content(_ pane: Pane) -> Rect? {
    guard let r = panes[pane] else { return nil }
    return Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1)
  }

  /// The article's text width: the pane less a margin each side. Independent of focus.
  public static func articleTextWidth(for size: Size) -> Int {
    let layout = PaneLayout(size: size, focus: .article)
    guard let r = layout.panes[.article] else { return max(1, size.width - 2) }
    return max(1, r.width - 2)
  }

  /// Rows of article text shown for a size.
  public static func articleTextHeight(for size: Size) -> Int {
    let layout = PaneLayout(size: size, focus: .article)
    return max(1, (layout.content(.article)?.height ?? 1))
  }

  /// Rows of a list pane for a size (as if focused, in narrow mode).
  public static func listHeight(_ pane: Pane, for size: Size) -> Int {
    let layout = PaneLayout(size: size, focus: pane)
    return max(1, layout.content(pane)?.height ?? 1)
  }
}
