/// Lookups in the alias tables by a normalised key, and the MISC split (group, event, misc)
/// by lexicon and pattern.
enum EntityLexicon {
  struct Hit {
    var kind: EntityResources.Kind
    /// The line of the alias tables: names on one line are one entity.
    var entry: Int
  }

  /// A name's key: typographic quotes folded, lower-cased, dots and a leading "the" dropped,
  /// a trailing possessive removed, white space collapsed. "U.S." and "US" share a key.
  static func key(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var lastSpace = true
    for s in text.unicodeScalars {
      let v = NERHash.fold(s)
      if v == 0x2E { continue }  // dots
      if CharacterClass.isSpace(s) {
        if !lastSpace { out.append(" ") }
        lastSpace = true
        continue
      }
      lastSpace = false
      out.append(Unicode.Scalar(NERHash.lower(v)) ?? s)
    }
    var k = String(out)
    while k.hasSuffix(" ") { k.removeLast() }
    if k.hasSuffix("'s") { k.removeLast(2) } else if k.hasSuffix("'") { k.removeLast() }
    while k.hasSuffix(" ") { k.removeLast() }
    if k.hasPrefix("the ") { k.removeFirst(4) }
    return k
  }

  /// How the alias tables write a name given in capitals: "MADRID" → "Madrid".
  static func writtenForm(_ text: String) -> String? {
    writtenForms[key(text)]
  }

  static let writtenForms: [String: String] = {
    var t: [String: String] = [:]
    for e in EntityResources.aliasEntries {
      for n in e.names where t[key(n)] == nil && n.unicodeScalars.contains(where: { CharacterClass.isLower($0) }) {
        t[key(n)] = n
      }
    }
    return t
  }()

  static let table: [String: Hit] = {
    var t: [String: Hit] = [:]
    for (i, e) in EntityResources.aliasEntries.enumerated() {
      for n in e.names {
        let k = key(n)
        if t[k] == nil { t[k] = Hit(kind: e.kind, entry: i) }
      }
    }
    // Country lines of the hand-made table add aliases to the iso-codes line of the same
    // country: join entries that share a name.
    var entryOf: [Int: Int] = [:]
    func root(_ i: Int) -> Int {
      var i = i
      while let p = entryOf[i], p != i { i = p }
      return i
    }
    for (i, e) in EntityResources.aliasEntries.enumerated() where e.kind == .country {
      for n in e.names {
        if let h = t[key(n)], h.kind == .country, root(h.entry) != root(i) {
          entryOf[root(i)] = root(h.entry)
        }
      }
    }
    for (k, h) in t where h.kind == .country { t[k] = Hit(kind: .country, entry: root(h.entry)) }
    return t
  }()

  static func lookup(_ text: String) -> Hit? { table[key(text)] }

  static let eventHeads: Set<String> = [
    "war", "wars", "cup", "games", "olympics", "olympiad", "championship", "championships",
    "open", "talks", "summit", "revolution", "crisis", "prix", "rally", "tournament", "festival",
    "expo", "marathon", "trophy", "uprising", "spring", "massacre", "election", "elections",
  ]

  /// Last words that make a name tagged as an organisation or a place an event (not "games": "Rockstar Games").
  static let organisationEventHeads: Set<String> = [
    "election", "elections", "cup", "olympics", "championship", "championships", "summit", "talks",
  ]

  /// Last words that make a name a place whatever the tagger said: "Demilitarized Zone".
  static let placeHeads: Set<String> = [
    "Zone", "Peninsula", "Strait", "Straits", "Island", "Islands", "Mountains", "River", "Sea",
    "Ocean", "Valley", "Lake", "Desert", "Province", "Region", "Square", "Street", "Avenue",
    "Airport", "Canal", "Coast", "Border",
  ]

  /// Plural demonym endings ("Venezuelans", "Sudanese"); singular ones are too often names
  /// ("Gillian"), so those come from the table only.
  static let groupSuffixes = ["ians", "eans", "ans", "ese", "ites", "ists"]

  /// A family name and a hyphenated given name of romanised Korean syllables: "Kim Jong-un",
  /// "Ban Ki-moon", "Moon Jae-in", "Park Geun-hye". The tagger, which saw few of them, calls
  /// them MISC or ORG. "New York-based" is not one: "York" and "based" are not such syllables.
  static func isKoreanStyleName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard words.count == 2 || words.count == 3 else { return false }
    func capitalised<S: StringProtocol>(_ s: S) -> Bool {
      let sc = Array(s.unicodeScalars)
      return (2...6).contains(sc.count) && sc.allSatisfy { $0.isASCII && CharacterClass.isLetter($0) }
        && CharacterClass.isUpper(sc[0]) && sc.dropFirst().allSatisfy { CharacterClass.isLower($0) }
    }
    let given = words[words.count - 1].split(separator: "-", omittingEmptySubsequences: false)
    return given.count == 2 && capitalised(given[0]) && isKoreanSyllable(given[0].lowercased())
      && isKoreanSyllable(String(given[1])) && words.dropLast().allSatisfy { capitalised($0) }
  }

  /// A romanised Korean syllable: an initial consonant or none, vowels, a final n, ng, l, m, k
  /// or p ("jong", "un", "geun", "hye", "seok").
  static func isKoreanSyllable(_ s: String) -> Bool {
    var rest = Substring(s)
    for initial in ["kk", "tt", "pp", "ss", "jj", "ch", "g", "k", "n", "d", "r", "l", "m", "b", "p", "s", "j", "h", "t"]
    where rest.hasPrefix(initial) {
      rest = rest.dropFirst(initial.count)
      break
    }
    let vowels = rest.prefix { "aeiouwy".contains($0) }
    guard vowels.contains(where: { "aeiou".contains($0) }) else { return false }
    rest = rest.dropFirst(vowels.count)
    return ["", "ng", "n", "l", "m", "k", "p"].contains(String(rest))
  }

  /// The user type of a tagged name: the tagger's label, refined by the tables.
  /// Last words of company names (capitalised, after another name word): mining and finance
  /// houses in wire copy and the legal forms.
  static let companyHeads: Set<String> = [
    "Mines", "Mining", "Gold", "Development", "Developments", "Securities", "Resources",
    "Minerals", "Explorations", "Exploration", "Petroleum", "Bancorp", "Bancshares", "Holdings",
    "Industries", "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "Plc",
    "PLC", "plc", "AG", "SA", "NV", "BV", "GmbH", "Investments", "Capital", "Financial",
    "Trust", "Airlines", "Motors", "Steel", "Chemicals", "Pharmaceuticals", "Brewing",
    "Breweries", "Enterprises", "Technologies", "Systems", "Communications", "Partners",
  ]

  static func type(tagged: Int, text: String) -> EntityType {
    let hit = lookup(text)
    if let hit {
      switch hit.kind {
      case .group: return .group
      case .event: return .event
      case .misc: return .misc
      case .country, .place: if tagged != 0 { return .place }  // a person may be "Jordan"
      case .org: return .organization
      }
    }
    if tagged != 0 && isKoreanStyleName(text) { return .person }
    let lastWord = text.split(separator: " ").last.map(String.init) ?? ""
    // "Campbell Red Lake Mines", "Hemlo Gold", "Yorkton Securities": a company's last word.
    if text.contains(" "), companyHeads.contains(lastWord) { return .organization }
    if tagged == 1 || tagged == 3, text.contains(" "), placeHeads.contains(lastWord) { return .place }
    // "General Election", "World Cup" tagged as an organisation or a place are events.
    if tagged == 1 || tagged == 2, text.contains(" "), organisationEventHeads.contains(lastWord.lowercased()) {
      return .event
    }
    switch tagged {
    case 0: return .person
    case 1: return .organization
    case 2: return .place
    default:
      let words = text.split(separator: " ")
      if let last = words.last, eventHeads.contains(last.lowercased()) { return .event }
      if words.count == 1, !text.contains("-"),
        groupSuffixes.contains(where: { text.lowercased().hasSuffix($0) })
      {
        return .group
      }
      return .misc
    }
  }
}
