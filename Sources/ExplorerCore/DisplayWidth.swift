#if canImport(Glibc)
  import Glibc
#endif

#if canImport(Glibc)
  /// Glibc's wcwidth is hidden behind _XOPEN_SOURCE in the Swift overlay; bind it directly.
  @_silgen_name("wcwidth") func c_wcwidth(_ c: Int32) -> Int32
#endif

/// Display columns of scalars, as the terminal (and ncurses, via `wcwidth`) counts them:
/// CJK and emoji take 2 columns, combining marks 0.
public enum DisplayWidth {
  /// wcwidth only knows non-ASCII under a UTF-8 LC_CTYPE; tests and pipes may start under "C".
  private static let localeReady: Bool = {
    #if canImport(Glibc)
      if let cs = nl_langinfo(nl_item(CODESET)),
        String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
      {
        return true
      }
      if setlocale(LC_CTYPE, "C.UTF-8") != nil { return true }
      return setlocale(LC_CTYPE, "en_US.UTF-8") != nil
    #else
      return true
    #endif
  }()

  /// Columns taken by a scalar that is already safe to show (see `displayable`).
  @inline(__always)
  public static func of(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v >= 0x20 && v < 0x7F { return 1 }
    return slow(s)
  }

  private static func slow(_ s: Unicode.Scalar) -> Int {
    _ = localeReady
    #if canImport(Glibc)
      let w = Int(c_wcwidth(Int32(bitPattern: s.value)))
      if w >= 0 { return min(w, 2) }
    #endif
    return 1
  }

  /// Columns of a string, scalar by scalar.
  public static func of(_ string: String) -> Int {
    var n = 0
    for s in string.unicodeScalars { n += of(displayable(s)) }
    return n
  }

  /// The placeholder shown for any control character that reaches the renderer.
  public static let placeholder: Unicode.Scalar = "\u{FFFD}"

  /// Maps control characters (C0, DEL, C1) and bidi overrides to a visible placeholder so that
  /// nothing from an article can become a terminal escape. Newlines and tabs are handled by the
  /// layout before this point; here they become placeholders too.
  @inline(__always)
  public static func displayable(_ s: Unicode.Scalar) -> Unicode.Scalar {
    let v = s.value
    if v >= 0x20 && v < 0x7F { return s }
    if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return placeholder }
    if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return placeholder }
    return s
  }
}
