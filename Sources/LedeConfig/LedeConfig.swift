import ArticleModel
import ExplorerCore
import Foundation
import TOMLKit

/// The user's settings from `$XDG_CONFIG_HOME/lede/config.toml` (`~/.config/lede/config.toml`):
/// key remaps, colours per entity type and a light-background theme, search defaults, the mouse.
/// A bad file gives one line naming the file, the line and the problem, and lede goes on with
/// the defaults (docs/config.md; `lede --print-config` shows the effective settings).
public struct LedeConfig: Equatable, Sendable {
  public enum Background: String, CaseIterable, Sendable { case dark, light }
  public enum CaseMode: String, CaseIterable, Sendable { case smart, sensitive, insensitive }

  /// Keys that replace an action's keys on the main screen, by action name.
  public var keys: [Action: [Key]] = [:]
  public var background: Background = .dark
  /// xterm-256 colour index per entity type, over the theme's.
  public var colors: [EntityType: UInt8] = [:]
  public var searchCase: CaseMode = .smart
  /// Search patterns are regular expressions (false: literal text).
  public var regex = true
  /// A pattern without accents matches accented text ("natasha" finds "Natásha").
  public var foldDiacritics = true
  public var mouse = false

  public init() {}

  /// Where the file is looked for: `$XDG_CONFIG_HOME/lede/config.toml`, else `~/.config/...`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/lede/config.toml" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.config/lede/config.toml"
  }

  /// The settings in the file, or the defaults and one line saying why the file was not used.
  /// A missing file is no error.
  public static func load(path: String) -> (config: LedeConfig, warning: String?) {
    guard FileManager.default.fileExists(atPath: path) else { return (LedeConfig(), nil) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (LedeConfig(), "\(path): cannot be read; using the defaults")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (LedeConfig(), "\(path): not UTF-8 text; using the defaults")
    }
    do {
      return (try parse(text), nil)
    } catch let e as ConfigError {
      return (LedeConfig(), "\(path):\(e.line): \(e.problem); using the defaults")
    } catch {
      return (LedeConfig(), "\(path): \(error); using the defaults")
    }
  }

  /// Parses the TOML text; throws a `ConfigError` with the line of the first problem.
  public static func parse(_ text: String) throws -> LedeConfig {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      throw ConfigError(line: e.source.begin.line, problem: e.description)
    }
    let lines = LineFinder(text)
    var c = LedeConfig()
    for key in table.keys {
      guard let section = table[key]?.table, ["keys", "colors", "search", "ui"].contains(key) else {
        throw ConfigError(
          line: lines.line(of: key, in: nil),
          problem: "unknown setting '\(key)' (the tables are [keys], [colors], [search] and [ui])")
      }
      for name in section.keys {
        let value = section[name]!
        let line = lines.line(of: name, in: key)
        func fail(_ problem: String) -> ConfigError { ConfigError(line: line, problem: problem) }
        switch key {
        case "keys":
          guard let action = Action.allCases.first(where: { $0.rawValue == name }) else {
            if ["focusArticle", "focusEntities", "focusTimeline"].contains(name) {
              throw fail(
                "'\(name)' is gone: digits are counts (5j, 100G), and a count before Tab focuses"
                  + " that pane (2 Tab: the entities); remap focusNextPane instead")
            }
            throw fail("unknown action '\(name)' in [keys]")
          }
          let names: [String]
          if let s = value.string {
            names = [s]
          } else if let a = value.array, a.allSatisfy({ $0.string != nil }) {
            names = a.map { $0.string! }
          } else {
            throw fail("[keys] \(name) takes a key name or a list of them, as \"Ctrl-D\" or [\"j\", \"Down\"]")
          }
          var parsed: [Key] = []
          for n in names {
            guard let k = Key(name: n) else { throw fail("'\(n)' is not a key name (try \"x\", \"Ctrl-X\", \"Space\", \"PgDn\", \"F2\")") }
            parsed.append(k)
          }
          c.keys[action] = parsed
        case "colors":
          if name == "background" {
            guard let s = value.string, let b = Background(rawValue: s) else {
              throw fail("background is \"dark\" or \"light\"")
            }
            c.background = b
            continue
          }
          guard let type = EntityType.allCases.first(where: { $0.rawValue.lowercased() == name }) else {
            throw fail(
              "unknown entity type '\(name)' in [colors] (background, "
                + EntityType.allCases.map { $0.rawValue.lowercased() }.joined(separator: ", ") + ")")
          }
          guard let n = value.int, (0...255).contains(n) else {
            throw fail("\(name) takes an xterm colour number, 0 to 255")
          }
          c.colors[type] = UInt8(n)
        case "search":
          switch name {
          case "case":
            guard let s = value.string, let m = CaseMode(rawValue: s) else {
              throw fail("case is \"smart\", \"sensitive\" or \"insensitive\"")
            }
            c.searchCase = m
          case "regex":
            guard let b = value.bool else { throw fail("regex is true or false") }
            c.regex = b
          case "fold-diacritics":
            guard let b = value.bool else { throw fail("fold-diacritics is true or false") }
            c.foldDiacritics = b
          default: throw fail("unknown setting '\(name)' in [search] (case, regex, fold-diacritics)")
          }
        default:  // ui
          guard name == "mouse" else { throw fail("unknown setting '\(name)' in [ui] (mouse)") }
          guard let b = value.bool else { throw fail("mouse is true or false") }
          c.mouse = b
        }
      }
    }
    // Two actions on one key would make one of them unreachable.
    var owner: [Key: Action] = [:]
    for (action, keys) in c.keys.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      for k in keys {
        if let other = owner[k] {
          // Reported where the second of the two is set.
          let (a, b) = (lines.line(of: other.rawValue, in: "keys"), lines.line(of: action.rawValue, in: "keys"))
          let (first, second) = a < b ? (other, action) : (action, other)
          throw ConfigError(
            line: max(a, b),
            problem: "'\(k.name)' is given to both \(first.rawValue) and \(second.rawValue)")
        }
        owner[k] = action
      }
    }
    return c
  }

  /// The main screen's bindings with the remaps applied: a remapped action has exactly the keys
  /// given, and a key given to it is taken from any other action that had it.
  public func bindings(_ base: [KeyBinding]) -> [KeyBinding] {
    guard !keys.isEmpty else { return base }
    let taken = Set(keys.values.joined())
    return base.map { b in
      guard b.scope == .main else { return b }
      var b = b
      if let mine = keys[b.action] { b.keys = mine } else { b.keys.removeAll { taken.contains($0) } }
      return b
    }
  }

  /// The effective settings as a config file (`lede --print-config`).
  public func printed(path: String, bindings: [KeyBinding]) -> String {
    var out = "# lede settings in effect (from \(path), or the defaults)\n\n[keys]\n"
    var seen = Set<Action>()
    for b in self.bindings(bindings) where b.scope == .main && !seen.contains(b.action) {
      seen.insert(b.action)
      let names = b.keys.map { "\"" + $0.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
      out += "\(b.action.rawValue) = [\(names.joined(separator: ", "))]\n"
    }
    out += "\n[colors]\nbackground = \"\(background.rawValue)\"\n"
    for t in EntityType.allCases {
      if let n = colors[t] {
        out += "\(t.rawValue.lowercased()) = \(n)\n"
      } else {
        out += "# \(t.rawValue.lowercased()) = (theme default)\n"
      }
    }
    out += "\n[search]\ncase = \"\(searchCase.rawValue)\"\nregex = \(regex)\n"
    out += "fold-diacritics = \(foldDiacritics)\n\n[ui]\nmouse = \(mouse)\n"
    return out
  }
}

/// A problem in the config file, at a line (1-based).
public struct ConfigError: Error, Equatable {
  public var line: Int
  public var problem: String
}

/// Finds the line where a key is set, for error messages (TOMLKit keeps no positions for
/// values): the first `name =` line inside `[table]`, else the table's header, else line 1.
struct LineFinder {
  let lines: [Substring]

  init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

  func line(of key: String, in table: String?) -> Int {
    var current: String? = nil
    var header = 1
    for (i, raw) in lines.enumerated() {
      let l = raw.trimmingCharacters(in: .whitespaces)
      if l.hasPrefix("[") {
        current = l.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
        if current == table { header = i + 1 }
        if table == nil && current == key { return i + 1 }
        continue
      }
      guard current == table else { continue }
      let name = l.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces)
      if name == key || name == "\"\(key)\"" { return i + 1 }
    }
    return header
  }
}

extension Key {
  /// The key a name stands for: the names the help shows ("j", "Space", "Ctrl-D", "PgDn", "F2").
  public init?(name: String) {
    let named: [String: Key] = [
      "Space": .char(" "), "Up": .up, "Down": .down, "Left": .left, "Right": .right,
      "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end, "Enter": .enter,
      "Esc": .escape, "Tab": .tab, "Shift-Tab": .backTab, "Backspace": .backspace,
      "Delete": .delete,
    ]
    if let k = named[name] {
      self = k
    } else if name.count == 1, let c = name.first, !c.isWhitespace, c.isASCII ? (c.asciiValue! >= 0x21 && c.asciiValue! < 0x7F) : true {
      self = .char(c)
    } else if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let c = name.last, c.isLetter, c.isASCII {
      self = .ctrl(Character(c.lowercased()))
    } else if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) {
      self = .function(n)
    } else {
      return nil
    }
  }
}
