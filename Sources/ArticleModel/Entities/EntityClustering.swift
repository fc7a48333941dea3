/// Turns mentions into entities: repeats and possessives, acronyms with their expansion, later
/// short person references, and the country aliases of the tables become one entity each.
enum EntityClustering {
  typealias Candidate = EntityRecognizer.Candidate

  static let nameTypes: Set<EntityType> = [.person, .organization, .place, .group, .event]

  // MARK: - Acronyms and repeats

  /// Whether `acronym` spells the initials of `words` (capitalised words, or all words).
  static func isAcronym(_ acronym: String, of words: [String]) -> Bool {
    let letters = acronym.unicodeScalars.filter { CharacterClass.isLetter($0) }
    guard letters.count >= 2,
      letters.count == acronym.unicodeScalars.filter({ $0 != "." && $0 != "&" }).count,
      letters.allSatisfy({ CharacterClass.isUpper($0) })
    else { return false }
    let target = String(String.UnicodeScalarView(letters))
    let caps = words.compactMap { w -> Unicode.Scalar? in
      guard let f = w.unicodeScalars.first, CharacterClass.isUpper(f) else { return nil }
      return f
    }
    if String(String.UnicodeScalarView(caps)) == target { return true }
    let all = words.compactMap { w -> Unicode.Scalar? in
      guard let f = w.unicodeScalars.first, CharacterClass.isLetter(f) else { return nil }
      return Unicode.Scalar(NERHash.lower(f.value)).map { $0 }
    }
    if String(String.UnicodeScalarView(all)) == target.lowercased() { return true }
    return isLooseAcronym(letters.map { NERHash.lower($0.value) }, of: words)
  }

  /// Looser, for an acronym in brackets right after its expansion: "Demilitarized Zone (DMZ)".
  /// Every capitalised word gives its initial, in order, and the other letters come from inside
  /// those words, in order.
  static func isLooseAcronym(_ acr: [UInt32], of words: [String]) -> Bool {
    let ws: [[UInt32]] = words.compactMap { w in
      guard let f = w.unicodeScalars.first, CharacterClass.isUpper(f) else { return nil }
      return w.unicodeScalars.filter { CharacterClass.isLetter($0) }.map { NERHash.lower($0.value) }
    }
    guard ws.count >= 2, acr.count <= 8 else { return false }
    func match(_ ai: Int, _ wi: Int) -> Bool {
      if wi == ws.count { return ai == acr.count }
      guard ai < acr.count, acr[ai] == ws[wi][0] else { return false }
      // Take acr[ai+1..<ai+1+extra] from inside the word, then go on with the next word.
      var pos = 1
      var extra = 0
      while true {
        if match(ai + 1 + extra, wi + 1) { return true }
        let next = ai + 1 + extra
        guard next < acr.count else { return false }
        while pos < ws[wi].count && ws[wi][pos] != acr[next] { pos += 1 }
        if pos >= ws[wi].count { return false }
        pos += 1
        extra += 1
      }
    }
    return match(0, 0)
  }

  /// The upper-case letters of an acronym ("J&J" → "JJ", "U.N." → "UN"), nil if it is not one.
  static func acronymLetters(_ s: String) -> String? {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars {
      if c == "." || c == "&" { continue }
      guard CharacterClass.isUpper(c) else { return nil }
      out.append(c)
    }
    return out.count >= 2 ? String(out) : nil
  }

  /// Initials of a name: of its capitalised words, and of all its words (upper-cased).
  static func initials(_ words: [String]) -> (caps: String, all: String) {
    var caps = String.UnicodeScalarView()
    var all = String.UnicodeScalarView()
    for w in words {
      guard let f = w.unicodeScalars.first, CharacterClass.isLetter(f) else { continue }
      if CharacterClass.isUpper(f) { caps.append(f) }
      all.append(Unicode.Scalar(NERHash.upper(f.value)) ?? f)
    }
    return (String(caps), String(all))
  }

  static func words(_ r: Range<Int>, _ d: Document) -> [String] { r.map { d.string(d.tokens[$0]) } }

  /// Adds acronyms given in brackets after a name, then every untagged repeat of a name already
  /// found (a name keeps its type within an article).
  static func propagate(_ input: [Candidate], in d: Document) -> [Candidate] {
    var cands = input
    var used = [Bool](repeating: false, count: d.tokens.count)
    for c in cands { for k in c.tokens { used[k] = true } }
    // "Democratic People’s Republic of Korea (DPRK)"
    for c in input where nameTypes.contains(c.type) && c.tokens.count >= 2 {
      let o = c.tokens.upperBound
      guard o + 2 < d.tokens.count, d.string(d.tokens[o]) == "(", d.string(d.tokens[o + 2]) == ")",
        !used[o + 1], isAcronym(d.string(d.tokens[o + 1]), of: words(c.tokens, d))
      else { continue }
      used[o + 1] = true
      let t = d.tokens[o + 1]
      cands.append(Candidate(tokens: (o + 1)..<(o + 2), span: t.span, type: c.type, priority: 1))
    }
    // Words written in lower case somewhere in the document are not propagated alone.
    let lowerForms = EntityRecognizer.lowerCaseWords(d)
    // Names by first word, with their most frequent type.
    var votes: [[String]: [EntityType: Int]] = [:]
    for c in cands where nameTypes.contains(c.type) {
      let w = words(c.tokens, d)
      guard let f = w.first?.unicodeScalars.first, CharacterClass.isUpper(f) else { continue }
      if w.count == 1 {
        let t = d.tokens[c.tokens.lowerBound]
        if t.end - t.start < 2 || lowerForms.contains(NERHash.lowerHash(d.scalars[t.start..<t.end])) {
          continue
        }
      }
      votes[w, default: [:]][c.type, default: 0] += 1
    }
    var byFirst: [String: [([String], EntityType)]] = [:]
    for (w, v) in votes {
      let type = v.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }!.key
      byFirst[w[0], default: []].append((w, type))
    }
    for k in byFirst.keys { byFirst[k]!.sort { $0.0.count > $1.0.count } }
    if byFirst.isEmpty { return cands.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
    var i = 0
    while i < d.tokens.count {
      let t = d.tokens[i]
      guard !used[i], t.kind == .word, CharacterClass.isUpper(d.scalars[t.start]),
        let names = byFirst[d.string(t)]
      else { i += 1; continue }
      var matched = false
      for (w, type) in names where i + w.count <= d.tokens.count {
        var ok = true
        for k in 1..<max(w.count, 1) where used[i + k] || d.string(d.tokens[i + k]) != w[k] {
          ok = false
          break
        }
        if !ok { continue }
        let r = i..<(i + w.count)
        cands.append(
          Candidate(
            tokens: r, span: Span(t.start, d.tokens[r.upperBound - 1].end), type: type, priority: 0))
        for k in r { used[k] = true }
        i = r.upperBound
        matched = true
        break
      }
      if !matched { i += 1 }
    }
    return cands.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
  }

  // MARK: - Entities

  /// "6 party nuclear talks" and "6-party talks" are one event: key "6-party talks".
  static func talksKey(_ k: String) -> String {
    let w = k.split(separator: " ")
    guard w.count >= 2, w.last == "talks" else { return k }
    if w[0].hasSuffix("-party") { return "\(w[0]) talks" }
    if w.count >= 3 && w[1] == "party" { return "\(w[0])-party talks" }
    return k
  }

  static func cluster(_ cands: [Candidate], in d: Document) -> [Entity] {
    guard !cands.isEmpty else { return [] }
    let texts = cands.map { d.string($0.span) }
    let isFigure = cands.map { [.money, .percent, .quantity].contains($0.type) }
    let textKeys = texts.map(EntityLexicon.key)
    var keys = zip(textKeys, isFigure).map { $1 ? "#" + $0 : $0 }
    // Acronym → expansion, when the acronym follows its expansion in brackets.
    var acronymOf: [String: String] = [:]
    for m in 0..<(cands.count - 1) where !isFigure[m] {
      let n = m + 1
      let c = cands[m]
      let o = c.tokens.upperBound
      guard cands[n].tokens == (o + 1)..<(o + 2), o < d.tokens.count, d.string(d.tokens[o]) == "(",
        isAcronym(texts[n], of: words(c.tokens, d))
      else { continue }
      acronymOf[keys[n]] = keys[m]
    }
    var lexiconType: [String: EntityType] = [:]
    for (i, k) in keys.enumerated() where !isFigure[i] {
      var k = k
      if cands[i].type == .event { k = talksKey(k) }
      if let t = acronymOf[k] { k = t }
      if let hit = EntityLexicon.table[k] {
        k = "@\(hit.entry)"
        lexiconType[k] = PhraseRules.typeOf(hit.kind)
      }
      keys[i] = k
    }
    // A plural is the same name: "Liberal Democrats" and "Liberal Democrat", "Young
    // Conservatives" and "Young Conservative" (names of two words or more, and not people:
    // "Serena Williams" is not "Serena William").
    let pluralable = keys.indices.filter {
      !isFigure[$0] && cands[$0].type != .person && cands[$0].tokens.count >= 2 && !keys[$0].hasPrefix("@")
    }
    let names = Set(pluralable.map { keys[$0] })
    for i in pluralable where keys[i].hasSuffix("s") && !keys[i].hasSuffix("ss") {
      let singular = String(keys[i].dropLast())
      if names.contains(singular) { keys[i] = singular }
    }
    var clusterOf: [String: Int] = [:]
    var members: [[Int]] = []
    for (i, k) in keys.enumerated() {
      if let c = clusterOf[k] {
        members[c].append(i)
      } else {
        clusterOf[k] = members.count
        members.append([i])
      }
    }
    // Later short references: "Ri" → "Ri Su Yong" (any word of a person's name), "Texas" →
    // "Texas Instruments" (the first word of another name of the same type), when only one
    // earlier full name fits.
    var fullNames: [String: [Int]] = [:]  // word → clusters whose fullest form has it
    func fullest(_ c: Int) -> Int {
      members[c].max {
        cands[$0].tokens.count != cands[$1].tokens.count
          ? cands[$0].tokens.count < cands[$1].tokens.count : $0 > $1
      }!
    }
    for c in members.indices {
      let f = fullest(c)
      // Every multi-word name counts, so that "Kim" stays apart when "Kim Jong Un" and
      // "Kim Dae Jung" are both there, whatever type each was given.
      guard cands[f].tokens.count >= 2, !isFigure[f] else { continue }
      let w = words(cands[f].tokens, d)
      for x in Set(w) where x != w[0] && cands[f].type == .person { fullNames[x, default: []].append(c) }
      fullNames[w[0], default: []].append(c)
    }
    func mostlyPlace(_ c: Int) -> Bool {
      2 * members[c].filter { cands[$0].type == .place }.count > members[c].count
    }
    var mergedInto = Array(members.indices)
    for c in members.indices {
      let f = fullest(c)
      guard cands[f].tokens.count == 1, !keys[f].hasPrefix("@"), !isFigure[f],
        let owners = fullNames[texts[f]], owners.count == 1, owners[0] != c,
        case let owner = fullest(owners[0]), case let ownerType = cands[owner].type,
        ownerType == cands[f].type
          || (ownerType == .person && [.person, .organization, .place, .misc].contains(cands[f].type)
            // a surname tagged otherwise ("Bonaparte" as ORG) is the person, but a place that
            // begins a mis-tagged name is still the place ("From Vyázma Napoleon")
            && (!mostlyPlace(c) || d.string(d.tokens[cands[owner].tokens.lowerBound]) != texts[f]))
      else { continue }
      mergedInto[c] = owners[0]
    }
    // Several words of a longer person name: "Bin Laden" → "Osama Bin Laden".
    var partsOf: [[String]: Set<Int>] = [:]
    for c in members.indices {
      let f = fullest(c)
      guard cands[f].type == .person, cands[f].tokens.count >= 3 else { continue }
      let w = words(cands[f].tokens, d)
      for len in 2..<w.count {
        for start in 0...(w.count - len) { partsOf[Array(w[start..<(start + len)]), default: []].insert(c) }
      }
    }
    for c in members.indices where mergedInto[c] == c {
      let f = fullest(c)
      guard cands[f].tokens.count >= 2, !keys[f].hasPrefix("@"), !isFigure[f],
        let owners = partsOf[words(cands[f].tokens, d)], owners.count == 1, let owner = owners.first,
        owner != c, [.person, .organization, .place, .misc].contains(cands[f].type)
      else { continue }
      mergedInto[c] = owner
    }
    // An organisation named without its "of" part: "Housewives Association" is the
    // "Housewives Association of Japan" of the text, when only one such name fits.
    var headOf: [[String]: Set<Int>] = [:]
    for c in members.indices where mergedInto[c] == c {
      let f = fullest(c)
      guard cands[f].type == .organization, cands[f].tokens.count >= 3, !isFigure[f] else { continue }
      let w = words(cands[f].tokens, d)
      if let p = w.firstIndex(where: { $0 == "of" || $0 == "for" }), p >= 2 {
        headOf[Array(w[..<p]), default: []].insert(c)
      }
    }
    for c in members.indices where mergedInto[c] == c {
      let f = fullest(c)
      guard cands[f].type == .organization, cands[f].tokens.count >= 2, !isFigure[f],
        !keys[f].hasPrefix("@"), let owners = headOf[words(cands[f].tokens, d)], owners.count == 1,
        let owner = owners.first, owner != c
      else { continue }
      mergedInto[c] = owner
    }
    // Acronyms without brackets: "J&J" is "Johnson & Johnson" when no other name fits.
    var byInitials: [String: Set<Int>] = [:]
    for c in members.indices where mergedInto[c] == c {
      let f = fullest(c)
      guard cands[f].tokens.count >= 2, !isFigure[f], cands[f].type != .person else { continue }
      let (caps, all) = initials(words(cands[f].tokens, d))
      if caps.count >= 2 { byInitials[caps, default: []].insert(c) }
      if all.count >= 2 { byInitials[all, default: []].insert(c) }
    }
    for c in members.indices where mergedInto[c] == c {
      let f = fullest(c)
      guard cands[f].tokens.count == 1, !keys[f].hasPrefix("@"), !isFigure[f],
        let letters = acronymLetters(texts[f]), let owners = byInitials[letters], owners.count == 1,
        let owner = owners.first, owner != c
      else { continue }
      mergedInto[c] = owner
    }
    func root(_ c: Int) -> Int {
      var c = c
      var steps = 0
      while mergedInto[c] != c && steps < members.count {
        c = mergedInto[c]
        steps += 1
      }
      return c
    }
    var groups: [Int: [Int]] = [:]
    for c in members.indices { groups[root(c), default: []] += members[c] }

    var entities: [(Entity, Int)] = []
    for (r, idx) in groups {
      let sorted = idx.sorted { cands[$0].span < cands[$1].span }
      // Type: the most frequent among the full name's own mentions (short references and
      // acronyms take the full name's type); ties go to the fullest mention's type.
      var votes: [EntityType: Int] = [:]
      for i in members[r] { votes[cands[i].type, default: 0] += 1 }
      // The fullest form names the entity; a headline's or dateline's capitals ("PYONGYANG",
      // "IRAN") only if there is no other spelling, and then as the tables write the name
      // ("MADRID" → "Madrid"). Short acronyms ("NATO", "EU") are written in capitals anyway.
      func letters(_ i: Int) -> Int { texts[i].unicodeScalars.filter { CharacterClass.isLetter($0) }.count }
      func capitals(_ i: Int) -> Bool {
        !texts[i].unicodeScalars.contains { CharacterClass.isLower($0) } && letters(i) >= 2
      }
      let anyCapitals = sorted.contains(where: capitals)
      let mixed = anyCapitals ? Set(sorted.filter { !capitals($0) }.map { textKeys[$0] }) : []
      func shouted(_ i: Int) -> Bool {
        capitals(i) && (letters(i) > 4 || mixed.contains(textKeys[i]))
      }
      let best = sorted.max {
        let sa = shouted($0)
        let sb = shouted($1)
        if sa != sb { return sa }
        let a = texts[$0].unicodeScalars.count
        let b = texts[$1].unicodeScalars.count
        return a != b ? a < b : $0 > $1
      }!
      let top = votes.values.max()!
      var type = votes[cands[best].type] == top
        ? cands[best].type : votes.filter { $0.value == top }.map(\.key).sorted { $0.rawValue < $1.rawValue }[0]
      // A name of the tables has the table's type ("Texas Instruments" is a company).
      if let i = sorted.first(where: { lexiconType[keys[$0]] != nil }) { type = lexiconType[keys[i]]! }
      func oneLine(_ t: String) -> String {
        // Most names are one line with single spaces already: no split then.
        var last: Unicode.Scalar = " "
        let clean = t.unicodeScalars.allSatisfy { s in
          defer { last = s }
          return s != "\n" && s != "\t" && s != "\r" && !(s == " " && last == " ")
        }
        if clean, t.unicodeScalars.last != " " { return t }
        return t.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" || $0 == "\r" })
          .joined(separator: " ")
      }
      var name = oneLine(texts[best])
      if shouted(best), let written = EntityLexicon.writtenForm(name) { name = written }
      var aliases: [String] = []
      for i in sorted {
        let a = oneLine(texts[i])
        if a != name && !aliases.contains(a) { aliases.append(a) }
      }
      entities.append(
        (Entity(name: name, type: type, mentions: sorted.map { cands[$0].span }, aliases: aliases), sorted[0]))
    }
    entities.sort {
      $0.0.mentions.count != $1.0.mentions.count
        ? $0.0.mentions.count > $1.0.mentions.count : $0.1 < $1.1
    }
    return entities.map(\.0)
  }
}
