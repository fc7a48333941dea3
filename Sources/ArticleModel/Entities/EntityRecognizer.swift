/// Finds the entities of a document: names from the trained tagger, figures and events from
/// rules, then mentions grouped into entities (see `EntityClustering`).
public enum EntityRecognizer {
  public static func entities(in document: Document) -> [Entity] {
    EntityClustering.cluster(candidates(in: document), in: document)
  }

  /// Loads what the recogniser needs (model, tables) so that a benchmark can time it.
  public static func warmUp() {
    _ = EntityResources.model
    _ = EntityResources.baseGazetteer
  }

  /// Lower-case words inside names: "Bank of England", "Ludwig van Beethoven".
  static let nameJoiners: Set<String> = [
    "of", "and", "the", "for", "de", "del", "della", "der", "den", "van", "von", "la", "le", "du",
    "des", "da", "dos", "das", "bin", "ibn", "al", "el", "y", "e", "on", "upon", "in", "at", "&",
    "'s", "’s", "zu", "ter", "op", "di", "do",
  ]

  /// Company legal forms, no names alone.
  static let legalForms: Set<String> = [
    "Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "LLC", "AG", "SA",
  ]

  /// Titles that only a person has: the tagger's "Mr Blair" as an organisation is a person.
  static let personalTitles: Set<String> = [
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof", "Prof.", "Sir", "Dame",
    "Lord", "Lady", "Mme", "Mlle", "Monsieur", "Madame", "Herr", "Frau",
  ]

  /// Titles that also begin other names ("General Motors", "Prince Edward Island", "King's
  /// College"): dropped only from a person's name.
  static let honorifics: Set<String> = personalTitles.union([
    "Prince", "Princess", "Count", "Countess", "King", "Queen", "Emperor", "Empress", "President",
    "Pope", "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Senator", "Sen.", "Governor",
    "Gov.", "Lieutenant", "Lt.", "Major", "Private", "Sergeant", "Corporal", "Admiral", "Marshal",
    "Commander", "Chancellor", "Judge", "Justice", "Bishop", "Archbishop", "Cardinal", "Rabbi",
    "Sheikh", "Ayatollah",
  ])

  /// A mention before clustering: its tokens, span and type.
  struct Candidate {
    var tokens: Range<Int>
    var span: Span
    var type: EntityType
    /// Higher wins when two candidates overlap.
    var priority: Int
  }

  static func candidates(in d: Document) -> [Candidate] {
    guard !d.tokens.isEmpty else { return [] }
    var found: [Candidate] = []
    func add(_ r: Range<Int>, _ type: EntityType, _ priority: Int) {
      found.append(
        Candidate(
          tokens: r, span: Span(d.tokens[r.lowerBound].start, d.tokens[r.upperBound - 1].end),
          type: type, priority: priority))
    }
    // Names from the tagger.
    if let model = EntityResources.model {
      let tags = model.tag(NERInput(d))
      var names: [TaggedName] = []
      for s in d.sentences where !s.tokens.isEmpty {
        for e in NERTags.spans(Array(tags[s.tokens])) {
          var r = (s.tokens.lowerBound + e.range.lowerBound)..<(s.tokens.lowerBound + e.range.upperBound)
          // Punctuation at either end is not part of a name: "Marie?”" is "Marie".
          while r.count > 1, d.tokens[r.upperBound - 1].kind == .punctuation { r = r.dropLast() }
          while r.count > 1, d.tokens[r.lowerBound].kind == .punctuation { r = r.dropFirst() }
          if d.tokens[r.lowerBound].kind == .punctuation { continue }
          // A word in lower case that joins no name ends it: "U.S. Officials said Co" is
          // "U.S. Officials" ("Bank of England", "Ludwig van Beethoven" keep theirs).
          if let k = r.dropFirst().first(where: { k in
            let t = d.tokens[k]
            return t.kind == .word && CharacterClass.isLower(d.scalars[t.start])
              && !nameJoiners.contains(d.string(t))
          }) {
            r = r.lowerBound..<k
          }
          // A ticker in angle brackets ("<ASA>") is no name.
          if r.lowerBound > 0, r.upperBound < d.tokens.count,
            d.string(d.tokens[r.lowerBound - 1]) == "<", d.string(d.tokens[r.upperBound]) == ">"
          {
            continue
          }
          // A legal form alone ("Co", "Inc.") is no name.
          if r.count == 1, legalForms.contains(d.string(d.tokens[r.lowerBound])) { continue }
          // A title alone ("Mr.", "Herr") is no name.
          if r.count == 1, personalTitles.contains(d.string(d.tokens[r.lowerBound])) { continue }
          let (range, tagged) = withoutTitle(r, tagged: e.type, in: d, people: [])
          let opening = s.tokens[..<range.lowerBound].allSatisfy { d.tokens[$0].kind == .punctuation }
          names.append(TaggedName(range: range, tagged: tagged, opening: opening))
        }
      }
      for n in retyped(joined(mended(names, in: d), in: d), in: d) + inCapitals(names, in: d) {
        // A portfolio is no entity: "Secretary of State for the Family", "Minister for Sport".
        if n.range.count == 1, n.range.lowerBound >= 2 {
          let k = n.range.lowerBound
          let before = d.string(d.tokens[k - 1]) == "the" ? k - 2 : k - 1
          if before >= 1, d.string(d.tokens[before]) == "for",
            portfolioHolders.contains(d.string(d.tokens[before - 1]))
              || (before >= 3 && d.string(d.tokens[before - 1]) == "State"
                && d.string(d.tokens[before - 3]) == "Secretary")
          {
            continue
          }
        }
        add(n.range, EntityLexicon.type(tagged: n.tagged, text: d.string(span(n.range, in: d))), 1)
      }
    }
    for f in FigureRules.find(d) { add(f.range, f.type, 3) }
    for e in EventRules.find(d) { add(e, .event, 2) }
    for m in PhraseRules.find(d) { add(m.range, m.type, 2) }
    // The agency named in the dateline, "(VOVworld)-".
    if let dl = d.dateline, let source = dl.source {
      for k in d.tokenIndex(atOrAfter: dl.span.start)..<d.tokens.count {
        if d.tokens[k].start >= dl.span.end { break }
        if d.string(d.tokens[k]) == source { add(k..<(k + 1), .organization, 2) }
      }
    }
    var accepted = joinOf(resolve(found), in: d)
    accepted = EntityClustering.propagate(accepted, in: d)
    return accepted
  }

  /// A name from the tagger: its tokens, the tagger's type (0 PER, 1 ORG, 2 LOC, 3 MISC) and
  /// whether it begins its sentence.
  struct TaggedName {
    var range: Range<Int>
    var tagged: Int
    var opening: Bool
  }

  /// Holders of a portfolio named after "for": "Minister for Sport".
  static let portfolioHolders: Set<String> = [
    "Minister", "Secretary", "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson",
    "Minister", "Ministry", "Department", "Office", "Czar", "Tsar",
  ]

  /// Heads of organisation names that take two names joined by "and": "Brown and Williamson
  /// Tobacco", "the Energy and Environment Policy Center".
  static let joinedHeads: Set<String> = EntityLexicon.companyHeads.union([
    "Center", "Centre", "Institute", "Foundation", "Council", "Committee", "Association",
    "Society", "Union", "Tobacco", "Company", "University", "College", "School", "Agency",
    "Commission", "Board", "Fund", "Program", "Programme", "Project", "Laboratory",
  ])

  /// Two names joined by "and" or "&" where the second ends in an organisation's head are one
  /// organisation: "Brown and Williamson Tobacco", not the person Brown and the firm.
  /// Later, "Brown and Williamson" alone is that organisation too.
  static func joined(_ names: [TaggedName], in d: Document) -> [TaggedName] {
    func words(_ r: Range<Int>) -> [String] { r.map { d.string(d.tokens[$0]) } }
    var organisations: [[String]] = []
    for pass in 0..<2 {
      var out: [TaggedName] = []
      for n in names {
        if let last = out.last, last.range.upperBound + 1 == n.range.lowerBound,
          ["and", "&"].contains(d.string(d.tokens[last.range.upperBound])),
          d.tokens[last.range.upperBound - 1].kind == .word,
          // "Sorel Gold and Pinecrest Development" are two companies
          !joinedHeads.contains(d.string(d.tokens[last.range.upperBound - 1]))
        {
          let range = last.range.lowerBound..<n.range.upperBound
          let w = words(range)
          if joinedHeads.contains(d.string(d.tokens[n.range.upperBound - 1]))
            || (pass == 1 && organisations.contains { $0.starts(with: w) })
          {
            if pass == 0 { organisations.append(w) }
            out[out.count - 1] = TaggedName(range: range, tagged: 1, opening: last.opening)
            continue
          }
        }
        out.append(n)
      }
      if pass == 1 || organisations.isEmpty { return out }
    }
    return names
  }

  /// Names the tagger missed in all-capital lines ("PYONGYANG SAYS NO") that the rest of the
  /// document names in mixed case: the headline's "PYONGYANG" is the "Pyongyang" of the text.
  static func inCapitals(_ names: [TaggedName], in d: Document) -> [TaggedName] {
    func isCapsSentence(_ r: Range<Int>) -> Bool {
      var letters = false
      for k in r {
        let t = d.tokens[k]
        for i in t.start..<t.end where CharacterClass.isLetter(d.scalars[i]) {
          if CharacterClass.isLower(d.scalars[i]) { return false }
          letters = true
        }
      }
      return letters
    }
    let caps = d.sentences.filter { !$0.tokens.isEmpty && isCapsSentence($0.tokens) }
    guard !caps.isEmpty else { return [] }
    // The mixed-case names, by the hashes of their lower-cased tokens.
    var known: [[UInt64]: Int] = [:]
    var covered = Set<Int>()
    for n in names {
      for k in n.range { covered.insert(k) }
      let first = d.tokens[n.range.lowerBound]
      guard (first.start..<first.end).contains(where: { CharacterClass.isLower(d.scalars[$0]) })
      else { continue }
      let key = n.range.map { k in NERHash.lowerHash(d.scalars[d.tokens[k].start..<d.tokens[k].end]) }
      if known[key] == nil { known[key] = n.tagged }
    }
    guard !known.isEmpty else { return [] }
    let longest = known.keys.map(\.count).max() ?? 0
    var out: [TaggedName] = []
    for s in caps {
      let r = s.tokens
      let keys = r.map { k in NERHash.lowerHash(d.scalars[d.tokens[k].start..<d.tokens[k].end]) }
      var i = 0
      while i < keys.count {
        var matched = 0
        for len in stride(from: min(longest, keys.count - i), through: 1, by: -1) {
          let range = (r.lowerBound + i)..<(r.lowerBound + i + len)
          if range.contains(where: { covered.contains($0) }) { continue }
          if let type = known[Array(keys[i..<(i + len)])] {
            out.append(TaggedName(range: range, tagged: type, opening: i == 0))
            matched = len
            break
          }
        }
        i += max(matched, 1)
      }
    }
    return out
  }

  /// The tagger's names mended by what the rest of the document says of them.
  /// - "Princess Mary" tagged as a place is the "Mary" tagged as a person elsewhere.
  /// - A sentence's first word has a capital anyway: "Your Papa", "Following Dunyásha" are
  ///   "Papa" and "Dunyásha" when the word is written in lower case elsewhere in the text, the
  ///   rest is a name tagged alone elsewhere, and the whole is not tagged inside a sentence
  ///   ("Air Deccan has said" keeps its "Air" when "the rival Air Deccan" is written too).
  static func mended(_ names: [TaggedName], in d: Document) -> [TaggedName] {
    func text(_ r: Range<Int>) -> String { d.string(span(r, in: d)) }
    let people = Set(names.filter { $0.tagged == 0 }.map { text($0.range) })
    var lowerWords = NERWordTable<Bool>()
    var tagged = Set<String>()
    var inside = Set<String>()
    if names.contains(where: { $0.opening && $0.range.count > 1 }) {
      lowerWords = lowerCaseWords(d)
      for n in names {
        tagged.insert(text(n.range))
        if !n.opening { inside.insert(text(n.range)) }
      }
    }
    return names.map { n in
      var range = n.range
      if n.opening, range.count > 1, case let t = d.tokens[range.lowerBound],
        lowerWords.contains(NERHash.lowerHash(d.scalars[t.start..<t.end])),
        tagged.contains(text(range.dropFirst())), !inside.contains(text(range))
      {
        range = range.dropFirst()
      }
      let (r, type) = withoutTitle(range, tagged: n.tagged, in: d, people: people)
      return TaggedName(range: r, tagged: type, opening: n.opening)
    }
  }

  /// The words written in lower case somewhere in the document, by their lower-case hash.
  static func lowerCaseWords(_ d: Document) -> NERWordTable<Bool> {
    var out = NERWordTable<Bool>()
    for t in d.tokens where t.kind == .word && CharacterClass.isLower(d.scalars[t.start]) {
      let h = NERHash.lowerHash(d.scalars[t.start..<t.end])
      if !out.contains(h) { out.insert(h, true) }
    }
    return out
  }

  static func span(_ r: Range<Int>, in d: Document) -> Span {
    Span(d.tokens[r.lowerBound].start, d.tokens[r.upperBound - 1].end)
  }

  /// A tagged name without its title, and the tag it then has. A title is not part of a
  /// person's name: "Mr Mubanga" is "Mubanga" (BBC style has no dot), and "Mr", "Lord"... make
  /// it a person whatever the tagger said. "General", "Prince", "Emperor"... are dropped from a
  /// name tagged as a person, or when what follows is a name tagged as a person elsewhere
  /// (`people`); otherwise they stay: "General Motors", "General Election", "King Cross".
  static func withoutTitle(
    _ range: Range<Int>, tagged: Int, in d: Document, people: Set<String>
  ) -> (range: Range<Int>, tagged: Int) {
    var r = range
    var tagged = tagged
    // "Lord Chancellor's Department" is an organisation, title and all.
    let isOrganisation = tagged != 0 && organisationHeads.contains(d.string(d.tokens[r.upperBound - 1]))
    // "the Emperor", "the Pope" alone are people.
    if r.count == 1, tagged != 0, honorifics.contains(d.string(d.tokens[r.lowerBound])) { tagged = 0 }
    while r.count > 1, CharacterClass.isUpper(d.scalars[d.tokens[r.lowerBound + 1].start]) {
      let title = d.string(d.tokens[r.lowerBound])
      let rest = (r.lowerBound + 1)..<r.upperBound
      if personalTitles.contains(title) && !isOrganisation {
        tagged = 0
      } else if honorifics.contains(title),
        tagged == 0 || (!isOrganisation && people.contains(d.string(span(rest, in: d))))
      {
        tagged = 0
      } else {
        break
      }
      r = rest
    }
    return (r, tagged)
  }

  /// Head words of organisation names that take "of" and a place: "Workers’ Party of North
  /// Korea", "Bank of England", "University of Oxford".
  static let organisationHeads: Set<String> = [
    "Party", "Bank", "University", "Ministry", "Council", "Church", "Academy", "Institute",
    "Association", "Federation", "Union", "Front", "League", "Commission", "Committee", "Court",
    "Department", "Office", "Agency", "Army", "Navy", "Organisation", "Organization", "Foundation",
    "Society", "College", "School", "Museum", "Assembly", "Parliament", "Congress", "Government",
    "Movement", "Alliance", "Command", "Chamber", "Board", "Corporation", "Company", "Authority",
  ]

  /// Joins an organisation ending in a head word, "of", and the place or organisation after it.
  static func joinOf(_ cands: [Candidate], in d: Document) -> [Candidate] {
    var out: [Candidate] = []
    var k = 0
    while k < cands.count {
      var c = cands[k]
      if k + 1 < cands.count, c.type == .organization, c.priority < 3,
        organisationHeads.contains(d.string(d.tokens[c.tokens.upperBound - 1])),
        c.tokens.upperBound + 1 == cands[k + 1].tokens.lowerBound,
        d.string(d.tokens[c.tokens.upperBound]) == "of",
        [.place, .organization].contains(cands[k + 1].type)
      {
        let n = cands[k + 1]
        c = Candidate(
          tokens: c.tokens.lowerBound..<n.tokens.upperBound, span: Span(c.span.start, n.span.end),
          type: .organization, priority: max(c.priority, n.priority))
        k += 1
      }
      out.append(c)
      k += 1
    }
    return out
  }

  /// Keeps the best of overlapping candidates: figures first, then the longer, then the higher
  /// priority, then the earlier.
  static func resolve(_ found: [Candidate]) -> [Candidate] {
    let order = found.sorted {
      if ($0.priority == 3) != ($1.priority == 3) { return $0.priority == 3 }
      if $0.tokens.count != $1.tokens.count { return $0.tokens.count > $1.tokens.count }
      if $0.priority != $1.priority { return $0.priority > $1.priority }
      return $0.tokens.lowerBound < $1.tokens.lowerBound
    }
    var taken: [Candidate] = []
    var used = Set<Int>()
    for c in order where !c.tokens.contains(where: { used.contains($0) }) {
      taken.append(c)
      used.formUnion(c.tokens)
    }
    return taken.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
  }
}

/// Events the tagger cannot know: "6-party talks", "six-party nuclear talks", and the event
/// names of the table ("Cold War", "World Cup").
enum EventRules {
  static let numberWords: Set<String> = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  ]

  static func find(_ d: Document) -> [Range<Int>] {
    var out: [Range<Int>] = []
    let toks = d.tokens
    var i = 0
    while i < toks.count {
      let t = toks[i]
      // "6-party talks", "6 party nuclear talks", "six-party talks"
      if t.kind == .number || (t.kind == .word && t.end - t.start >= 9) {
        let w = d.string(t).lowercased()
        var j = -1
        if w.hasSuffix("-party"), t.kind == .number || numberWords.contains(String(w.dropLast(6))) {
          j = i + 1
        } else if t.kind == .number, i + 1 < toks.count, d.string(toks[i + 1]).lowercased() == "party" {
          j = i + 2
        }
        if j > 0 {
          var k = j
          while k < toks.count && k - j < 2 {
            let n = d.string(toks[k]).lowercased()
            if n == "talks" {
              out.append(i..<(k + 1))
              i = k
              break
            }
            if toks[k].kind != .word { break }
            k += 1
          }
        }
      }
      i += 1
    }
    return out
  }
}

/// Multi-word names of the tables, matched case-sensitively (quotes folded) so that the tagger's
/// splits ("Democratic People" + "’s Republic of Korea") and misses ("Workers’ Party of North
/// Korea", "Cold War") are mended.
enum PhraseRules {
  struct Phrase {
    var words: [UInt64]
    var type: EntityType
  }

  static func typeOf(_ kind: EntityResources.Kind) -> EntityType {
    switch kind {
    case .country, .place: return .place
    case .org: return .organization
    case .group: return .group
    case .event: return .event
    case .misc: return .misc
    }
  }

  /// Hash of a token's folded text, case kept.
  static func hash<S: Sequence>(_ s: S) -> UInt64 where S.Element == Unicode.Scalar {
    var h = NERHash.seed
    for c in s { h = NERHash.add(h, NERHash.fold(c)) }
    return NERHash.mix(h)
  }

  static let phrases: [UInt64: [Phrase]] = {
    var out: [UInt64: [Phrase]] = [:]
    for e in EntityResources.aliasEntries {
      for n in e.names {
        let sc = Array(n.unicodeScalars)
        guard let first = sc.first, CharacterClass.isUpper(first) else { continue }
        var toks: [Token] = []
        Tokenizer.tokenize(sc, in: 0..<sc.count, into: &toks)
        guard toks.count >= 2 || e.kind == .event else { continue }
        let words = toks.map { hash(sc[$0.start..<$0.end]) }
        out[words[0], default: []].append(Phrase(words: words, type: typeOf(e.kind)))
      }
    }
    for k in out.keys { out[k]!.sort { $0.words.count > $1.words.count } }
    return out
  }()

  static func find(_ d: Document) -> [(range: Range<Int>, type: EntityType)] {
    var out: [(range: Range<Int>, type: EntityType)] = []
    let toks = d.tokens
    var i = 0
    while i < toks.count {
      let t = toks[i]
      guard t.kind == .word, CharacterClass.isUpper(d.scalars[t.start]),
        let cands = phrases[hash(d.scalars[t.start..<t.end])]
      else { i += 1; continue }
      var matched: Phrase?
      for p in cands where i + p.words.count <= toks.count {
        var ok = true
        for k in 1..<max(p.words.count, 1) {
          let u = toks[i + k]
          if hash(d.scalars[u.start..<u.end]) != p.words[k] { ok = false; break }
        }
        if ok { matched = p; break }
      }
      if let p = matched {
        out.append((i..<(i + p.words.count), p.type))
        i += p.words.count
      } else {
        i += 1
      }
    }
    return out
  }
}
