/// Splits text into word, number, punctuation and symbol tokens, close to the CoNLL-2003 and
/// Penn Treebank conventions the taggers were trained on: "DPRK’s" is "DPRK" + "’s", "90%" is
/// "90" + "%", "Asia-Pacific", "10-day", "3.5", "1,200" and "U.S." stay whole, and a full stop
/// is attached to a known abbreviation ("Mr.", "Jan.") or an initial ("J.").
public enum Tokenizer {
  /// Abbreviations that take a full stop (lower-cased, without it).
  public static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "maj", "brig", "messrs",
    "mme", "mlle", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "assn", "est", "approx", "vs",
    "etc", "al", "ft", "mt", "ave", "blvd", "cf", "fig", "figs", "vol", "vols", "pp", "ed", "eds",
  ]

  /// Abbreviations that almost never end a sentence: titles before a name.
  public static let nonFinalAbbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "maj", "brig", "messrs", "mme",
    "mlle", "vs", "cf", "fig", "vol", "pp", "no", "nos",
  ]

  /// Tokenizes `scalars[range]`, appending to `tokens`.
  public static func tokenize(
    _ scalars: [Unicode.Scalar], in range: Range<Int>, into tokens: inout [Token]
  ) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let s = scalars[i]
      if CharacterClass.isSpace(s) {
        i += 1
        continue
      }
      if CharacterClass.isLetterOrDigit(s) {
        let (tokenEnd, kind) = scanWord(scalars, from: i, end: end)
        tokens.append(Token(start: i, end: tokenEnd, kind: kind))
        i = tokenEnd
        continue
      }
      // Clitics glued to the previous word: 's, 'll, 're, 've, 'd, 'm.
      if CharacterClass.isApostrophe(s), i > range.lowerBound, i + 1 < end,
        CharacterClass.isLetterOrDigit(scalars[i - 1]), CharacterClass.isLetter(scalars[i + 1])
      {
        var j = i + 1
        while j < end && CharacterClass.isLetter(scalars[j]) { j += 1 }
        if j - i <= 3 {
          tokens.append(Token(start: i, end: j, kind: .word))
          i = j
          continue
        }
      }
      // Runs of dots ("...") and dashes ("--") are one token.
      if s == "." || s == "-" {
        var j = i + 1
        while j < end && scalars[j] == s { j += 1 }
        tokens.append(Token(start: i, end: j, kind: .punctuation))
        i = j
        continue
      }
      // A clitic after a closing quote or bracket is rare; an apostrophe alone is punctuation.
      var j = i + 1
      // Keep emoji sequences (ZWJ, variation selectors, skin tones) and combining marks together.
      while j < end
        && (scalars[j].value == 0x200D || scalars[j].value == 0xFE0F || CharacterClass.isMark(scalars[j])
          || (0x1F3FB...0x1F3FF).contains(scalars[j].value)
          || (j > i && scalars[j - 1].value == 0x200D))
      {
        j += 1
      }
      let kind: TokenKind = CharacterClass.isPunctuation(s) ? .punctuation : .symbol
      tokens.append(Token(start: i, end: j, kind: kind))
      i = j
    }
  }

  /// Scans a word or number starting at `start`; returns its end and kind.
  static func scanWord(_ sc: [Unicode.Scalar], from start: Int, end: Int) -> (Int, TokenKind) {
    let startsWithDigit = CharacterClass.isDigit(sc[start])
    var i = start + 1
    var dotted = false  // "U.S.", "a.m."
    while i < end {
      let s = sc[i]
      if CharacterClass.isWordPart(s) {
        i += 1
        continue
      }
      let hasNext = i + 1 < end
      let prev = sc[i - 1]
      if CharacterClass.isHyphen(s), hasNext, CharacterClass.isLetterOrDigit(sc[i + 1]),
        CharacterClass.isLetterOrDigit(prev)
      {
        i += 1
        continue
      }
      if s == "." || s == ",", hasNext, CharacterClass.isDigit(prev), CharacterClass.isDigit(sc[i + 1]) {
        // 3.5, 1,200 (a comma only before a group of three digits)
        if s == "," {
          var k = i + 1
          while k < end && CharacterClass.isDigit(sc[k]) { k += 1 }
          if k - (i + 1) != 3 { break }
        }
        i += 1
        continue
      }
      if s == ".", hasNext, CharacterClass.isLetter(prev), CharacterClass.isLetter(sc[i + 1]),
        i + 2 >= end || sc[i + 2] == "." || !CharacterClass.isLetter(sc[i + 2]),
        isSingleLetterRun(sc, from: start, to: i)
      {
        // U.S, a.m: single letters joined by dots
        dotted = true
        i += 1
        continue
      }
      if s == "&", hasNext, CharacterClass.isUpper(prev), CharacterClass.isUpper(sc[i + 1]) {
        i += 1  // AT&T
        continue
      }
      if CharacterClass.isApostrophe(s), hasNext, CharacterClass.isLetter(sc[i + 1]),
        CharacterClass.isLetter(prev)
      {
        // Split the clitics 's and n't; keep O'Brien and l'Oréal whole.
        let next = sc[i + 1]
        let afterNext = i + 2 < end ? sc[i + 2] : " "
        if (next == "s" || next == "S") && !CharacterClass.isLetter(afterNext) { break }
        if (next == "t" || next == "T") && !CharacterClass.isLetter(afterNext)
          && (prev == "n" || prev == "N") && i - 1 > start
        {
          return (i - 1, .word)  // "do" + "n't"
        }
        if (next == "l" || next == "r" || next == "v" || next == "d" || next == "m")
          && !startsWithDigit && isEnglishContraction(sc, at: i, end: end)
        {
          break  // 'll 're 've 'd 'm
        }
        i += 1
        continue
      }
      break
    }
    // A trailing full stop belongs to an abbreviation, an initial or a dotted acronym.
    if i < end && sc[i] == "." && !startsWithDigit {
      if dotted || (i - start == 1 && CharacterClass.isUpper(sc[start]))
        || abbreviations.contains(lowercased(sc, start, i))
        || (lowercased(sc, start, i) == "no" && nextIsDigit(sc, after: i + 1, end: end))
      {
        i += 1
        // "U.S.-led"
        if i + 1 < end, CharacterClass.isHyphen(sc[i]), CharacterClass.isLetter(sc[i + 1]) {
          return (scanWord(sc, from: i + 1, end: end).0, .word)
        }
      }
    }
    return (i, startsWithDigit ? .number : .word)
  }

  static func isSingleLetterRun(_ sc: [Unicode.Scalar], from start: Int, to dot: Int) -> Bool {
    // Every segment between dots so far is one letter: "U", "U.S", "a.m"
    var k = start
    while k < dot {
      if !CharacterClass.isLetter(sc[k]) { return false }
      if k + 1 < dot && sc[k + 1] != "." { return false }
      k += 2
    }
    return true
  }

  static func isEnglishContraction(_ sc: [Unicode.Scalar], at i: Int, end: Int) -> Bool {
    var k = i + 1
    var tail = ""
    while k < end && CharacterClass.isLetter(sc[k]) && tail.count < 3 {
      tail.unicodeScalars.append(sc[k])
      k += 1
    }
    if k < end && CharacterClass.isLetter(sc[k]) { return false }
    return ["ll", "re", "ve", "d", "m"].contains(tail.lowercased())
  }

  static func nextIsDigit(_ sc: [Unicode.Scalar], after i: Int, end: Int) -> Bool {
    var k = i
    while k < end && sc[k] == " " { k += 1 }
    return k < end && CharacterClass.isDigit(sc[k])
  }

  static func lowercased(_ sc: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
    if b - a > 8 { return "" }
    var s = String.UnicodeScalarView()
    for k in a..<b {
      let v = sc[k].value
      if v >= 0x41 && v <= 0x5A { s.append(Unicode.Scalar(v + 32)!) } else { s.append(sc[k]) }
    }
    return String(s)
  }
}
