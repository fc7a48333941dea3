import Foundation

/// Character sets: which one a file is in (byte-order mark, the charset a page or feed declares,
/// else a guess from the bytes) and the conversion to UTF-8.
extension TextDecoding {
  /// The character sets lede reads.
  public enum Charset: String, Sendable {
    case utf8, utf16LE, utf16BE, windows1252
    /// Another declared charset that Foundation converts ("iso-8859-2", "shift_jis", …).
    case foundation
  }

  /// What a file is in and why: `declared` names the label found, if any.
  public struct CharsetGuess: Sendable, Equatable {
    public var charset: Charset
    public var label: String?
    /// The bytes to skip at the start (a byte-order mark).
    public var skip: Int
  }

  /// Detects the character set: a byte-order mark first; then, for markup, the XML declaration's
  /// `encoding`, `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in
  /// the first 32 KiB; else UTF-8 when the bytes are UTF-8, windows-1252 (which ISO-8859-1 text
  /// also reads correctly in) when they are not valid UTF-8 and have no UTF-8 sequence at all.
  public static func detectCharset(_ data: Data, markup: Bool) -> CharsetGuess {
    data.withUnsafeBytes { raw -> CharsetGuess in
      let b = raw.bindMemory(to: UInt8.self)
      switch detectEncoding(b) {
      case .utf8BOM: return CharsetGuess(charset: .utf8, label: nil, skip: 3)
      case .utf16LE: return CharsetGuess(charset: .utf16LE, label: nil, skip: 2)
      case .utf16BE: return CharsetGuess(charset: .utf16BE, label: nil, skip: 2)
      case .utf8: break
      }
      if markup, let label = declaredCharset(UnsafeBufferPointer(rebasing: b.prefix(32 << 10))) {
        if let c = charset(forLabel: label) { return CharsetGuess(charset: c, label: label, skip: 0) }
      }
      return CharsetGuess(charset: looksLikeLegacy8Bit(b) ? .windows1252 : .utf8, label: nil, skip: 0)
    }
  }

  /// The charset a label names (WHATWG labels, the common ones), nil when unknown.
  static func charset(forLabel raw: String) -> Charset? {
    let label = raw.lowercased()
    switch label {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
      "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100":
      return .windows1252
    case "utf-16le", "utf-16": return .utf16LE
    case "utf-16be": return .utf16BE
    default: return foundationEncoding(label) != nil ? .foundation : nil
    }
  }

  static func foundationEncoding(_ label: String) -> String.Encoding? {
    switch label {
    case "iso-8859-2", "iso8859-2", "latin2": return .isoLatin2
    case "windows-1250", "cp1250": return .windowsCP1250
    case "windows-1251", "cp1251": return .windowsCP1251
    case "windows-1253", "cp1253": return .windowsCP1253
    case "windows-1254", "cp1254": return .windowsCP1254
    case "shift_jis", "shift-jis", "sjis", "x-sjis": return .shiftJIS
    case "euc-jp": return .japaneseEUC
    default: return nil
    }
  }

  /// Whether bytes that are not valid UTF-8 look like a single-byte legacy encoding: some
  /// invalid sequences and not one valid multi-byte sequence.
  static func looksLikeLegacy8Bit(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var invalid = 0
    var multibyte = 0
    var iterator = b.makeIterator()
    var codec = UTF8()
    loop: while true {
      switch codec.decode(&iterator) {
      case .scalarValue(let s): if s.value >= 0x80 { multibyte += 1 }
      case .error: invalid += 1
      case .emptyInput: break loop
      }
      if multibyte > 0 { return false }
    }
    return invalid > 0
  }

  /// The charset a page or feed declares in its first bytes, lower-cased.
  static func declaredCharset(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    let n = b.count
    func lower(_ x: UInt8) -> UInt8 { x >= 0x41 && x <= 0x5A ? x + 0x20 : x }
    func matches(_ at: Int, _ word: String) -> Bool {
      var k = at
      for c in word.utf8 {
        guard k < n, lower(b[k]) == c else { return false }
        k += 1
      }
      return true
    }
    /// The value after `name` = at `at` (quotes optional), or nil.
    func value(after at: Int, limit: Int) -> String? {
      var k = at
      while k < limit && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D) { k += 1 }
      guard k < limit, b[k] == 0x3D else { return nil }  // =
      k += 1
      while k < limit && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
      if k < limit && (b[k] == 0x22 || b[k] == 0x27) { k += 1 }
      let start = k
      while k < limit, k - start < 40 {
        let c = b[k]
        let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
          || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
        if !ok { break }
        k += 1
      }
      guard k > start else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self).lowercased()
    }
    var i = 0
    // the XML declaration, at the very start (after white space)
    while i < n && (b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09) { i += 1 }
    if matches(i, "<?xml") {
      var end = i
      while end < n && b[end] != 0x3E { end += 1 }
      var k = i
      while k + 8 < end {
        if matches(k, "encoding"), let v = value(after: k + 8, limit: end) { return v }
        k += 1
      }
    }
    // <meta …> tags
    i = 0
    while i + 5 < n {
      if b[i] == 0x3C && matches(i + 1, "meta") {
        var end = i + 5
        while end < n && b[end] != 0x3E && end - i < 1024 { end += 1 }
        var k = i + 5
        while k + 7 < end {
          if matches(k, "charset"), let v = value(after: k + 7, limit: end) { return v }
          k += 1
        }
        i = end
      }
      i += 1
    }
    return nil
  }

  /// The bytes as UTF-8 (byte-order mark removed), converted from the detected charset.
  public static func utf8Bytes(_ data: Data, markup: Bool) -> (bytes: [UInt8], guess: CharsetGuess) {
    let guess = detectCharset(data, markup: markup)
    let body = data.dropFirst(guess.skip)
    switch guess.charset {
    case .utf8:
      return ([UInt8](body), guess)
    case .windows1252:
      var out: [UInt8] = []
      out.reserveCapacity(body.count + body.count / 8)
      for byte in body {
        if byte < 0x80 { out.append(byte); continue }
        let s = windows1252[Int(byte - 0x80)]
        out.append(contentsOf: UTF8.encode(s)!)
      }
      return (out, guess)
    case .utf16LE, .utf16BE:
      let scalars = Data(body).withUnsafeBytes {
        decodeUTF16($0.bindMemory(to: UInt8.self), littleEndian: guess.charset == .utf16LE)
      }
      return (Array(Document.string(scalars[...]).utf8), guess)
    case .foundation:
      if let label = guess.label, let enc = foundationEncoding(label), let s = String(data: Data(body), encoding: enc) {
        return (Array(s.utf8), guess)
      }
      return ([UInt8](body), CharsetGuess(charset: .utf8, label: guess.label, skip: guess.skip))
    }
  }

  /// windows-1252's 0x80…0xFF (0x80…0x9F are its printable extras; five unassigned bytes map to
  /// their C1 code points, which the sanitiser then replaces).
  static let windows1252: [Unicode.Scalar] = {
    let extras: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    return extras.map { Unicode.Scalar($0)! } + (0xA0...0xFF).map { Unicode.Scalar(UInt32($0))! }
  }()
}
