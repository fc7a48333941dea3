/// Fast character tests on scalars, with an ASCII fast path.
package enum CharacterClass {
  @inline(__always)
  package static func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    return s.properties.isAlphabetic
  }

  @inline(__always)
  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return v >= 0x30 && v <= 0x39 }
    return s.properties.numericType == .decimal
  }

  @inline(__always)
  static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

  @inline(__always)
  static func isMark(_ s: Unicode.Scalar) -> Bool {
    guard s.value >= 0x300 else { return false }
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  @inline(__always)
  static func isWordPart(_ s: Unicode.Scalar) -> Bool {
    isLetterOrDigit(s) || isMark(s) || s.value == 0x200D  // ZWJ inside emoji or scripts
  }

  @inline(__always)
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0B || v == 0x0C || v == 0x0D }
    return s.properties.isWhitespace || v == 0x200B || v == 0xFEFF
  }

  @inline(__always)
  static func isUpper(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return v >= 0x41 && v <= 0x5A }
    return s.properties.isUppercase
  }

  @inline(__always)
  package static func isLower(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return v >= 0x61 && v <= 0x7A }
    return s.properties.isLowercase
  }

  @inline(__always)
  static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

  @inline(__always)
  static func isHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "\u{2010}" || s == "\u{2011}" }

  static func isClosing(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}": return true
    default: return false
    }
  }

  static func isOpening(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}": return true
    default: return false
    }
  }

  static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 {
      switch s {
      case ".", ",", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "_":
        return true
      default: return false
      }
    }
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }
}
