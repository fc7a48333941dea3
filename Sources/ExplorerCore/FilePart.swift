import ArticleModel
import Foundation

/// The head or the tail of a long file, read on its own, so that the first screen (and the last
/// one, for `G`) need not wait for the whole: War and Peace is 3.3 MB, a screen 4 KB. The rest is
/// read in the background and replaces the part (`App`).
///
/// A part is cut at a blank line, so that it decodes and structures as the same paragraphs as the
/// whole does there (UTF-8 resynchronises at a newline; line endings and NFC are local). A head's
/// offsets are the whole's; a tail's are the whole's less (whole length − tail length).
/// Files with a UTF-16 byte-order mark and standard input are read whole.
public enum FilePart {
  public enum Kind: Sendable { case head, tail }

  /// Files longer than this are shown from a part first.
  public static let threshold = 512 << 10
  /// How much a head reads.
  public static let length = 16 << 10
  /// How much a tail reads.
  public static let tailLength = 64 << 10

  /// The part of a file, or nil when the file is short enough to read whole (or cannot be cut).
  public static func read(_ kind: Kind, path: String) throws -> Document? {
    guard path != "-" else { return nil }
    try ArticleLoader.check(path: path)
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let size = handle.seekToEndOfFile()
    guard size > UInt64(threshold) else { return nil }
    handle.seek(toFileOffset: 0)
    let bom = [UInt8](handle.readData(ofLength: 2))
    if bom == [0xFF, 0xFE] || bom == [0xFE, 0xFF] { return nil }
    // A tail reads more: a Project Gutenberg licence after the book is about 19 KB, and the
    // tail must reach into the book's own end to show it.
    let want = kind == .head ? length : tailLength
    handle.seek(toFileOffset: kind == .head ? 0 : size - UInt64(want))
    let bytes = [UInt8](handle.readData(ofLength: want))
    guard let cut = blankLine(in: bytes, last: kind == .head) else { return nil }
    let part = kind == .head ? Data(bytes[..<cut]) : Data(bytes[cut...])
    return try ArticleLoader.document(from: part, name: path)
  }

  /// Where to cut: after the last blank line (head) or after the first one (tail).
  static func blankLine(in b: [UInt8], last: Bool) -> Int? {
    let indices = last ? Array(stride(from: b.count - 1, to: 0, by: -1)) : Array(1..<b.count)
    for i in indices where b[i] == 0x0A {
      // "\n\n" or "\n\r\n" ends at i
      if b[i - 1] == 0x0A || (i >= 2 && b[i - 1] == 0x0D && b[i - 2] == 0x0A) { return i + 1 }
    }
    return nil
  }
}
