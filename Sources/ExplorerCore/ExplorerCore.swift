import ArticleModel

/// The explorer's logic lives here (state, actions, key table, layout, rendering).
public enum ExplorerCore {
  public static let name = "ExplorerCore"
}
