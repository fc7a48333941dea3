import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an article could not be loaded. Each case reads as one line naming the file.
public enum LoadError: Error, CustomStringConvertible, Equatable {
  case missing(String)
  case directory(String)
  case unreadable(String, String)
  case notText(String, String)
  case tooLarge(String, Int)
  case notRegular(String)
  case noArticles(String)

  public var description: String {
    switch self {
    case .missing(let f): return "\(f): no such file"
    case .directory(let f): return "\(f): is a directory, not an article"
    case .unreadable(let f, let why): return "\(f): cannot be read (\(why))"
    case .notText(let f, let why): return "\(f): not text (\(why))"
    case .tooLarge(let f, let limit):
      return "\(f): too large to be an article (limit \(limit / (1 << 20)) MiB)"
    case .notRegular(let f): return "\(f): not a regular file"
    case .noArticles(let f):
      return "\(f): is a directory with no articles (*.txt, *.text, *.html, *.htm, *.xhtml, or a feed)"
    }
  }
}

/// Reads articles from files or standard input. Never writes anything.
public enum ArticleLoader {
  /// The largest input taken: a long book is ~3 MB; 32 MiB leaves room and keeps the analysis
  /// (and its memory) bounded.
  public static let maximumSize = 32 << 20

  /// The extensions of the files a folder stands for: plain text and web pages. Lower case only,
  /// as before web pages were read: a corpus's `README.TXT` is not one of its articles.
  public static let folderArticleExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml"]
  /// The extensions of files a folder stands for when their content is a feed (RSS, RDF, Atom).
  public static let folderFeedExtensions: Set<String> = ["xml", "rss", "atom"]

  /// Expands the paths a user named. A folder stands for the files in it and in its subfolders,
  /// at any depth, named `*.txt`, `*.text`, `*.html`, `*.htm` or `*.xhtml`, and
  /// `*.xml`, `*.rss`, `*.atom` whose content is a feed; hidden files and folders (a name that
  /// starts with ".") are left out; in name order (numbers by value: 2.txt before 10.txt). A folder
  /// without any is an error. Other paths are kept as given.
  public static func expand(_ paths: [String]) throws -> [String] {
    var out: [String] = []
    for path in paths {
      var isDir: ObjCBool = false
      guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue
      else {
        out.append(path)
        continue
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      var articles: [String] = []
      if let walk = FileManager.default.enumerator(atPath: path) {
        while let relative = walk.nextObject() as? String {
          let name = (relative as NSString).lastPathComponent
          if name.hasPrefix(".") {
            walk.skipDescendants()
            continue
          }
          let ext = (name as NSString).pathExtension
          let isArticle = folderArticleExtensions.contains(ext)
          guard isArticle || folderFeedExtensions.contains(ext) else { continue }
          var isFolder: ObjCBool = false
          guard FileManager.default.fileExists(atPath: prefix + relative, isDirectory: &isFolder), !isFolder.boolValue
          else { continue }
          if isArticle || isFeed(path: prefix + relative) { articles.append(relative) }
        }
      }
      if articles.isEmpty { throw LoadError.noArticles(path) }
      articles.sort { $0.compare($1, options: .numeric) == .orderedAscending }
      out += articles.map { prefix + $0 }
    }
    return out
  }

  /// Whether a file's head is a feed's (an `.xml` file in a folder is taken only then).
  static func isFeed(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 4096) else { return false }
    return format(of: head, name: path) == .feed
  }

  /// Loads and analyses nothing: returns the decoded document.
  public static func load(path: String) throws -> Document {
    let data = try read(path: path)
    return try document(from: data, name: path)
  }

  /// Builds a document from raw bytes, refusing binary data. A web page gives its article; a
  /// feed gives the list of its items (`documents(from:name:)` gives each item).
  public static func document(from data: Data, name: String) throws -> Document {
    if let why = BinarySniffer.reasonNotText(data) { throw LoadError.notText(name, why) }
    switch format(of: data, name: name) {
    case .text: return Document(name: name, scalars: TextDecoding.decode(data))
    case .html: return htmlDocument(data, name: name)
    case .feed:
      if let feed = feed(from: data) { return feedListing(feed, name: name) }
      return htmlDocument(data, name: name)
    }
  }

  /// Reads the bytes of a file ("-" is standard input), with the size limit enforced while
  /// reading so that a FIFO or a growing file cannot exhaust memory.
  public static func read(path: String) throws -> Data {
    if path == "-" { return try readAll(fd: FileHandle.standardInput.fileDescriptor, name: "-") }
    let fd = try open(path: path)
    defer { close(fd) }
    return try readAll(fd: fd, name: path)
  }

  /// Checks that a file can be read, without reading it (the explorer reads a file when it is
  /// first shown, but reports a missing one at the start).
  public static func check(path: String) throws {
    if path == "-" { return }
    close(try open(path: path))
  }

  /// Opens a file for reading after checking its kind and size; the caller closes it.
  static func open(path: String) throws -> Int32 {
    var st = stat()
    guard stat(path, &st) == 0 else {
      let err = errno
      if err == ENOENT || err == ENOTDIR { throw LoadError.missing(path) }
      throw LoadError.unreadable(path, String(cString: strerror(err)))
    }
    let mode = st.st_mode & S_IFMT
    if mode == S_IFDIR { throw LoadError.directory(path) }
    if mode != S_IFREG && mode != S_IFIFO && mode != S_IFCHR { throw LoadError.notRegular(path) }
    if mode == S_IFREG && Int(st.st_size) > maximumSize { throw LoadError.tooLarge(path, maximumSize) }
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      // it may have vanished between the stat and the open
      let err = errno
      if err == ENOENT || err == ENOTDIR { throw LoadError.missing(path) }
      throw LoadError.unreadable(path, String(cString: strerror(err)))
    }
    return fd
  }

  static func readAll(fd: Int32, name: String) throws -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }  // Glibc.read
      if n < 0 {
        if errno == EINTR { continue }
        throw LoadError.unreadable(name, String(cString: strerror(errno)))
      }
      if n == 0 { break }
      data.append(contentsOf: buffer[0..<n])
      if data.count > maximumSize { throw LoadError.tooLarge(name, maximumSize) }
    }
    return data
  }
}

/// Tells text from binary data by magic numbers and by the share of control bytes.
public enum BinarySniffer {
  static let magics: [([UInt8], String)] = [
    ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
    ([0x1F, 0x8B], "gzip data"),
    ([0x50, 0x4B, 0x03, 0x04], "a zip archive"),
    ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
    ([0x42, 0x5A, 0x68], "bzip2 data"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"),
    ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"),
  ]

  /// Nil when the data looks like text; otherwise what it looks like.
  public static func reasonNotText(_ data: Data) -> String? {
    let head = data.prefix(1 << 16)
    for (magic, what) in magics where head.starts(with: magic) { return what }
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }  // UTF-16
    var controls = 0
    var invalid = 0
    for b in head where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C && b != 0x1B {
      controls += 1
    }
    // invalid UTF-8 sequences in the head
    var it = head.makeIterator()
    var codec = UTF8()
    loop: while true {
      switch codec.decode(&it) {
      case .scalarValue: continue
      case .error: invalid += 1
      case .emptyInput: break loop
      }
    }
    // Short files are shown sanitised rather than judged on a handful of bytes.
    let n = head.count
    guard n >= 256 else { return nil }
    if controls * 100 > n * 30 { return "binary data: \(controls) control bytes in the first \(n)" }
    if invalid * 100 > n * 30 { return "binary data: mostly invalid UTF-8" }
    return nil
  }
}
