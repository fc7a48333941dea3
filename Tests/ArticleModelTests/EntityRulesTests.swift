import Foundation
import LedeTraining
import XCTest

@testable import ArticleModel

/// Figures, MISC splitting, aliases and merging on short texts.
final class EntityRulesTests: XCTestCase {
  func entities(_ text: String) -> [Entity] {
    EntityRecognizer.entities(in: Document(text: text))
  }

  func figures(_ text: String) -> [(String, EntityType)] {
    let d = Document(text: text)
    return FigureRules.find(d).map {
      (d.string(Span(d.tokens[$0.range.lowerBound].start, d.tokens[$0.range.upperBound - 1].end)), $0.type)
    }
  }

  func testMoney() {
    for (text, want) in [
      ("Trade reached 100 million USD last year.", "100 million USD"),
      ("The firm raised $5bn from investors.", "$5bn"),
      ("It cost £3.2 million in all.", "£3.2 million"),
      ("Tickets were 40 euros each.", "40 euros"),
      ("Aid of $ 20 million was pledged.", "$ 20 million"),
      ("It will cost US$5 billion.", "US$5 billion"),
      ("Japan pledged 1.5 trillion yen.", "1.5 trillion yen"),
      ("Trade was worth 100m euros.", "100m euros"),
    ] {
      let f = figures(text)
      XCTAssertEqual(f.map(\.0), [want], text)
      XCTAssertEqual(f.map(\.1), [.money], text)
    }
  }

  func testPercent() {
    for (text, want) in [
      ("Moscow wrote off 90% of the debt.", "90%"),
      ("Prices rose 10 percent in May.", "10 percent"),
      ("Growth was 3.5 per cent.", "3.5 per cent"),
      ("Rates rose 0.25 percentage points.", "0.25 percentage points"),
    ] {
      XCTAssertEqual(figures(text).map(\.0), [want], text)
      XCTAssertEqual(figures(text).map(\.1), [.percent], text)
    }
  }

  func testQuantity() {
    for (text, want) in [
      ("The pipeline runs 1,200 km to the coast.", "1,200 km"),
      ("They shipped 20 tonnes of rice.", "20 tonnes"),
      ("A 10km race.", "10km"),
    ] {
      XCTAssertEqual(figures(text).map(\.0), [want], text)
      XCTAssertEqual(figures(text).map(\.1), [.quantity], text)
    }
  }

  func testNumbersThatAreNotFigures() {
    XCTAssertTrue(figures("In 2014 the 8th round of 6-party talks began, 10-day visit, 3 years.").isEmpty)
    XCTAssertTrue(figures("The rapper 50 Cent played a 3G phone tune.").isEmpty)
  }

  func testMiscSplitsByLexiconAndPattern() {
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Russian"), .group)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Moslems"), .group)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Cold War"), .event)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "World Cup"), .event)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Uzbekistani"), .misc)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Windows 95"), .misc)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Vanuatuan"), .misc)  // singular: table only
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Venezuelans"), .group)
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Samoans"), .group)  // pattern
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Sudanese"), .group)  // pattern
    XCTAssertEqual(EntityLexicon.type(tagged: 3, text: "Gillian"), .misc)
    XCTAssertEqual(EntityLexicon.type(tagged: 0, text: "Gillian"), .person)
    XCTAssertEqual(EntityLexicon.type(tagged: 1, text: "Moscow"), .place)
    XCTAssertEqual(EntityLexicon.type(tagged: 1, text: "Demilitarized Zone"), .place)
    XCTAssertEqual(EntityLexicon.type(tagged: 1, text: "Zone"), .organization)
  }

  func testCountryAliasesFromTheTable() {
    XCTAssertEqual(EntityLexicon.lookup("U.S.")?.entry, EntityLexicon.lookup("United States")?.entry)
    XCTAssertEqual(EntityLexicon.lookup("US")?.entry, EntityLexicon.lookup("United States")?.entry)
    XCTAssertEqual(EntityLexicon.lookup("North Korea")?.entry, EntityLexicon.lookup("DPRK")?.entry)
    XCTAssertEqual(
      EntityLexicon.lookup("Democratic People’s Republic of Korea")?.entry,
      EntityLexicon.lookup("North Korea")?.entry)
    XCTAssertEqual(
      EntityLexicon.lookup("South Korea")?.entry, EntityLexicon.lookup("Republic of Korea")?.entry)
    XCTAssertNotEqual(EntityLexicon.lookup("South Korea")?.entry, EntityLexicon.lookup("North Korea")?.entry)
    XCTAssertNotEqual(EntityLexicon.lookup("Pyongyang")?.entry, EntityLexicon.lookup("North Korea")?.entry)
    XCTAssertNotEqual(EntityLexicon.lookup("Moscow")?.entry, EntityLexicon.lookup("Russia")?.entry)
  }

  func testAliasesMergeInText() {
    let e = entities(
      "The United States said on Monday that it would talk to North Korea. U.S. officials met "
        + "DPRK envoys in Geneva, and the US envoy said North Korea's reply was firm.")
    let us = e.filter { ["United States", "U.S.", "US"].contains($0.name) }
    XCTAssertEqual(us.count, 1, "\(e.map(\.name))")
    XCTAssertEqual(us.first?.name, "United States")
    XCTAssertEqual(us.first?.mentions.count, 3)
    let nk = e.filter { $0.name == "North Korea" || $0.aliases.contains("DPRK") }
    XCTAssertEqual(nk.count, 1, "\(e.map(\.name))")
    XCTAssertEqual(nk.first?.mentions.count, 3)
  }

  func testPossessivesCurlyAndStraightMerge() {
    let e = entities(
      "Officials in Pyongyang spoke on Monday. Pyongyang’s envoy and Pyongyang's press agreed.")
    let p = e.filter { $0.name == "Pyongyang" }
    XCTAssertEqual(p.count, 1, "\(e.map(\.name))")
    XCTAssertEqual(p.first?.mentions.count, 3)
    XCTAssertTrue(p.first?.aliases.isEmpty ?? false)
  }

  func testAcronymAndShortPersonReference() {
    let d = Document(
      text: "The International Atomic Energy Agency (IAEA) said Angela Merkel would meet its chief. "
        + "The IAEA chief later said Merkel had agreed. Analysts doubt Merkel.")
    let e = EntityRecognizer.entities(in: d)
    let iaea = e.filter { $0.name == "International Atomic Energy Agency" }
    XCTAssertEqual(iaea.count, 1, "\(e.map(\.name))")
    XCTAssertEqual(iaea.first?.mentions.count, 3)
    XCTAssertEqual(iaea.first?.type, .organization)
    let merkel = e.filter { $0.name == "Angela Merkel" }
    XCTAssertEqual(merkel.first?.mentions.count, 3, "\(e.map { ($0.name, $0.mentions.count) })")
    XCTAssertEqual(merkel.first?.type, .person)
  }

  func testTitlesAreNotPartOfNamesAndShortOrganisationNames() {
    let e = entities(
      "Martin Mubanga was freed on Tuesday. Mr Mubanga told the BBC he would sue. "
        + "Texas Instruments said on Monday its new chip was cheaper. Texas said sales rose.")
    let m = e.filter { $0.name == "Martin Mubanga" }
    XCTAssertEqual(m.first?.mentions.count, 2, "\(e.map { ($0.name, $0.mentions.count) })")
    XCTAssertFalse(e.contains { $0.name.hasPrefix("Mr") })
    let ti = e.filter { $0.name == "Texas Instruments" }
    XCTAssertEqual(ti.first?.type, .organization)
    XCTAssertEqual(ti.first?.mentions.count, 2, "\(e.map { ($0.name, $0.mentions.count) })")
  }

  func testOrganisationOfPlaceIsOneName() {
    let e = entities("The Bank of England raised rates. The Communist Party of China met in Beijing.")
    XCTAssertTrue(e.contains { $0.name == "Bank of England" && $0.type == .organization }, "\(e.map(\.name))")
    XCTAssertTrue(e.contains { $0.name == "Communist Party of China" && $0.type == .organization })
    XCTAssertFalse(e.contains { $0.name == "England" || $0.name == "China" })
  }

  func testAcronymWithoutBracketsAndShortNameInTheTitle() {
    let d = Document(
      text: "J&J agrees Mallon deal\n\nJohnson & Johnson has agreed to buy a firm, Ray Mallon said "
        + "on Monday. Johnson & Johnson shares rose.")
    let e = EntityRecognizer.entities(in: d)
    let jj = e.filter { $0.name == "Johnson & Johnson" }
    XCTAssertEqual(jj.first?.mentions.count, 3, "\(e.map { ($0.name, $0.mentions.count) })")
    XCTAssertTrue(jj.first?.aliases.contains("J&J") ?? false)
    XCTAssertEqual(e.first { $0.name == "Ray Mallon" }?.mentions.count, 2)
  }

  func testHeadlineCapitalsDoNotNameTheEntity() {
    let e = entities("PYONGYANG SAYS NO\n\nOfficials in Pyongyang said on Monday that Pyongyang would wait.")
    XCTAssertTrue(e.contains { $0.name == "Pyongyang" && $0.mentions.count == 3 }, "\(e.map { ($0.name, $0.mentions.count) })")
  }

  func testLooseAcronymsInBrackets() {
    XCTAssertTrue(EntityClustering.isAcronym("DMZ", of: ["Demilitarized", "Zone"]))
    XCTAssertTrue(EntityClustering.isAcronym("DPRK", of: ["Democratic", "People", "’s", "Republic", "of", "Korea"]))
    XCTAssertTrue(EntityClustering.isAcronym("NATO", of: ["North", "Atlantic", "Treaty", "Organization"]))
    XCTAssertFalse(EntityClustering.isAcronym("DMZ", of: ["Democratic", "Zone", "Party"]))
    XCTAssertFalse(EntityClustering.isAcronym("XYZ", of: ["Demilitarized", "Zone"]))
    XCTAssertFalse(EntityClustering.isAcronym("DZM", of: ["Demilitarized", "Zone"]))
  }

  func testSeveralWordsOfALongerName() {
    let e = entities(
      "Osama Bin Laden was indicted in New York on Monday. Officials said Bin Laden was in "
        + "Afghanistan. Police said James Charles Kopp was charged too, and Kopp is still at large.")
    XCTAssertEqual(e.first { $0.name == "Osama Bin Laden" }?.mentions.count, 2, "\(e.map { ($0.name, $0.mentions.count) })")
    XCTAssertEqual(e.first { $0.name == "James Charles Kopp" }?.mentions.count, 2)
  }

  func testAmbiguousShortReferenceStaysApart() {
    let e = entities(
      "Kim Jong Un met Kim Dae Jung in Seoul on Friday. Kim said the talks went well.")
    XCTAssertTrue(e.contains { $0.name == "Kim Jong Un" })
    XCTAssertTrue(e.contains { $0.name == "Kim Dae Jung" })
    XCTAssertFalse(e.contains { $0.name.hasPrefix("Kim ") && $0.mentions.count > 1 })
  }

  /// Candidates for the hand-picked words of a text, to test the clustering without the tagger.
  func cluster(_ text: String, _ names: [(String, EntityType)]) -> [Entity] {
    let d = Document(text: text)
    let cands = zip(ranges(names.map(\.0), in: d), names).map { r, n in
      EntityRecognizer.Candidate(tokens: r, span: EntityRecognizer.span(r, in: d), type: n.1, priority: 1)
    }
    return EntityClustering.cluster(cands, in: d)
  }

  /// The token ranges of the words given, each found after the one before.
  func ranges(_ names: [String], in d: Document) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var from = 0
    for name in names {
      let words = name.split(separator: " ").map(String.init)
      var i = from
      while i + words.count <= d.tokens.count,
        (0..<words.count).contains(where: { d.string(d.tokens[i + $0]) != words[$0] })
      {
        i += 1
      }
      XCTAssertLessThanOrEqual(i + words.count, d.tokens.count, "\(name) not in the text")
      out.append(i..<(i + words.count))
      from = i + words.count
    }
    return out
  }

  func testPluralIsTheSameName() {
    let e = cluster(
      "The Young Conservatives met. A Young Conservative spoke. Serena Williams and Serena William.",
      [("Young Conservatives", .group), ("Young Conservative", .group), ("Serena Williams", .person),
       ("Serena William", .person)])
    XCTAssertEqual(e.count, 3, "\(e.map { ($0.name, $0.mentions.count) })")
    XCTAssertEqual(e.first { $0.name == "Young Conservatives" }?.mentions.count, 2)
    // people are not merged by a final s
    XCTAssertEqual(e.first { $0.name == "Serena Williams" }?.mentions.count, 1)
  }

  func testUKPartiesAndTheGeneralElection() {
    let e = entities(
      "The Liberal Democrats said it was misdirected. Liberal Democrat spokeswoman Sandra Gidley "
        + "said the Conservatives would announce their proposals closer to the General Election.")
    let names = e.map { ($0.name, $0.type, $0.mentions.count) }
    XCTAssertEqual(e.first { $0.name == "Liberal Democrats" }?.mentions.count, 2, "\(names)")
    // "General" is a title only before a person's name
    XCTAssertEqual(e.first { $0.name == "General Election" }?.type, .event, "\(names)")
    XCTAssertFalse(e.contains { $0.name == "Election" }, "\(names)")
    let firms = entities("General Electric and General Dynamics won contracts, Mr Blair said.")
    let found = firms.map { ($0.name, $0.type) }
    XCTAssertTrue(firms.contains { $0.name == "General Electric" && $0.type == .organization }, "\(found)")
    XCTAssertTrue(firms.contains { $0.name == "General Dynamics" && $0.type == .organization }, "\(found)")
    XCTAssertTrue(firms.contains { $0.name == "Blair" && $0.type == .person }, "\(found)")
    let office = entities("The Lord Chancellor's Department said Lord Falconer agreed.")
    let offices = office.map { ($0.name, $0.type) }
    XCTAssertTrue(office.contains { $0.name == "Lord Chancellor's Department" && $0.type == .organization }, "\(offices)")
    XCTAssertTrue(office.contains { $0.name == "Falconer" && $0.type == .person }, "\(offices)")
  }

  func testKoreanStyleNamesArePeople() {
    for name in ["Kim Jong-un", "Ban Ki-moon", "Moon Jae-in", "Park Geun-hye", "Kim Yo-jong"] {
      XCTAssertTrue(EntityLexicon.isKoreanStyleName(name), name)
    }
    for name in ["Rolls-Royce", "Anglo-French Bank", "Guinea-Bissau", "Kim", "New York-based", "Hewlett-Packard Co", "Chiang Kai-shek", "Paris-born"] {
      XCTAssertFalse(EntityLexicon.isKoreanStyleName(name), name)
    }
    let e = entities(
      "North Korean leader Kim Jong-un met Russian President Vladimir Putin in Vladivostok. "
        + "Kim Jong-il died in 2011, and Kim Jong-un succeeded him.")
    let found = e.map { ($0.name, $0.type, $0.mentions.count) }
    XCTAssertTrue(e.contains { $0.name == "Kim Jong-un" && $0.type == .person && $0.mentions.count == 2 }, "\(found)")
    XCTAssertTrue(e.contains { $0.name == "Kim Jong-il" && $0.type == .person }, "\(found)")
  }

  /// Tagger names given by hand (word, tag, begins its sentence), mended, as text and tag.
  func mend(_ text: String, _ names: [(String, Int, Bool)]) -> [(String, Int)] {
    let d = Document(text: text)
    let out = zip(ranges(names.map(\.0), in: d), names).map { r, n in
      EntityRecognizer.TaggedName(range: r, tagged: n.1, opening: n.2)
    }
    return EntityRecognizer.mended(out, in: d).map { (d.string(EntityRecognizer.span($0.range, in: d)), $0.tagged) }
  }

  func testTaggedNamesMendedByTheRestOfTheDocument() {
    // a title before a name tagged as a person elsewhere; the sentence's first word
    let m = mend(
      "Princess Mary smiled. Mary left. Your Sónya wrote to your aunt and to Sónya. Meanwhile "
        + "Dunyásha, meanwhile others.",
      [("Princess Mary", 2, true), ("Mary", 0, true), ("Your Sónya", 0, true), ("Sónya", 0, false),
       ("Meanwhile Dunyásha", 0, true)])
    XCTAssertEqual(m.map(\.0), ["Mary", "Mary", "Sónya", "Sónya", "Meanwhile Dunyásha"])
    XCTAssertEqual(m.map(\.1), [0, 0, 0, 0, 0])
    // kept: "General Motors" (no person "Motors"), "Air Deccan" also written inside a sentence,
    // "New York" whose "new" is never written in lower case here
    let k = mend(
      "General Motors said so. Air Deccan flew by air. The rival Air Deccan and Deccan agreed. "
        + "New York is big. York is old.",
      [("General Motors", 1, true), ("Air Deccan", 1, true), ("Air Deccan", 1, false), ("Deccan", 1, false),
       ("New York", 2, true), ("York", 2, true)])
    XCTAssertEqual(k.map(\.0), ["General Motors", "Air Deccan", "Air Deccan", "Deccan", "New York", "York"])
    XCTAssertEqual(k.map(\.1), [1, 1, 1, 1, 2, 2])
  }

  func testTitlesLeaveTheName() {
    let d = Document(text: "Mr Blair met the Emperor and General Motors at the Lord Chancellor's Department.")
    func strip(_ r: Range<Int>, _ tag: Int) -> (String, Int) {
      let (range, tagged) = EntityRecognizer.withoutTitle(r, tagged: tag, in: d, people: [])
      return (d.string(EntityRecognizer.span(range, in: d)), tagged)
    }
    XCTAssertTrue(strip(0..<2, 1) == ("Blair", 0))  // a personal title makes a person
    XCTAssertTrue(strip(4..<5, 1) == ("Emperor", 0))  // a rank alone is a person
    XCTAssertTrue(strip(6..<8, 1) == ("General Motors", 1))
    XCTAssertTrue(strip(6..<8, 0) == ("Motors", 0))  // tagged as a person: the title goes
    XCTAssertTrue(strip(10..<14, 1) == ("Lord Chancellor's Department", 1), "\(strip(10..<14, 1))")
  }

  /// Random texts built from awkward pieces: the recogniser must keep its invariants (mentions
  /// inside the text, in order, never overlapping, every entity named) and never crash.
  func testRandomTextsKeepInvariants() {
    let pieces = [
      "Moscow", "DPRK", "(", ")", "’s", "'s", "$", "£", "5bn", "100", "million", "USD", "%", "per",
      "cent", "km", "Mr", "Ri", "Su", "Yong", "the", "North", "Korea", ".", ",", "\n", "\n\n",
      "6-party", "talks", "Cold", "War", "U.S.", "US", "🇰🇵", "Ελλάδα", "مصر", "\u{202E}", "–", "“",
      "”", "Democratic", "People", "Republic", "of", "A", "I", "-", "1,200", "tonnes", "3.5", "—",
    ]
    var rng = SplitMix64(seed: 7)
    for _ in 0..<150 {
      var text = ""
      for _ in 0..<Int(rng.next() % 60) {
        text += pieces[Int(rng.next() % UInt64(pieces.count))]
        text += rng.next() % 4 == 0 ? "" : " "
      }
      let d = Document(text: text)
      let e = EntityRecognizer.entities(in: d)
      var all: [Span] = []
      for x in e {
        XCTAssertFalse(x.name.isEmpty, text)
        XCTAssertFalse(x.mentions.isEmpty, text)
        XCTAssertEqual(x.mentions, x.mentions.sorted(), text)
        for m in x.mentions {
          XCTAssertTrue(m.start >= 0 && m.end <= d.scalars.count && m.start < m.end, text)
        }
        all += x.mentions
      }
      all.sort()
      for (a, b) in zip(all, all.dropFirst()) { XCTAssertFalse(a.overlaps(b), text) }
      for (a, b) in zip(e, e.dropFirst()) { XCTAssertGreaterThanOrEqual(a.mentions.count, b.mentions.count) }
    }
  }

  func testEmptyAndSymbolOnlyDocuments() {
    XCTAssertTrue(entities("").isEmpty)
    XCTAssertTrue(entities("... --- !!!").isEmpty)
  }
}
