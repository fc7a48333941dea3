/// Splits the tokens of one paragraph into sentences.
///
/// A sentence ends at ".", "!", "?", "…" (with any closing quotes and brackets that follow)
/// when the next token can start a sentence; never after a title ("Mr.", "Dr."), an initial
/// ("J. R. R. Tolkien") or inside a number (3.5). Ellipses end a sentence only before a capital.
public enum SentenceSegmenter {
  /// Words that start sentences; after an abbreviation such as "Inc." or "U.S." a sentence is
  /// taken to end only before one of these, since a capitalised name usually continues it.
  static let sentenceStarters: Set<String> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "but", "and", "in", "on", "at", "for", "his", "her", "its", "their", "there", "our",
    "if", "when", "while", "after", "before", "as", "so", "yet", "however", "meanwhile", "mr.",
    "mrs.", "ms.", "dr.", "what", "why", "how", "who", "one", "some", "many", "most", "all",
  ]

  /// Returns the token index ranges of the sentences among `tokens[range]`.
  public static func split(
    _ scalars: [Unicode.Scalar], tokens: [Token], in range: Range<Int>
  ) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var sentenceStart = range.lowerBound
    var i = range.lowerBound
    while i < range.upperBound {
      let t = tokens[i]
      var boundary = false
      if isTerminator(scalars, t) {
        // absorb closing quotes/brackets and further terminators glued to it
        var j = i + 1
        while j < range.upperBound, tokens[j].start == tokens[j - 1].end,
          isClosingOrTerminator(scalars, tokens[j])
        {
          j += 1
        }
        if j >= range.upperBound || canStart(scalars, tokens[j], after: t) {
          i = j - 1
          boundary = true
        }
      } else if t.kind == .word && scalars[t.end - 1] == "." && t.end - t.start > 1 {
        // an abbreviation with its full stop
        let word = lowerWord(scalars, t)
        let isInitial = t.end - t.start == 2
        if !isInitial && !Tokenizer.nonFinalAbbreviations.contains(String(word.dropLast())) {
          let next = i + 1
          if next >= range.upperBound {
            boundary = true
          } else if CharacterClass.isUpper(scalars[tokens[next].start]),
            sentenceStarters.contains(lowerWord(scalars, tokens[next]))
          {
            // a sentence starts with a capital: "at 10 a.m. on Thursday" goes on
            boundary = true
          }
        }
      }
      if boundary {
        result.append(sentenceStart..<(i + 1))
        sentenceStart = i + 1
      }
      i += 1
    }
    if sentenceStart < range.upperBound { result.append(sentenceStart..<range.upperBound) }
    return result
  }

  static func isTerminator(_ sc: [Unicode.Scalar], _ t: Token) -> Bool {
    guard t.kind == .punctuation else { return false }
    let s = sc[t.start]
    return s == "." || s == "!" || s == "?" || s == "\u{2026}" || s == "\u{203C}" || s == "\u{2047}"
      || s == "\u{2048}" || s == "\u{2049}" || s == "\u{3002}" || s == "\u{FF01}" || s == "\u{FF1F}"
  }

  static func isClosingOrTerminator(_ sc: [Unicode.Scalar], _ t: Token) -> Bool {
    t.end - t.start == 1 && (CharacterClass.isClosing(sc[t.start]) || isTerminator(sc, t))
      || isTerminator(sc, t)
  }

  /// Whether `t` can open a new sentence after the terminator `after`.
  static func canStart(_ sc: [Unicode.Scalar], _ t: Token, after: Token) -> Bool {
    let s = sc[t.start]
    let ellipsis = after.end - after.start > 1 || sc[after.start] == "\u{2026}"
    if CharacterClass.isUpper(s) { return true }
    if ellipsis { return false }
    if CharacterClass.isDigit(s) || CharacterClass.isOpening(s) { return true }
    if CharacterClass.isLower(s) { return false }
    // CJK, symbols and other scripts without case
    return !CharacterClass.isPunctuation(s) || s == "-" || s == "\u{2014}"
  }

  static func lowerWord(_ sc: [Unicode.Scalar], _ t: Token) -> String {
    if t.end - t.start > 12 { return "" }
    var v = String.UnicodeScalarView()
    for k in t.start..<t.end { v.append(sc[k]) }
    return String(v).lowercased()
  }
}
