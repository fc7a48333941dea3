/// Rules for figures: MONEY ("100 million USD", "$5bn", "£3.2 million", "40 euros"), PERCENT
/// ("90%", "10 percent", "3.5 per cent") and QUANTITY ("1,200 km", "20 tonnes").
///
/// They run on the document's tokens; a String is built only for the few tokens next to a number.
enum FigureRules {
  static let currencySymbols: Set<String> = ["$", "£", "€", "¥", "₩", "₽", "₹", "US$", "A$", "C$", "HK$"]
  static let currencyWords: Set<String> = [
    "usd", "eur", "gbp", "jpy", "rub", "cny", "rmb", "krw", "chf", "inr", "dollar", "dollars",
    "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "ruble", "rubles",
    "rouble", "roubles", "won", "rupee", "rupees", "franc", "francs", "cent", "cents", "pence",
    "peso", "pesos", "dong", "baht", "ringgit", "lira", "lire", "marks", "shekel", "shekels",
    "riyal", "riyals", "dinar", "dinars", "krona", "kronor", "krone", "kroner", "zloty", "rand",
    // wire copy: "510 dlrs", "30 mln stg", "105 billion pesetas"
    "dlrs", "dlr", "stg", "peseta", "pesetas", "guilder", "guilders", "escudo", "escudos",
    "schilling", "schillings", "drachma", "drachmas", "cruzado", "cruzados", "australs", "yuans",
  ]
  /// Numbers written out, which open a figure only before a unit: "four pct", "two billion dlrs".
  static let spelledNumbers: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
  ]
  static let scaleWords: Set<String> = [
    "hundred", "thousand", "million", "billion", "trillion", "bn", "m", "mn", "k", "tn", "trn",
    "millions", "billions", "mln", "bln", "billions",
  ]
  static let unitWords: Set<String> = [
    "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre",
    "metres", "meter", "meters", "cm", "mm", "centimetres", "millimetres", "kg", "kgs", "kilogram",
    "kilograms", "kilo", "kilos", "gram", "grams", "tonne", "tonnes", "ton", "tons", "mt",
    "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "bpd",
    "hectare", "hectares", "ha", "acre", "acres", "feet", "foot", "ft", "inch", "inches", "yard",
    "yards", "mph", "knots", "degrees", "mw", "gw", "kw", "kwh", "megawatts", "gigawatts",
    "megatons", "kilotons", "carats", "ounces", "oz", "lb", "lbs", "cubic", "square", "sq",
  ]

  /// The spelled numbers as their ASCII letters packed into an integer, one byte each.
  /// The first letters of `spelledNumbers`, lower case (a bit per letter).
  static let spelledInitials = LetterSet(spelledNumbers.keys.compactMap { $0.unicodeScalars.first?.value })

  /// `spelledNumbers` as sorted `asciiKey`s: a binary search of 18 keys, no hashing.
  static let spelledKeys: [UInt64] = spelledNumbers.keys.compactMap { asciiKey($0.unicodeScalars) }.sorted()

  /// The lower-cased letters of an ASCII word of at most 8 scalars, packed; nil otherwise.
  @inline(__always) static func asciiKey<S: Sequence<Unicode.Scalar>>(_ word: S) -> UInt64? {
    var key: UInt64 = 0
    var n = 0
    for s in word {
      var v = s.value
      guard v < 0x80, n < 8 else { return nil }
      if v >= 0x41 && v <= 0x5A { v += 32 }
      key = key << 8 | UInt64(v)
      n += 1
    }
    return key
  }

  /// Whether a word is one of `spelledNumbers`, without building a string for an ASCII word.
  static func isSpelledNumber(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    if let key = asciiKey(word) {
      var lo = 0
      var hi = spelledKeys.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if spelledKeys[mid] < key { lo = mid + 1 } else { hi = mid }
      }
      return lo < spelledKeys.count && spelledKeys[lo] == key
    }
    return spelledNumbers[Document.string(word).lowercased()] != nil
  }

  /// (token range, type) of every figure, in text order, not overlapping.
  static func find(_ d: Document) -> [(range: Range<Int>, type: EntityType)] {
    let toks = d.tokens
    var out: [(range: Range<Int>, type: EntityType)] = []
    func lower(_ k: Int) -> String {
      k < toks.count ? d.string(toks[k]).lowercased() : ""
    }
    func isTitleCase(_ k: Int) -> Bool {
      guard k < toks.count, toks[k].end - toks[k].start > 1 else { return false }
      return CharacterClass.isUpper(d.scalars[toks[k].start])
        && CharacterClass.isLower(d.scalars[toks[k].start + 1])
    }
    func isNumber(_ k: Int) -> Bool {
      k < toks.count && toks[k].kind == .number && !isOrdinal(d.string(toks[k]))
    }
    func glued(_ a: Int, _ b: Int) -> Bool { b < toks.count && toks[a].end == toks[b].start }
    /// The last token of a number written with a fraction, "4-1/8" or "35-1/2" (wire-copy
    /// prices), and whether it is one: "9/11" and "24/7" are no numbers.
    func fractionEnd(_ k: Int) -> (last: Int, isNumber: Bool)? {
      var n = k
      if lower(n + 1) == "-", glued(n, n + 1), isNumber(n + 2), glued(n + 1, n + 2) { n += 2 }
      guard lower(n + 1) == "/", glued(n, n + 1), isNumber(n + 2), glued(n + 1, n + 2) else {
        return nil
      }
      let num = Int(numericPrefix(lower(n))) ?? 0
      let den = Int(lower(n + 2)) ?? 0
      return (n + 2, [2, 4, 8, 16, 32, 64].contains(den) && num > 0 && num < den)
    }
    var i = 0
    while i < toks.count {
      let t = toks[i]
      // Only tokens that can open a figure: a number, a spelled number, a currency sign.
      let isUS = t.kind == .word && t.end - t.start == 2 && d.scalars[t.start] == "U"
      // (a cheap look at the first letter and length before building the word)
      let spelled =
        t.kind == .word && t.end - t.start >= 3 && t.end - t.start <= 7
        && FigureRules.spelledInitials.contains(d.scalars[t.start].value | 0x20)
        && isSpelledNumber(d.scalars[t.start..<t.end])
      guard t.kind == .number || t.kind == .symbol || isUS || spelled else { i += 1; continue }
      let w = lower(i)
      // the denominator or tail of "9/11" is no amount ("Fahrenheit 9/11 won")
      if t.kind == .number, i >= 2, lower(i - 1) == "/", glued(i - 1, i), glued(i - 2, i - 1) {
        i += 1
        continue
      }
      var start = i
      var j = i
      var money = false
      if currencySymbols.contains(w) || currencySymbols.contains(w.uppercased()) {
        // "$ 5bn", "US $ 5", "£3.2 million"
        guard isNumber(i + 1) else { i += 1; continue }
        money = true
        j = i + 1
      } else if w == "us" && i + 1 < toks.count && lower(i + 1) == "$" && isNumber(i + 2) {
        money = true
        j = i + 2
      } else if t.kind == .number && !isOrdinal(w) {
        j = i
        if let f = fractionEnd(i) {
          guard f.isNumber else { i = f.last + 1; continue }
          j = f.last
        }
      } else if spelled {
        j = i
      } else {
        i += 1
        continue
      }
      // The number token itself may carry a scale or unit: "5bn", "10km", "1,200-km".
      let numText = lower(j)
      let suffix = spelled ? "" : numericSuffix(numText)
      var end = j + 1
      var type: EntityType? = money ? .money : nil
      if !suffix.isEmpty {
        if scaleWords.contains(suffix) {
          // scale inside the token: keep looking for a currency
        } else if unitWords.contains(suffix) && !money {
          type = .quantity
        } else if !money {
          i = j + 1
          continue
        }
      }
      // Scales: "3.2 million", "100 billion"
      while end < toks.count && scaleWords.contains(lower(end)) && lower(end) != "m" { end += 1 }
      if type == nil || type == .money {
        let next = lower(end)
        if next == "%" || next == "percent" || next == "pct" {
          type = .percent
          end += 1
        } else if next == "percentage" && lower(end + 1).hasPrefix("point") {
          type = .percent  // "0.25 percentage points"
          end += 2
        } else if next == "per" && lower(end + 1) == "cent" {
          type = .percent
          end += 2
        } else if currencyWords.contains(next) && !isTitleCase(end) {  // "50 Cent" is a rapper
          type = .money
          end += 1
        } else if next == "us" && lower(end + 1) == "dollars" {
          type = .money
          end += 2
        } else if type == nil && unitWords.contains(next) {
          // "20 tonnes", "1,200 km", "50 square kilometres"
          type = .quantity
          end += 1
          if (next == "square" || next == "cubic" || next == "sq") && unitWords.contains(lower(end)) {
            end += 1
          }
        }
      }
      // A currency word before the number: "USD 100 million", "euros 5"? Only USD-style codes.
      if type == nil && i > 0 {
        let prev = d.string(toks[i - 1])
        if prev.count == 3 && prev == prev.uppercased() && currencyWords.contains(prev.lowercased()) {
          start = i - 1
          type = .money
        }
      }
      if spelled && type != .percent && type != .money {
        i += 1
        continue
      }
      if let type {
        if let last = out.last, last.range.upperBound > start {
          i = end
          continue
        }
        out.append((start..<end, type))
        i = end
      } else {
        i = j + 1
      }
    }
    return out
  }

  static func isOrdinal(_ w: String) -> Bool {
    let lw = w.lowercased()
    return lw.hasSuffix("st") || lw.hasSuffix("nd") || lw.hasSuffix("rd") || lw.hasSuffix("th")
  }

  /// The digits at the start of a token: "4-1" → "4".
  static func numericPrefix(_ w: String) -> String {
    var s = Substring(w)
    if let dash = s.lastIndex(of: "-") { s = s[s.index(after: dash)...] }
    return String(s.prefix { $0.isNumber })
  }

  /// The letters after the digits of a number token: "5bn" → "bn", "1,200-km" → "km".
  static func numericSuffix(_ w: String) -> String {
    var s = Substring(w)
    while let c = s.first, c.isNumber || c == "," || c == "." { s = s.dropFirst() }
    if s.first == "-" { s = s.dropFirst() }
    return String(s)
  }
}

/// A set of ASCII lower-case letters as bits: a membership test is a shift and a mask.
struct LetterSet {
  let bits: UInt32
  init(_ letters: [UInt32]) {
    var b: UInt32 = 0
    for v in letters where v >= 0x61 && v <= 0x7A { b |= 1 << (v - 0x61) }
    bits = b
  }
  /// Whether `v` (already lower-cased by `| 0x20` for ASCII letters) is in the set.
  @inline(__always) func contains(_ v: UInt32) -> Bool {
    v >= 0x61 && v <= 0x7A && bits & (1 << (v - 0x61)) != 0
  }
}
