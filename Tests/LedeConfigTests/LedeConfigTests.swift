import ArticleModel

import XCTest

@testable import ExplorerCore
@testable import LedeConfig

/// The config file (issue 16): remaps, colours, search defaults, mouse; one line per problem.
final class LedeConfigTests: XCTestCase {
  func testAFullFileIsRead() throws {
    let c = try LedeConfig.parse(
      """
      # my lede
      [keys]
      quit = "x"
      nextMatch = ["n", "Ctrl-N"]

      [colors]
      background = "light"
      person = 25

      [search]
      case = "sensitive"
      regex = false
      fold-diacritics = false

      [ui]
      mouse = true
      """)
    XCTAssertEqual(c.keys[.quit], [.char("x")])
    XCTAssertEqual(c.keys[.nextMatch], [.char("n"), .ctrl("n")])
    XCTAssertEqual(c.background, .light)
    XCTAssertEqual(c.colors[.person], 25)
    XCTAssertEqual(c.searchCase, .sensitive)
    XCTAssertFalse(c.regex)
    XCTAssertFalse(c.foldDiacritics)
    XCTAssertTrue(c.mouse)
  }

  func testEachProblemNamesItsLine() {
    let cases: [(String, Int, String)] = [
      ("[keys]\nquit = \"x\"\nfly = \"f\"\n", 3, "unknown action 'fly'"),
      ("[keys]\nfocusEntities = \"2\"\n", 2, "digits are counts"),
      ("[colors]\n\nperson = 300\n", 3, "0 to 255"),
      ("[colors]\nhue = 3\n", 2, "unknown entity type 'hue'"),
      ("[search]\nregex = \"yes\"\n", 2, "regex is true or false"),
      ("[keys]\nquit = \"Hyper-Q\"\n", 2, "'Hyper-Q' is not a key name"),
      ("[ui]\nmouse = true\n[ui\n", 3, ""),
      ("[keys]\nquit = \"x\"\nlineDown = \"x\"\n", 3, "'x' is given to both"),
      ("colour = 3\n", 1, "unknown setting 'colour'"),
    ]
    for (text, line, problem) in cases {
      XCTAssertThrowsError(try LedeConfig.parse(text), text) { error in
        let e = error as! ConfigError
        XCTAssertEqual(e.line, line, "\(text) → \(e)")
        XCTAssertFalse(e.problem.isEmpty)
        if !problem.isEmpty { XCTAssertTrue(e.problem.contains(problem), "\(text) → \(e.problem)") }
      }
    }
  }

  func testABadFileGivesOneLineAndTheDefaults() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("config.toml").path
    try Data("[ui]\nmouse = maybe\n".utf8).write(to: URL(fileURLWithPath: path))
    let (c, warning) = LedeConfig.load(path: path)
    XCTAssertEqual(c, LedeConfig())
    let w = try XCTUnwrap(warning)
    XCTAssertTrue(w.hasPrefix("\(path):2: "), w)
    XCTAssertFalse(w.contains("\n"))
    XCTAssertNil(LedeConfig.load(path: dir.appendingPathComponent("none.toml").path).warning)
  }

  func testRemapsReplaceAnActionsKeysAndFreeThemElsewhere() throws {
    let c = try LedeConfig.parse("[keys]\nnextMatch = [\"j\"]\n")
    let b = c.bindings(KeyMap.bindings)
    XCTAssertEqual(b.first { $0.action == .nextMatch && $0.scope == .main }?.keys, [.char("j")])
    let down = b.first { $0.action == .lineDown && $0.scope == .main }!
    XCTAssertFalse(down.keys.contains(.char("j")), "j is nextMatch's now")
    XCTAssertTrue(down.keys.contains(.down))
    let helpDown = b.first { $0.action == .lineDown && $0.scope == .help }!
    XCTAssertTrue(helpDown.keys.contains(.char("j")), "the help keeps its own keys")
  }

  func testKeyNamesRoundTripThroughTheHelpsNames() {
    for b in KeyMap.bindings { for k in b.keys { XCTAssertEqual(Key(name: k.name), k, k.name) } }
  }

  func testPrintedConfigReadsBackAsTheSameSettings() throws {
    var c = LedeConfig()
    c.colors[.place] = 34
    c.background = .light
    c.mouse = true
    c.keys[.quit] = [.char("x"), .ctrl("q")]
    let text = c.printed(path: "test", bindings: KeyMap.bindings)
    let back = try LedeConfig.parse(text)
    XCTAssertEqual(back.colors, c.colors)
    XCTAssertEqual(back.background, .light)
    XCTAssertTrue(back.mouse)
    XCTAssertEqual(back.keys[.quit], [.char("x"), .ctrl("q")])
  }

  func testDefaultPathFollowsXDG() {
    XCTAssertEqual(
      LedeConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/lede/config.toml")
    XCTAssertEqual(LedeConfig.defaultPath(environment: ["HOME": "/h"]), "/h/.config/lede/config.toml")
  }
}

/// The settings reach the explorer: the key table, the theme and the search modes read them.
final class ConfigWiringTests: XCTestCase {
  override func tearDown() {
    KeyMap.configure(KeyMap.defaults)
    Theme.palette = Theme.Palette()
    SearchIndex.options = SearchIndex.Options()
  }

  func testARemapChangesWhatAKeyDoesAndTheHelp() throws {
    let c = try LedeConfig.parse("[keys]\nquit = \"x\"\n")
    XCTAssertEqual(KeyMap.action(for: .char("q"), in: .main), .quit)
    KeyMap.configure(c.bindings(KeyMap.defaults))
    XCTAssertEqual(KeyMap.action(for: .char("x"), in: .main), .quit)
    XCTAssertNil(KeyMap.action(for: .char("q"), in: .main))
    XCTAssertTrue(KeyMap.helpLines().contains { $0.hasPrefix("  x ") && $0.hasSuffix("Quit") })
  }

  func testEntityColoursAndTheLightBackground() {
    let dark = Theme(mode: .extended, palette: .init())
    let light = Theme(mode: .extended, palette: .init(light: true))
    let mine = Theme(mode: .extended, palette: .init(entityColors: [.person: 196]))
    XCTAssertNotEqual(dark.mention(.person), light.mention(.person))
    XCTAssertNotEqual(dark.heading, light.heading)
    XCTAssertEqual(mine.mention(.person).fg, Color(196, basic: 1))
    XCTAssertEqual(mine.mention(.place), dark.mention(.place))
    XCTAssertEqual(Theme.basic(of: 21), 4, "pure blue")
    XCTAssertEqual(Theme.basic(of: 46), 2, "pure green")
    XCTAssertEqual(Theme.basic(of: 231), 7, "white")
    let none = Theme(mode: .none, palette: .init(entityColors: [.person: 196]))
    XCTAssertNil(none.mention(.person).fg, "no colour means no colour")
  }

  func testSearchCaseAndAccentSettings() {
    XCTAssertFalse(SearchIndex.Mode("natasha").accentSensitive)
    XCTAssertTrue(SearchIndex.Mode("natasha", options: .init(foldAccents: false)).accentSensitive)
    XCTAssertTrue(SearchIndex.Mode("pierre", options: .init(caseMode: .sensitive)).caseSensitive)
    XCTAssertFalse(SearchIndex.Mode("Pierre", options: .init(caseMode: .insensitive)).caseSensitive)
  }
}
