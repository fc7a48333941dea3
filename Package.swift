// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "lede",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lede", targets: ["lede"]),
    .library(name: "ArticleModel", targets: ["ArticleModel"]),
    .library(name: "LibraryIndex", targets: ["LibraryIndex"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SQLite through the system library (Debian's libsqlite3-dev, see `make deps`).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // The document model: loading, structure, entities, time expressions. Foundation only.
    .target(
      name: "ArticleModel",
      dependencies: ["WebArticle"],
      exclude: [],
      resources: [.copy("Resources")]
    ),
    // ncursesw, seen through a shim header (see docs/DECISIONS.md).
    .systemLibrary(
      name: "CNCurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // libxml2 (HTML and XML parsers), seen through a shim header that fixes the safe options.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Web pages and feeds: parsing with libxml2, finding the article, metadata, feed items.
    .target(name: "WebArticle", dependencies: ["CLibXML2"]),
    // Training and evaluation: the tagger's trainer, the CoNLL-2003 and TimeML readers and
    // scorers, the extraction benchmark. Only the `lede` executable (eval-ner, train-ner,
    // eval-timex, eval-extract, bench) links it; the explorer's modules never do. It reaches the
    // tagger's internals through `package` access.
    .target(name: "LedeTraining", dependencies: ["ArticleModel", "WebArticle"]),
    // The explorer's logic: state, actions, key table, layout, rendering into a buffer.
    // Never imports ncurses.
    .target(name: "ExplorerCore", dependencies: ["ArticleModel"]),
    // The library: many articles' analyses in one SQLite index (GRDB), incremental, with the
    // queries the library view and the scripting commands read.
    .target(
      name: "LibraryIndex",
      dependencies: ["ArticleModel", .product(name: "GRDB", package: "GRDB.swift")]),
    // The user's config file (TOML, through TOMLKit): key remaps, colours, search, mouse.
    .target(
      name: "LedeConfig",
      dependencies: ["ArticleModel", "ExplorerCore", .product(name: "TOMLKit", package: "TOMLKit")]),
    // The explorer's LibrarySource (ExplorerCore) over the index (LibraryIndex): ExplorerCore
    // does not import GRDB.
    .target(name: "LibraryBridge", dependencies: ["ExplorerCore", "LibraryIndex", "ArticleModel"]),
    // The only importer of CNCurses.
    .target(name: "NCursesTerminal", dependencies: ["CNCurses", "ExplorerCore"]),
    // libFuzzer target over loading and the whole analysis (`make fuzz`); without -DFUZZING it
    // replays the inputs given as arguments.
    .executableTarget(name: "LedeFuzz", dependencies: ["ArticleModel"]),
    .executableTarget(
      name: "lede",
      dependencies: [
        "ArticleModel", "WebArticle", "ExplorerCore", "NCursesTerminal", "LedeConfig", "LibraryIndex",
        "LibraryBridge", "LedeTraining", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "ArticleModelTests",
      dependencies: ["ArticleModel", "WebArticle", "LedeTraining"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "ExplorerCoreTests", dependencies: ["ExplorerCore", "ArticleModel"],
      exclude: ["Fixtures"]),
    // Runs the built `lede` binary (it must be built first: `make test` does).
    .testTarget(name: "LedeCLITests", dependencies: ["lede"]),
    .testTarget(name: "LedeConfigTests", dependencies: ["LedeConfig", "ExplorerCore", "ArticleModel"]),
    .testTarget(
      name: "LibraryIndexTests", dependencies: ["LibraryIndex", "ArticleModel"],
      resources: [.copy("Fixtures")]),
    // Whole Library view sessions in-process (ScriptedTerminal) over a real index of the
    // LibraryIndexTests fixture folder.
    .testTarget(
      name: "LibraryViewTests",
      dependencies: ["LibraryBridge", "LibraryIndex", "ExplorerCore", "ArticleModel"]),
    // Drives the real binary (.build/debug/lede) in tmux; skips when either is missing.
    .testTarget(name: "EndToEndTests"),
  ],
  swiftLanguageModes: [.v5]
)
