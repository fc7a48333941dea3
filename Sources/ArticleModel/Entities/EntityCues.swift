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
  static let shipWords: Set<String> = [
    "warship", "battleship", "frigate", "destroyer", "submarine", "cruiser", "ship", "vessel",
    "tanker", "freighter", "liner", "yacht", "ferry", "trawler", "gunboat", "minesweeper",
  ]
  /// Prefixes of ships' names: "USS Cole", "HMS Belfast".
  static let shipPrefixes: Set<String> = ["USS", "HMS", "RMS", "HMAS", "HMCS", "INS"]
  /// Lower-case words right before the title of a work ("the film X", "the comedy X").
  static let workWords: Set<String> = [
    "film", "movie", "drama", "comedy", "thriller", "documentary", "musical", "biopic", "sitcom",
    "album", "novel", "opera", "song", "series", "epic", "cartoon", "blockbuster", "sequel",
    "remake", "soap", "miniseries", "docudrama", "romcom",
  ]
  /// Words after a company's name that make the name a company's: "and Co", "& Sons", "Inc".
  static let companyTails: Set<String> = [
    "Co", "Co.", "Company", "Sons", "Brothers", "Bros", "Bros.",
  ]

  /// Given names, one a line in `given-names.txt` (hand-made).
  static let givenNames: Set<String> = {
    guard let url = EntityResources.resourceURL("given-names", "txt"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return Set(
      text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") })
  }()

  /// Words before "in" that make what follows a work: "her role in X".
  /// Only for a name tagged as a person or MISC: "her role in Iraq" is a place's.
  static let roleWords: Set<String> = ["role", "roles", "performance", "performances"]
  /// Words after a work's title and before a person's name: "X star Imelda Staunton".
  static let creditWords: Set<String> = [
    "star", "stars", "co-star", "director", "writer", "producer",
  ]
  /// Capitalised words after a given name that are no surname: weekdays, titles and posts
  /// ("Alexander Director of ...").
  static let notSurnames: Set<String> = honorifics.union(portfolioHolders).union([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Director",
    "Chairman", "Chairwoman", "Chair", "Chief", "Editor", "Manager", "Head", "Leader", "Deputy",
    "Vice", "Executive", "Officer", "Coach", "Professor", "Doctor", "Father", "Mother", "Saint",
    "On", "In", "At", "Of", "The", "And", "For", "To", "By", "With", "From", "An", "As", "Or",
  ])
  /// Last words of places and buildings named after people: "Beverly Hills", "Ethel Barrymore
  /// Theatre", "Victoria Station".
  static let placeEnds: Set<String> = [
    "Hills", "Hill", "Heights", "Park", "Springs", "Beach", "Bay", "City", "Town", "County",
    "Falls", "Point", "Harbour", "Harbor", "Station", "Bridge", "Gardens", "Hall", "Theatre",
    "Theater", "Centre", "Center", "Stadium", "Arena", "Road", "Lane", "Place", "Court", "Square",
    "International", "Group", "Foods", "Stores", "Story", "Show", "Films", "Pictures", "Records",
    "Studios", "Crew", "Band", "Pavilion", "Hotel", "Chain", "Kings",
  ]

  /// The names with the types the words around them, or their shape, say. A name widens over
  /// initials before it ("T.R." + "Banfield"), a given name over the capitalised word the tagger
  /// left after it ("Anna" + "May"), a company over its tail ("and Co"). See the extension's
  /// comment.
  static func retyped(_ names: [TaggedName], in d: Document) -> [TaggedName] {
    func word(_ k: Int) -> String? {
      guard k >= 0, k < d.tokens.count else { return nil }
      return d.string(d.tokens[k])
    }
    func text(_ r: Range<Int>) -> String { d.string(span(r, in: d)) }
    // A cue is a word of the name's own sentence: a headline ending in "film" says nothing of
    // the name that opens the next line.
    var sentenceOf = [Int](repeating: -1, count: d.tokens.count)
    for (si, sent) in d.sentences.enumerated() { for k in sent.tokens { sentenceOf[k] = si } }
    func word(_ k: Int, of r: Range<Int>) -> String? {
      guard k >= 0, k < d.tokens.count, sentenceOf[k] >= 0,
        sentenceOf[k] == sentenceOf[r.lowerBound]
      else {
        return nil
      }
      return d.string(d.tokens[k])
    }
    var covered = Set<Int>()
    for n in names { covered.formUnion(n.range) }
    var out = names
    var tailed = [Bool](repeating: false, count: names.count)
    // Types from the words around a name, by the name's text (for its other mentions).
    var said: [String: Int] = [:]
    for m in out.indices {
      var r = out[m].range
      while let w = word(r.lowerBound - 1, of: r), !covered.contains(r.lowerBound - 1),
        isInitials(w),
        EntityLexicon.lookup(w) == nil
      {
        r = (r.lowerBound - 1)..<r.upperBound
      }
      if out[m].tagged == 0, r.count == 1, givenNames.contains(word(r.lowerBound) ?? ""),
        let w = word(r.upperBound, of: r), !covered.contains(r.upperBound), isSurname(w),
        !notSurnames.contains(w), !inTitleCase(d.sentences[sentenceOf[r.upperBound]], d)
      {
        r = r.lowerBound..<(r.upperBound + 1)
      }
      out[m].range = r
      let first = r.lowerBound
      let tagged = out[m].tagged
      let near = { (k: Int) in word(k, of: r) }
      let before = near(first - 1)
      var cue: Int?
      if let w = before,
        shipWords.contains(w) || (w == "carrier" && near(first - 2) == "aircraft")
      {
        cue = 3
      } else if shipPrefixes.contains(near(first) ?? "") && r.count > 1 {
        cue = 3
      } else if let w = before, workWords.contains(w) {
        cue = 3
      } else if tagged == 0 || tagged == 3, before == "in",
        roleWords.contains(near(first - 2) ?? ""),
        near(r.upperBound) != "'s" && near(r.upperBound) != "’s"
      {
        cue = 3
      } else if before == "for", near(first - 2) == "nominated" {
        cue = 3
      } else if tagged == 0 || tagged == 3, let w = near(r.upperBound), creditWords.contains(w),
        let next = near(r.upperBound + 1), isSurname(next)
      {
        cue = 3
      } else if isWorkBeforeDirector(after: r.upperBound, near) {
        cue = 3
      } else if let tail = companyTail(after: r.upperBound, near) {
        cue = 1
        out[m].range = r.lowerBound..<tail
        tailed[m] = true
      }
      guard let type = cue else { continue }
      out[m].tagged = type
      let key = text(r)
      if said[key] == nil { said[key] = type }
    }
    for m in out.indices where !tailed[m] {
      let r = out[m].range
      if let type = said[text(r)] {
        out[m].tagged = type
      } else if looksLikePerson(r, tagged: out[m].tagged, in: d) {
        out[m].tagged = 0
      }
    }
    return out
  }

  /// "F.", "F.C.", "J.R.R.": capitals each with a full stop.
  static func isInitials(_ w: String) -> Bool {
    let sc = Array(w.unicodeScalars)
    guard sc.count >= 2, sc.count % 2 == 0 else { return false }
    return stride(from: 0, to: sc.count, by: 2).allSatisfy {
      CharacterClass.isUpper(sc[$0]) && sc[$0 + 1] == "."
    }
  }

  /// A capital, then letters with some lower case: "Hale", "McDonald", "O'Neill".
  static func isSurname(_ w: String) -> Bool {
    guard let f = w.unicodeScalars.first, CharacterClass.isUpper(f) else { return false }
    return w.unicodeScalars.contains { CharacterClass.isLower($0) }
      && w.unicodeScalars.allSatisfy {
        CharacterClass.isLetter($0) || $0 == "-" || $0 == "'" || $0 == "’"
      }
  }

  /// Whether a sentence capitalises most of its words (a headline).
  static func inTitleCase(_ s: Sentence, _ d: Document) -> Bool {
    var words = 0
    var capitalised = 0
    for i in s.tokens where d.tokens[i].kind == .word {
      words += 1
      if CharacterClass.isUpper(d.scalars[d.tokens[i].start]) { capitalised += 1 }
    }
    return capitalised * 2 > words
  }

  /// "X, directed by", "X is written and directed by", "X, starring": X is a work.
  static func isWorkBeforeDirector(after end: Int, _ word: (Int) -> String?) -> Bool {
    var k = end
    if word(k) == "," { k += 1 }
    if word(k) == "starring", let next = word(k + 1), isSurname(next) { return true }
    if ["is", "was"].contains(word(k)) { k += 1 }
    if word(k) == "written" && word(k + 1) == "and" { k += 2 }
    return word(k) == "directed" && word(k + 1) == "by"
  }

  /// The end of "and Co", "& Sons", "Co", "Inc" after a name, or nil.
  static func companyTail(after end: Int, _ word: (Int) -> String?) -> Int? {
    guard let w = word(end) else { return nil }
    if w == "and" || w == "&", let t = word(end + 1), companyTails.contains(t) { return end + 2 }
    if legalForms.contains(w) { return end + 1 }
    return nil
  }

  /// Initials and a surname ("J.R. Hale"), or a given name and a surname ("Anna Hope"), tagged
  /// as an organisation or a place (initials: or MISC), that neither the tables nor the training
  /// names know as something else and that does not end in a company, organisation, place or
  /// event word.
  static func looksLikePerson(_ r: Range<Int>, tagged: Int, in d: Document) -> Bool {
    guard tagged != 0, (2...4).contains(r.count) else { return false }
    let words = r.map { d.string(d.tokens[$0]) }
    guard r.allSatisfy({ d.tokens[$0].kind == .word }) else { return false }
    let initials = words.prefix { isInitials($0) }.count
    let rest = Array(words[initials...])
    guard !rest.isEmpty, rest.allSatisfy(isSurname) else { return false }
    if initials > 0 {
      guard rest.count <= 2, initials + rest.count == words.count else { return false }
      if words[..<initials].contains(where: { EntityLexicon.lookup($0) != nil }) { return false }
    } else {
      guard tagged == 1 || tagged == 2, words.count <= 3, givenNames.contains(words[0]) else {
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
