import Foundation

/// The tagger's types mended by what the words around a name say of it, and by what a name
/// looks like (issue 15). The tagger reads a window of two words; these read a phrase:
/// - "the aircraft carrier X", "the frigate X", "USS X": a ship (MISC);
/// - "the film X", "the comedy X", "her role in X", "nominated for X", "X star Jane Doe",
///   "X, directed by", "X is written and directed by", "X, starring Jane Doe": a work (MISC);
/// - "X and Co", "X & Co", "X Inc": a company, the bare "X" too;
/// - initials and a surname ("J.R. Hale"), or a given name and a surname ("Anna Hope"), tagged
///   as an organisation or a place: a person, unless the name ends in a company, organisation,
///   place or event word or the tables or the training names know it otherwise.
/// A type said by the words around a name holds for its other mentions in the document.
extension EntityRecognizer {
  /// Lower-case words right before a ship's name ("carrier" only after "aircraft": "the
  /// carrier British Airways" is an airline).
  static let shipWords = keys([
    "warship", "battleship", "frigate", "destroyer", "submarine", "cruiser", "ship", "vessel",
    "tanker", "freighter", "liner", "yacht", "ferry", "trawler", "gunboat", "minesweeper",
  ])
  /// Prefixes of ships' names: "USS Cole", "HMS Belfast".
  static let shipPrefixes = keys(["USS", "HMS", "RMS", "HMAS", "HMCS", "INS"])
  /// Lower-case words right before the title of a work ("the film X", "the comedy X").
  static let workWords = keys([
    "film", "movie", "drama", "comedy", "thriller", "documentary", "musical", "biopic", "sitcom",
    "album", "novel", "opera", "song", "series", "epic", "cartoon", "blockbuster", "sequel",
    "remake", "soap", "miniseries", "docudrama", "romcom",
  ])
  /// Words after a company's name that make the name a company's: "and Co", "& Sons", "Inc".
  static let companyTails = keys(["Co", "Co.", "Company", "Sons", "Brothers", "Bros", "Bros."])

  /// Given names, one a line in `given-names.txt` (hand-made).
  static let givenNames: Set<UInt64> = {
    guard let url = EntityResources.resourceURL("given-names", "txt"),
      let data = try? Data(contentsOf: url)
    else { return [] }
    // Read as bytes (Foundation's trimming cost more than the rest of an article's analysis).
    var out = Set<UInt64>()
    for var line in data.split(separator: 10) {
      while let c = line.last, c == 32 || c == 9 || c == 13 { line = line.dropLast() }
      while let c = line.first, c == 32 || c == 9 { line = line.dropFirst() }
      guard let c = line.first, c != 35 else { continue }  // '#': a comment
      out.insert(PhraseRules.hash(String(decoding: line, as: UTF8.self).unicodeScalars))
    }
    return out
  }()

  /// Words before "in" that make what follows a work: "her role in X".
  /// Only for a name tagged as a person or MISC: "her role in Iraq" is a place's.
  static let roleWords = keys(["role", "roles", "performance", "performances"])
  /// Words after a work's title and before a person's name: "X star Imelda Staunton".
  static let creditWords = keys(["star", "stars", "co-star", "director", "writer", "producer"])
  /// Capitalised words after a given name that are no surname: weekdays, titles and posts
  /// ("Alexander Director of ...").
  static let notSurnames = keys(
    honorifics.union(portfolioHolders).union([
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Director",
      "Chairman", "Chairwoman", "Chair", "Chief", "Editor", "Manager", "Head", "Leader", "Deputy",
      "Vice", "Executive", "Officer", "Coach", "Professor", "Doctor", "Father", "Mother", "Saint",
      "On", "In", "At", "Of", "The", "And", "For", "To", "By", "With", "From", "An", "As", "Or",
    ]))
  /// Last words of places and buildings named after people: "Beverly Hills", "Ethel Barrymore
  /// Theatre", "Victoria Station".
  static let placeEnds: Set<String> = [
    "Hills", "Hill", "Heights", "Park", "Springs", "Beach", "Bay", "City", "Town", "County",
    "Falls", "Point", "Harbour", "Harbor", "Station", "Bridge", "Gardens", "Hall", "Theatre",
    "Theater", "Centre", "Center", "Stadium", "Arena", "Road", "Lane", "Place", "Court", "Square",
    "International", "Group", "Foods", "Stores", "Story", "Show", "Films", "Pictures", "Records",
    "Studios", "Crew", "Band", "Pavilion", "Hotel", "Chain", "Kings",
  ]

  /// Words by the hash of their scalars, case kept (`PhraseRules.hash`), so that a token is
  /// checked without making a String of it.
  static func keys<S: Sequence>(_ words: S) -> Set<UInt64> where S.Element == String {
    Set(words.map { PhraseRules.hash($0.unicodeScalars) })
  }
  static let word = (
    comma: PhraseRules.hash(",".unicodeScalars), and: PhraseRules.hash("and".unicodeScalars),
    amp: PhraseRules.hash("&".unicodeScalars),
    starring: PhraseRules.hash("starring".unicodeScalars),
    isW: PhraseRules.hash("is".unicodeScalars), was: PhraseRules.hash("was".unicodeScalars),
    written: PhraseRules.hash("written".unicodeScalars),
    directed: PhraseRules.hash("directed".unicodeScalars),
    by: PhraseRules.hash("by".unicodeScalars),
    aircraft: PhraseRules.hash("aircraft".unicodeScalars),
    carrier: PhraseRules.hash("carrier".unicodeScalars), inW: PhraseRules.hash("in".unicodeScalars),
    forW: PhraseRules.hash("for".unicodeScalars),
    nominated: PhraseRules.hash("nominated".unicodeScalars),
    possessive: PhraseRules.hash("'s".unicodeScalars),
    possessiveCurly: PhraseRules.hash("’s".unicodeScalars)
  )
  static let legalFormKeys = keys(legalForms)

  /// The names with the types the words around them, or their shape, say. A name widens over
  /// initials before it ("T.R." + "Banfield"), a given name over the capitalised word the tagger
  /// left after it ("Anna" + "May"), a company over its tail ("and Co"). See the extension's
  /// comment.
  static func retyped(_ names: [TaggedName], in d: Document) -> [TaggedName] {
    // A cue is a word of the name's own sentence: a headline ending in "film" says nothing of
    // the name that opens the next line.
    var sentenceOf = [Int32](repeating: -1, count: d.tokens.count)
    for (si, sent) in d.sentences.enumerated() {
      for k in sent.tokens { sentenceOf[k] = Int32(si) }
    }
    /// The hash of token `k` (`keys`) if it is in the sentence of token `at`; else 0.
    func key(_ k: Int, near at: Int) -> UInt64 {
      guard k >= 0, k < d.tokens.count, sentenceOf[k] >= 0, sentenceOf[k] == sentenceOf[at] else {
        return 0
      }
      return PhraseRules.hash(d.scalars[d.tokens[k].start..<d.tokens[k].end])
    }
    func scalars(_ k: Int) -> ArraySlice<Unicode.Scalar> {
      d.scalars[d.tokens[k].start..<d.tokens[k].end]
    }
    func spanKey(_ r: Range<Int>) -> UInt64 {
      PhraseRules.hash(d.scalars[d.tokens[r.lowerBound].start..<d.tokens[r.upperBound - 1].end])
    }
    var covered = [Bool](repeating: false, count: d.tokens.count)
    for n in names { for k in n.range { covered[k] = true } }
    var out = names
    var tailed = [Bool](repeating: false, count: names.count)
    // the name that starts at each token, for "Cannes, France"
    var nameAt: [Int: Range<Int>] = [:]
    for n in names { nameAt[n.range.lowerBound] = n.range }
    // Types from the words around a name, by the name's text (for its other mentions).
    var said: [UInt64: Int] = [:]
    let w = word
    for m in out.indices {
      var r = out[m].range
      while r.lowerBound > 0, !covered[r.lowerBound - 1],
        key(r.lowerBound - 1, near: r.lowerBound) != 0,
        isInitials(scalars(r.lowerBound - 1)),
        EntityLexicon.lookup(d.string(d.tokens[r.lowerBound - 1])) == nil
      {
        r = (r.lowerBound - 1)..<r.upperBound
      }
      if out[m].tagged == 0, r.count == 1, r.upperBound < d.tokens.count, !covered[r.upperBound],
        isSurname(scalars(r.upperBound)),
        givenNames.contains(key(r.lowerBound, near: r.lowerBound)),
        case let next = key(r.upperBound, near: r.lowerBound), next != 0,
        !notSurnames.contains(next),
        !inTitleCase(d.sentences[Int(sentenceOf[r.upperBound])], d)
      {
        r = r.lowerBound..<(r.upperBound + 1)
      }
      out[m].range = r
      let first = r.lowerBound
      let tagged = out[m].tagged
      let near = { (k: Int) in key(k, near: first) }
      let before = near(first - 1)
      let after = near(r.upperBound)
      var cue: Int?
      if shipWords.contains(before) || (before == w.carrier && near(first - 2) == w.aircraft) {
        cue = 3
      } else if r.count > 1, shipPrefixes.contains(near(first)) {
        cue = 3
      } else if workWords.contains(before) {
        cue = 3
      } else if tagged == 0 || tagged == 3, before == w.inW, roleWords.contains(near(first - 2)),
        after != w.possessive && after != w.possessiveCurly
      {
        cue = 3
      } else if before == w.forW, near(first - 2) == w.nominated {
        cue = 3
      } else if tagged == 0 || tagged == 3, creditWords.contains(after),
        r.upperBound + 1 < d.tokens.count, near(r.upperBound + 1) != 0,
        isSurname(scalars(r.upperBound + 1))
      {
        cue = 3
      } else if isWorkBeforeDirector(after: r.upperBound, near, scalars) {
        cue = 3
      } else if tagged != 2, r.count == 1 || tagged == 3, after == w.comma,
        isCountry(after: r.upperBound + 1, nameAt, near, d)
      {
        // "in Cannes, France,": a one-word name in a country is a place; longer ones may be
        // what is there ("Los Alamos National Laboratory, US", the film "Good Morning, Vietnam")
        cue = 2
      } else if let tail = companyTail(after: r.upperBound, near) {
        cue = 1
        out[m].range = r.lowerBound..<tail
        tailed[m] = true
      }
      guard let type = cue else { continue }
      out[m].tagged = type
      let k = spanKey(r)
      if said[k] == nil { said[k] = type }
    }
    for m in out.indices where !tailed[m] {
      let r = out[m].range
      if !said.isEmpty, let type = said[spanKey(r)] {
        out[m].tagged = type
      } else if looksLikePerson(r, tagged: out[m].tagged, in: d) {
        out[m].tagged = 0
      }
    }
    return out
  }

  /// A country's name starts at token `k` and the clause goes on after it with a comma, a full
  /// stop or the like ("Cannes, France, for", "in Lyon, France."), not with a possessive or a
  /// word ("Renault, France's biggest carmaker", "Williams, Wales' scorer"; "Germany, France and
  /// Italy" is a list).
  static func isCountry(
    after k: Int, _ nameAt: [Int: Range<Int>], _ near: (Int) -> UInt64, _ d: Document
  ) -> Bool {
    guard let r = nameAt[k], near(k) != 0,
      EntityLexicon.lookup(d.string(span(r, in: d)))?.kind == .country, r.upperBound < d.tokens.count,
      d.tokens[r.upperBound].kind == .punctuation
    else { return false }
    let next = d.scalars[d.tokens[r.upperBound].start]
    return next != "'" && next != "’"  // "Wales' two-try scorer", "France's"
  }

  /// "X, directed by", "X is written and directed by", "X, starring Jane Doe": X is a work.
  static func isWorkBeforeDirector(
    after end: Int, _ key: (Int) -> UInt64, _ scalars: (Int) -> ArraySlice<Unicode.Scalar>
  ) -> Bool {
    let w = word
    var k = end
    var h = key(k)
    if h == w.comma {
      k += 1
      h = key(k)
    }
    if h == w.starring, key(k + 1) != 0, isSurname(scalars(k + 1)) { return true }
    if h == w.isW || h == w.was {
      k += 1
      h = key(k)
    }
    if h == w.written && key(k + 1) == w.and {
      k += 2
      h = key(k)
    }
    return h == w.directed && key(k + 1) == w.by
  }

  /// The end of "and Co", "& Sons", "Co", "Inc" after a name, or nil.
  static func companyTail(after end: Int, _ key: (Int) -> UInt64) -> Int? {
    let h = key(end)
    if h == 0 { return nil }
    if h == word.and || h == word.amp, companyTails.contains(key(end + 1)) { return end + 2 }
    if legalFormKeys.contains(h) { return end + 1 }
    return nil
  }

  /// "F.", "F.C.", "J.R.R.": capitals each with a full stop.
  static func isInitials<C: Collection>(_ sc: C) -> Bool where C.Element == Unicode.Scalar {
    guard sc.count >= 2, sc.count % 2 == 0 else { return false }
    var upper = true
    for c in sc {
      if upper ? !CharacterClass.isUpper(c) : c != "." { return false }
      upper.toggle()
    }
    return true
  }

  /// A capital, then letters with some lower case: "Hale", "McDonald", "O'Neill".
  static func isSurname<C: Collection>(_ sc: C) -> Bool where C.Element == Unicode.Scalar {
    guard let f = sc.first, CharacterClass.isUpper(f) else { return false }
    return sc.contains { CharacterClass.isLower($0) }
      && sc.allSatisfy { CharacterClass.isLetter($0) || $0 == "-" || $0 == "'" || $0 == "’" }
  }

  /// Whether a sentence is written in title case (a headline): no word of four letters or
  /// more starts in lower case.
  static func inTitleCase(_ s: Sentence, _ d: Document) -> Bool {
    for i in s.tokens where d.tokens[i].kind == .word && d.tokens[i].end - d.tokens[i].start >= 4 {
      if CharacterClass.isLower(d.scalars[d.tokens[i].start]) { return false }
    }
    return true
  }

  /// Initials and a surname ("J.R. Hale"), or a given name and a surname ("Anna Hope"), tagged
  /// as an organisation or a place (initials: or MISC), that neither the tables nor the training
  /// names know as something else and that does not end in a company, organisation, place or
  /// event word.
  static func looksLikePerson(_ r: Range<Int>, tagged: Int, in d: Document) -> Bool {
    guard tagged != 0, (2...4).contains(r.count) else { return false }
    let words = r.map { d.string(d.tokens[$0]) }
    guard r.allSatisfy({ d.tokens[$0].kind == .word }) else { return false }
    let initials = words.prefix { isInitials($0.unicodeScalars) }.count
    let rest = Array(words[initials...])
    guard !rest.isEmpty, rest.allSatisfy({ isSurname($0.unicodeScalars) }) else { return false }
    if initials > 0 {
      guard rest.count <= 2, initials + rest.count == words.count else { return false }
      if words[..<initials].contains(where: { EntityLexicon.lookup($0) != nil }) { return false }
    } else {
      guard tagged == 1 || tagged == 2, words.count <= 3,
        givenNames.contains(PhraseRules.hash(words[0].unicodeScalars))
      else {
        return false
      }
    }
    let last = words[words.count - 1]
    if EntityLexicon.companyHeads.contains(last) || placeEnds.contains(last)
      || organisationHeads.contains(last)
      || joinedHeads.contains(last) || EntityLexicon.placeHeads.contains(last)
      || EntityLexicon.eventHeads.contains(last.lowercased()) || legalForms.contains(last)
    {
      return false
    }
    if EntityLexicon.lookup(words.joined(separator: " ")) != nil
      || EntityLexicon.lookup(rest.joined(separator: " ")) != nil
    {
      return false
    }
    // The training data's names: one it had as an organisation, place or MISC and never as a
    // person stays as tagged.
    if let model = EntityResources.model {
      let cats = model.gazetteer.categories(of: NERToken.lowerKeys(words, capsSentence: false))
      if cats & 0b1110 != 0 && cats & 1 == 0 { return false }
    }
    return true
  }
}
