import XCTest

@testable import ArticleModel

/// The tagger's types mended by the words around a name and by its shape (issue 15's mistypes),
/// on short made-up texts of the kinds the issue found them in.
final class EntityCueTests: XCTestCase {
  func types(_ text: String) -> [String: EntityType] {
    var out: [String: EntityType] = [:]
    for e in EntityRecognizer.entities(in: Document(name: "story.txt", text: text)) {
      out[e.name] = e.type
      for a in e.aliases { out[a] = e.type }
    }
    return out
  }

  func testAShipNamedLikeAPersonIsNoPerson() {
    let t = types(
      "The aircraft carrier Nancy Ward left San Diego on Tuesday for the Pacific. Nancy Ward "
        + "carries 70 aircraft and a crew of 5,000, the navy said.")
    XCTAssertEqual(t["Nancy Ward"], .misc, "\(t)")
    XCTAssertEqual(t["San Diego"], .place, "\(t)")
  }

  func testFilmTitlesAreWorksAndTheirDirectorsPeople() {
    let t = types(
      "The film Rosemary Kane won three prizes at the festival on Sunday. Rosemary Kane, directed "
        + "by Tom Archer, beat the comedy Uphill and the drama Laura Benton. Archer said Laura "
        + "Benton was the stronger film.")
    XCTAssertEqual(t["Rosemary Kane"], .misc, "\(t)")
    XCTAssertEqual(t["Uphill"], .misc, "\(t)")
    XCTAssertEqual(t["Laura Benton"], .misc, "\(t)")
    XCTAssertEqual(t["Tom Archer"], .person, "\(t)")
  }

  /// A cue belongs to the name's own sentence: a headline ending in "film" says nothing of the
  /// name that opens the article.
  func testACueDoesNotCrossASentence() {
    let t = types(
      "Surprise win for protest film\n\nMichael Brandt's documentary won the prize on Friday.")
    XCTAssertNotEqual(t["Michael Brandt"], .misc, "\(t)")
  }

  func testAGivenNameAndASurnameTypedAsAPlaceIsAPerson() {
    let t = types(
      "The deal was agreed after talks with Clara Dunmore, the exchange's chief executive, in "
        + "London on Monday. Clara Dunmore said the market would reopen.")
    XCTAssertEqual(t["Clara Dunmore"], .person, "\(t)")
    XCTAssertEqual(t["London"], .place, "\(t)")
    // A place or building named after someone stays what it is.
    let p = types("Stars gathered at the Ethel Brandon Theatre in Beverly Hills on Sunday.")
    XCTAssertNotEqual(p["Ethel Brandon Theatre"], .person, "\(p)")
  }

  func testInitialsAndASurnameAreAPerson() {
    let t = types(
      "F.C. Darrow, chairman of the company, said earnings would rise. Shares of Northland Foods "
        + "rose after T.R. Banfield, its president, said profits would double.")
    XCTAssertEqual(t["F.C. Darrow"], .person, "\(t)")
    XCTAssertEqual(t["T.R. Banfield"], .person, "\(t)")
    XCTAssertNil(t["Banfield"], "\(t)")
    // Initials that name a country are no one's: "U.S. Steel" is not a person.
    XCTAssertNotEqual(types("U.S. Steel said output rose.")["U.S. Steel"], .person)
  }

  func testANameBeforeAndCoIsACompanyEverywhere() {
    let t = types(
      "Peter Hadley and Co said it would buy a meat packing plant in Iowa. Peter Hadley, based in "
        + "Ohio, said the plant would cost 30 mln dlrs.")
    XCTAssertEqual(t["Peter Hadley and Co"], .organization, "\(t)")
    XCTAssertEqual(t["Peter Hadley"], .organization, "\(t)")
  }

  /// "may" written in lower case elsewhere made the tagger leave the surname out.
  func testAGivenNameTakesTheSurnameTheTaggerLeftOut() {
    let t = types(
      "Others targeted include Oliver Dent, David Marsh and Helen May, the party's elections chief "
        + "said. Helen May, Tory shadow health secretary, said voters may decide. It may take weeks, "
        + "she said, and the result may be close.")
    XCTAssertEqual(t["Helen May"], .person, "\(t)")
    XCTAssertNil(t["Helen"], "\(t)")
    // In a sentence with many capitals that is no headline (it has long lower-case words).
    let c = types(
      "Others targeted include Oliver Dent, David Marsh and Helen May, Lib Dem's elections chief "
        + "Lord Pym said. Voters may decide, and it may take weeks.")
    XCTAssertEqual(c["Helen May"], .person, "\(c)")
    // Not over a weekday.
    let p = types("The award went to Helen Monday, and she may keep it.")
    XCTAssertNil(p["Helen Monday"], "\(p)")
  }

  /// given-names.txt: its names, not its comments nor the names left out on purpose.
  func testGivenNamesAreReadFromTheList() {
    func has(_ w: String) -> Bool {
      EntityRecognizer.givenNames.contains(PhraseRules.hash(w.unicodeScalars))
    }
    XCTAssertGreaterThan(EntityRecognizer.givenNames.count, 600)
    XCTAssertTrue(has("Theresa") && has("Mike") && has("Zoe"))
    XCTAssertFalse(has("Virginia") || has("Beverly") || has("Will") || has("theresa"))
    XCTAssertFalse(
      has(
        "# Given names for lede's entity recogniser (hand-made for lede; public domain), one a line."
      ))
  }

  /// A one-word name followed by ", Country," is a place in that country; not before a
  /// possessive ("Renault, France's", "Williams, Wales' scorer") nor in a longer name.
  func testAPlaceInACountry() {
    let t = types(
      "Experts met at the Orbit trade show in Cannes. Thousands of industry experts are gathered "
        + "in Cannes, France, for the show.")
    XCTAssertEqual(t["Cannes"], .place, "\(t)")
    let u = types(
      "Martyn Williams, Wales' two-try scorer, called it a great day. Renault, France's biggest "
        + "carmaker, and the Los Alamos National Laboratory, US, agreed.")
    XCTAssertEqual(u["Martyn Williams"], .person, "\(u)")
    XCTAssertEqual(u["Los Alamos National Laboratory"], .organization, "\(u)")
  }
}
