import Foundation

/// Dates for many files at once: a `dates.tsv` beside the articles, one line per file,
/// "NAME<TAB>DATE", NAME the file's name in that folder (or a path relative to it) and DATE
/// "YYYY-MM-DD" (the document date) or "YYYY" (the year of an undated dateline or text). Blank
/// lines and lines starting with "#" are skipped. A date given on the command line wins.
public enum FolderDates {
  public struct Entry: Equatable, Sendable {
    /// The full date, when the line gives one.
    public var date: String?
    /// The year, when the line gives only that.
    public var year: Int?
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The file name of the table.
  public static let fileName = "dates.tsv"

  /// Reads the table in a folder: nil when there is none; a failure names the file and line.
  public static func table(inFolder folder: String) throws -> [String: Entry]? {
    let path = (folder as NSString).appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw Failure(description: "\(path): cannot be read as UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Parses the table's text; `path` names it in errors.
  public static func parse(_ text: String, path: String) throws -> [String: Entry] {
    var out: [String: Entry] = [:]
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
      let name = cols.first.map { String($0).trimmingSpaces() } ?? ""
      let value = cols.count == 2 ? String(cols[1]).trimmingSpaces() : ""
      guard cols.count == 2, !name.isEmpty else {
        throw Failure(description: "\(path):\(n + 1): expected NAME<TAB>DATE")
      }
      if value.utf8.count == 4, let y = Int(value), y >= 1 {
        out[name] = Entry(date: nil, year: y)
      } else if isISODate(value) {
        out[name] = Entry(date: value, year: nil)
      } else {
        throw Failure(
          description: "\(path):\(n + 1): '\(printable(value))' is not a date (YYYY-MM-DD or YYYY)")
      }
    }
    return out
  }

  /// The entry for a file, from the `dates.tsv` of its folder (looked up by file name, then by
  /// the path as given).
  public static func entry(for file: String) throws -> Entry? {
    let folder = (file as NSString).deletingLastPathComponent
    guard let table = try table(inFolder: folder.isEmpty ? "." : folder) else { return nil }
    return table[(file as NSString).lastPathComponent] ?? table[file]
  }

  static func isISODate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return false }
    return y >= 1 && CalendarDate.isValid(y, m, d)
  }

  /// A value quoted in an error, with control characters replaced (it is file content).
  static func printable(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.prefix(40).map {
      $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "?" : $0
    }))
  }
}
