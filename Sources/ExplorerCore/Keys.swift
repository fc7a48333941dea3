import ArticleModel

/// A key as the explorer sees it; the terminal adapter decodes raw input into these.
public enum Key: Hashable, Sendable {
  /// A printable character (" " is Space).
  case char(Character)
  /// Ctrl and a letter, lower case: `.ctrl("d")`.
  case ctrl(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)

  /// The name shown in help and docs.
  public var name: String {
    switch self {
    case .char(" "): return "Space"
    case .char(let c): return String(c)
    case .ctrl(let c): return "Ctrl-" + c.uppercased()
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .function(let n): return "F\(n)"
    }
  }
}

/// Everything a key can ask for. Pane-dependent meaning (scroll the article or move a list's
/// selection) is decided by `ExplorerState.apply`, so each key is bound once.
public enum Action: String, CaseIterable, Sendable {
  case quit, toggleHelp, close
  case count
  case focusNextPane, focusPreviousPane
  case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom, goToPercent
  case nextHeading, previousHeading
  case search, searchBackward, nextMatch, previousMatch
  case nextMention, previousMention, nextMentionOfEntity, previousMentionOfEntity
  case nextFile, previousFile
  case activate, redraw, suspend, setMark, goToMark, fileInfo
  case confirmPrompt, cancelPrompt, olderPattern, newerPattern, deleteBackward, toggleLiteral
  case showLibrary, sortList, listMentions, toggleTimelineValues
  case filterEntities, sortEntities
  case filterParagraphs
}

/// Where a binding applies: the normal screen, the help overlay or the search prompt.
public enum KeyScope: String, CaseIterable, Sendable {
  case main, help, prompt, filter, library

  public var title: String {
    switch self {
    case .main: return "Explorer"
    case .help: return "Help screen"
    case .prompt: return "Search prompt"
    case .filter: return "Entities filter prompt (other keys type the filter)"
    case .library: return "Library (several files or a folder; other keys type the filter)"
    }
  }
}

/// Keys, the action they trigger and the help line that describes them.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var action: Action
  public var help: String
  public var scope: KeyScope

  public init(_ keys: [Key], _ action: Action, _ help: String, scope: KeyScope = .main) {
    self.keys = keys
    self.action = action
    self.help = help
    self.scope = scope
  }
}

/// The one table of key bindings. Lookup, the help overlay and docs/keys.md all read it.
public enum KeyMap {
  /// The bindings in effect: the built-in table, or the user's remaps over it (`configure`).
  public private(set) static var bindings: [KeyBinding] = defaults

  /// Installs the bindings in effect (the config file's remaps). Called once by `lede`, before
  /// the explorer starts and before any other thread reads the table.
  public static func configure(_ newBindings: [KeyBinding]) {
    bindings = newBindings
    table = makeTable(newBindings)
  }

  /// The built-in table.
  public static let defaults: [KeyBinding] = [
    KeyBinding([.char("q"), .char("Q"), .ctrl("c")], .quit, "Quit"),
    KeyBinding([.char("h"), .function(1)], .toggleHelp, "Show this help"),
    KeyBinding([.escape], .close, "Close the help; clear the highlights and the message"),
    KeyBinding(
      "1234567890".map { .char($0) }, .count,
      "A count for the next key, as in less and vim: 5j, 10 Space (lines), 100G (line 100), 50% (50 per cent), 3n, 3], 3/pattern (the third match), 2 Tab (pane 2); Esc cancels"),
    KeyBinding([.tab], .focusNextPane, "Focus the next pane; with a count N, pane N (1 Article, 2 Entities, 3 Timeline)"),
    KeyBinding([.backTab], .focusPreviousPane, "Focus the previous pane"),
    KeyBinding(
      [.char("j"), .down, .char("e"), .ctrl("e"), .ctrl("n")], .lineDown,
      "Scroll down a line / select the next item"),
    KeyBinding(
      [.char("k"), .up, .char("y"), .ctrl("y"), .ctrl("p")], .lineUp,
      "Scroll up a line / select the previous item"),
    KeyBinding([.char(" "), .pageDown, .char("f"), .ctrl("f"), .char("z")], .pageDown, "Page down (with a count N: N lines, as in less)"),
    KeyBinding([.char("b"), .pageUp, .ctrl("b"), .char("w")], .pageUp, "Page up (with a count N: N lines)"),
    KeyBinding([.ctrl("d"), .char("d")], .halfPageDown, "Half a page down (with a count N: N lines)"),
    KeyBinding([.ctrl("u"), .char("u")], .halfPageUp, "Half a page up (with a count N: N lines)"),
    KeyBinding([.char("g"), .home, .char("<")], .top, "Go to the top / first item; with a count N, line N / item N"),
    KeyBinding([.char("G"), .end, .char(">")], .bottom, "Go to the end / last item; with a count N, line N / item N"),
    KeyBinding([.char("%"), .char("p")], .goToPercent, "Go N per cent of the way in (50%, as in less; no count: the top)"),
    KeyBinding([.char(")")], .nextHeading, "Next heading or chapter (a title, a heading line such as CHAPTER IV)"),
    KeyBinding([.char("(")], .previousHeading, "Previous heading or chapter"),
    KeyBinding([.char("/")], .search, "Search: a regular expression, or literal text with Ctrl-R; incremental; smart case and accents (natasha finds Natásha)"),
    KeyBinding([.char("?")], .searchBackward, "Search backward, as in less (n then goes on backward)"),
    KeyBinding([.char("n")], .nextMatch, "Next search match (in the search's direction; 3n: the third)"),
    KeyBinding([.char("N")], .previousMatch, "Previous search match"),
    KeyBinding(
      [.char("&")], .filterParagraphs,
      "Show only the paragraphs that match a pattern, as less's & (searches stay inside); & then Enter alone shows all"),
    KeyBinding([.char("]")], .nextMention, "Next entity mention in the text"),
    KeyBinding([.char("[")], .previousMention, "Previous entity mention in the text"),
    KeyBinding([.char("*")], .nextMentionOfEntity, "Next mention of the selected entity"),
    KeyBinding([.char("#")], .previousMentionOfEntity, "Previous mention of the selected entity"),
    KeyBinding([.char("}")], .nextFile, "Next file (when several files or a folder were given)"),
    KeyBinding([.char("{")], .previousFile, "Previous file"),
    KeyBinding([.enter], .activate, "Article: the mention's entity; Entities: its first mention; Timeline: its sentence"),
    KeyBinding([.char("m")], .setMark, "Mark the place: m then a letter"),
    KeyBinding([.char("'")], .goToMark, "Go to a mark: ' then its letter; '' back before the jump"),
    KeyBinding([.ctrl("g"), .char("=")], .fileInfo, "Where you are: file, paragraph, %, document date"),
    KeyBinding(
      [.char("v")], .toggleTimelineValues,
      "Timeline: exact TIMEX3 values (2014-06, P1Y) instead of words (June 2014, every year); again: words"),
    KeyBinding(
      [.char("F")], .filterEntities,
      "Entities: filter by name or alias as you type (case and accents aside); Esc there clears it"),
    KeyBinding(
      [.char("s")], .sortEntities, "Entities: sort by count, name or first appearance (cycles)"),
    KeyBinding([.ctrl("l")], .redraw, "Redraw the screen"),
    KeyBinding([.ctrl("z")], .suspend, "Suspend (resume with fg)"),

    KeyBinding(
      [.escape, .char("q"), .char("h"), .function(1)], .close, "Close the help", scope: .help),
    KeyBinding(
      [.char("j"), .down, .char("e"), .ctrl("e"), .ctrl("n")], .lineDown, "Scroll the help down",
      scope: .help),
    KeyBinding(
      [.char("k"), .up, .char("y"), .ctrl("y"), .ctrl("p")], .lineUp, "Scroll the help up",
      scope: .help),
    KeyBinding(
      [.char(" "), .pageDown, .char("f"), .ctrl("f"), .char("z")], .pageDown, "Page the help down",
      scope: .help),
    KeyBinding(
      [.char("b"), .pageUp, .ctrl("b"), .char("w")], .pageUp, "Page the help up", scope: .help),
    KeyBinding([.char("g"), .home, .char("<")], .top, "The help's top", scope: .help),
    KeyBinding([.char("G"), .end, .char(">")], .bottom, "The help's end", scope: .help),
    KeyBinding([.ctrl("c")], .quit, "Quit", scope: .help),

    KeyBinding([.enter], .confirmPrompt, "Confirm the search", scope: .prompt),
    KeyBinding(
      [.escape, .ctrl("c")], .cancelPrompt, "Cancel and restore the view", scope: .prompt),
    KeyBinding([.up], .olderPattern, "Recall an earlier pattern", scope: .prompt),
    KeyBinding([.down], .newerPattern, "Recall a later pattern", scope: .prompt),
    KeyBinding([.backspace, .ctrl("h")], .deleteBackward, "Delete a character", scope: .prompt),
    KeyBinding(
      [.ctrl("r")], .toggleLiteral,
      "Literal search: . * [ ( and the other metacharacters match themselves (again: regex)",
      scope: .prompt),

    KeyBinding([.enter], .confirmPrompt, "Keep the filter", scope: .filter),
    KeyBinding([.escape, .ctrl("c")], .cancelPrompt, "Clear the filter", scope: .filter),
    KeyBinding([.backspace, .ctrl("h")], .deleteBackward, "Delete a character", scope: .filter),
  ] + libraryBindings

  /// The Library view's keys (and the main screen's key back to it); letters type the filter.
  static let libraryBindings: [KeyBinding] = [
    KeyBinding(
      [.char("L"), .backspace], .showLibrary,
      "Back to the library (with an entity selected: the articles that mention it)"),
    KeyBinding(
      [.char("M")], .listMentions,
      "Every mention of the selected entity in its sentence (across the library in a library)"),
    KeyBinding(
      [.down, .ctrl("n")], .lineDown, "Select the next row", scope: .library),
    KeyBinding([.up, .ctrl("p"), .ctrl("k")], .lineUp, "Select the previous row", scope: .library),
    KeyBinding([.pageDown, .ctrl("f")], .pageDown, "Page down", scope: .library),
    KeyBinding([.pageUp, .ctrl("b")], .pageUp, "Page up", scope: .library),
    KeyBinding([.home], .top, "First row", scope: .library),
    KeyBinding([.end], .bottom, "Last row", scope: .library),
    KeyBinding(
      [.enter], .activate,
      "Articles: open it; Entities: its articles and mentions; Mentions, Timeline, Search: go there",
      scope: .library),
    KeyBinding(
      [.tab], .focusNextPane, "Next list: Articles, Entities, Mentions, Timeline, Search",
      scope: .library),
    KeyBinding([.backTab], .focusPreviousPane, "Previous list", scope: .library),
    KeyBinding(
      [.ctrl("s")], .sortList,
      "Sort: articles by date, title, source; entities by articles, mentions, name",
      scope: .library),
    KeyBinding(
      [.backspace, .ctrl("h")], .deleteBackward, "Delete a character of the filter",
      scope: .library),
    KeyBinding(
      [.escape], .close, "Clear the filter; again: forget the entity chosen", scope: .library),
    KeyBinding([.ctrl("c"), .ctrl("q")], .quit, "Quit", scope: .library),
    KeyBinding([.ctrl("l")], .redraw, "Redraw the screen", scope: .library),
    KeyBinding([.ctrl("z")], .suspend, "Suspend (resume with fg)", scope: .library),
  ]

  private static var table: [KeyScope: [Key: Action]] = makeTable(defaults)

  private static func makeTable(_ bindings: [KeyBinding]) -> [KeyScope: [Key: Action]] {
    var t: [KeyScope: [Key: Action]] = [:]
    for b in bindings {
      for k in b.keys where t[b.scope, default: [:]][k] == nil {
        t[b.scope, default: [:]][k] = b.action
      }
    }
    return t
  }

  /// The action bound to a key in a scope, if any.
  public static func action(for key: Key, in scope: KeyScope) -> Action? {
    table[scope]?[key]
  }

  /// The help overlay's lines: per scope, the keys and what they do.
  public static func helpLines() -> [String] {
    var out: [String] = []
    for scope in KeyScope.allCases {
      if !out.isEmpty { out.append("") }
      out.append(scope.title)
      for b in bindings where b.scope == scope {
        let keys = b.keys.map(\.name).joined(separator: " ")
        let pad = String(repeating: " ", count: max(1, 24 - DisplayWidth.of(keys)))
        out.append("  " + keys + pad + b.help)
      }
    }
    out.append("")
    out.append("Mouse (with --mouse)")
    out.append("  click                   Focus a pane; select an entity, a date or a mention")
    out.append("  wheel                   Scroll the pane under the pointer")
    out += legendLines()
    return out
  }

  /// What the colours and marks mean: one line per entity type (its ■ drawn in the type's
  /// colour, or attribute without colour), then the marks of the panes and the title bar.
  static func legendLines() -> [String] {
    var out = ["", "Legend"]
    for type in EntityType.allCases {
      out.append("  " + legendMark + " " + EntityGroupNames.plural(type))
    }
    out.append("  " + "▸ and a lit row".padding(toLength: 24, withPad: " ", startingAt: 0) + "The selected item, in every list (Entities, Timeline, Library)")
    out.append("  " + "▸ in the margin".padding(toLength: 24, withPad: " ", startingAt: 0) + "Article: the line of the mention or match gone to (Enter acts on it)")
    out.append("  ●                       Timeline: a date whose sentence is in the article's view")
    out.append("  ~ / about               An approximate date (\"in the 4 years since\" → about 2010)")
    out.append("  ? after a date          Its year comes from a guessed document date (\"June 2014?\")")
    out.append("  ] [ and * #             ] [ walk every entity's mentions, * # the selected entity's")
    out.append("  title bar, right        The article's date (--date, its dateline or its text), else undated")
    return out
  }

  /// The mark drawn in a type's style in the help's legend.
  static let legendMark = "■"

  /// The entity type a legend line stands for, if it is one.
  static func legendType(of line: String) -> EntityType? {
    let prefix = "  " + legendMark + " "
    guard line.hasPrefix(prefix) else { return nil }
    let name = line.dropFirst(prefix.count)
    return EntityType.allCases.first { EntityGroupNames.plural($0) == name }
  }

  /// The key table in Markdown, for the README (docs/keys.md is checked against it).
  public static func markdown() -> String {
    var out = "# lede keys\n\nGenerated from `KeyMap.bindings` (Sources/ExplorerCore/Keys.swift).\n"
    for scope in KeyScope.allCases {
      out += "\n## \(scope.title)\n\n| Keys | Action |\n| --- | --- |\n"
      for b in bindings where b.scope == scope {
        let keys = b.keys.map { "`" + ($0.name == "`" ? "\\`" : $0.name) + "`" }.joined(
          separator: ", ")
        out += "| \(keys.replacingOccurrences(of: "|", with: "\\|")) | \(b.help) |\n"
      }
    }
    out +=
      "\nIn the search prompt, other keys type the pattern. With `--mouse`, a click focuses a pane"
    out += " and selects an item (an entity, a date, a mention in the text), and the wheel scrolls.\n"
    return out
  }
}
