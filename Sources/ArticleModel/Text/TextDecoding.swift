import Foundation

/// Turns the bytes of a file into the normalised text the rest of the model works on.
///
/// The steps are total: any byte sequence decodes to some text, never a crash. Invalid UTF-8
/// becomes U+FFFD; CRLF and CR become LF; control, DEL, C1 and bidi-override characters become
/// visible placeholders so that no byte from a file can act as a terminal escape; the result is NFC.
public enum TextDecoding {
  /// The encoding found at the start of the data.
  public enum Encoding: String, Sendable {
    case utf8, utf8BOM, utf16LE, utf16BE
  }

  /// Detects the encoding from a byte-order mark (UTF-8 when there is none).
  public static func detectEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Encoding {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8BOM }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
    return .utf8
  }

  /// Decodes, normalises line endings, sanitises and composes to NFC.
  /// Returns the scalars of the normalised text.
  public static func decode(_ data: Data) -> [Unicode.Scalar] {
    data.withUnsafeBytes { raw -> [Unicode.Scalar] in
      let bytes = raw.bindMemory(to: UInt8.self)
      let decoded: [Unicode.Scalar]
      switch detectEncoding(bytes) {
      case .utf8 where looksLikeLegacy8Bit(bytes):
        // Not UTF-8 and no UTF-8 sequence in it: windows-1252 (a superset of ISO-8859-1's text).
        decoded = bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : windows1252[Int($0 - 0x80)] }
      case .utf8: decoded = decodeUTF8(UnsafeBufferPointer(rebasing: bytes[0...]))
      case .utf8BOM: decoded = decodeUTF8(UnsafeBufferPointer(rebasing: bytes[3...]))
      case .utf16LE: decoded = decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: true)
      case .utf16BE: decoded = decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: false)
      }
      return normalise(decoded)
    }
  }

  /// Decodes a string that is already in memory (tests, stdin already read).
  public static func decode(_ string: String) -> [Unicode.Scalar] {
    normalise(Array(string.unicodeScalars))
  }

  static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(bytes.count)
    var iterator = bytes.makeIterator()
    var codec = UTF8()
    loop: while true {
      switch codec.decode(&iterator) {
      case .scalarValue(let s): out.append(s)
      case .error: out.append(replacement)
      case .emptyInput: break loop
      }
    }
    return out
  }

  static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> [Unicode.Scalar] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 + 1)
    var i = 0
    while i + 1 < bytes.count {
      let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
      units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
      i += 2
    }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(units.count)
    var iterator = units.makeIterator()
    var codec = UTF16()
    loop: while true {
      switch codec.decode(&iterator) {
      case .scalarValue(let s): out.append(s)
      case .error: out.append(replacement)
      case .emptyInput: break loop
      }
    }
    if bytes.count % 2 == 1 { out.append(replacement) }  // a dangling odd byte
    return out
  }

  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// The visible stand-in for a character that must never reach a terminal as itself,
  /// or nil when the character is safe.
  @inline(__always)
  public static func placeholder(for s: Unicode.Scalar) -> Unicode.Scalar? {
    let v = s.value
    if v < 0x20 {
      if v == 0x0A || v == 0x09 { return nil }
      return Unicode.Scalar(0x2400 + v)  // U+2400 CONTROL PICTURES: ␀ ␁ … ␛ …
    }
    if v < 0x7F { return nil }
    if v == 0x7F { return "\u{2421}" }  // ␡
    if v <= 0x9F { return replacement }  // C1 controls (CSI 0x9B, OSC 0x9D, …)
    if v >= 0x202A && v <= 0x202E { return replacement }  // bidi embeddings and overrides
    if v >= 0x2066 && v <= 0x2069 { return replacement }  // bidi isolates
    if v == 0x2028 || v == 0x2029 { return " " }  // line/paragraph separators
    return nil
  }

  /// Whether a scalar alone is unchanged by NFC and cannot combine with its neighbour,
  /// so that text made only of such scalars may skip the (costly) NFC pass.
  static func isNFCStable(_ s: Unicode.Scalar, _ cache: inout [UInt32: Bool]) -> Bool {
    if let known = cache[s.value] { return known }
    var result = s.properties.canonicalCombiningClass.rawValue == 0
    // Hangul jamo vowels and trailing consonants compose with what precedes them.
    if (0x1160...0x11FF).contains(s.value) { result = false }
    if result {
      let single = String(Character(s))
      result = single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(
        single.unicodeScalars)
    }
    cache[s.value] = result
    return result
  }

  /// Line endings to LF, unsafe characters to placeholders, then NFC.
  static func normalise(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(input.count)
    var needsNFC = false
    var stable: [UInt32: Bool] = [:]
    var i = 0
    let n = input.count
    while i < n {
      let s = input[i]
      if s == "\r" {
        out.append("\n")
        if i + 1 < n && input[i + 1] == "\n" { i += 1 }
      } else if let p = placeholder(for: s) {
        out.append(p)
      } else {
        if !needsNFC && s.value >= 0x300 && !isNFCStable(s, &stable) { needsNFC = true }
        out.append(s)
      }
      i += 1
    }
    guard needsNFC else { return out }
    let composed = Document.string(out[...]).precomposedStringWithCanonicalMapping
    return Array(composed.unicodeScalars)
  }
}
