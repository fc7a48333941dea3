import XCTest

@testable import ArticleModel

/// Names and figures as wire copy writes them, on short made-up texts.
final class WireCopyEntityTests: XCTestCase {
  func entities(_ text: String) -> [Entity] {
    EntityRecognizer.entities(in: Document(name: "story.txt", text: text))
  }

  func figures(_ text: String) -> [String] {
    let d = Document(name: "story.txt", text: text)
    return FigureRules.find(d).map { "\(d.string(Span(d.tokens[$0.range.lowerBound].start, d.tokens[$0.range.upperBound - 1].end)))=\($0.type.rawValue)" }
  }

  /// The spelled-number check reads an ASCII word's letters without building a string, and
  /// agrees with the word list, case aside; other words fall back to the list itself.
  func testSpelledNumbersAreRecognisedWithoutStrings() {
    func check(_ w: String) -> Bool { FigureRules.isSpelledNumber(ArraySlice(Array(w.unicodeScalars))) }
    for w in FigureRules.spelledNumbers.keys {
      XCTAssertTrue(check(w), w)
      XCTAssertTrue(check(w.uppercased()), w)
      XCTAssertTrue(check(w.prefix(1).uppercased() + w.dropFirst()), w)
    }
    for w in ["the", "then", "fours", "on", "hundreds", "seventy", "fourteen", "tenth", "ｆｏｕｒ", "fünf", ""] {
      XCTAssertFalse(check(w), w)
    }
    XCTAssertNil(FigureRules.asciiKey("eighteens".unicodeScalars))  // longer than 8: no key
    XCTAssertEqual(FigureRules.asciiKey("Ten".unicodeScalars), FigureRules.asciiKey("tEN".unicodeScalars))
    XCTAssertEqual(figures("up four pct, then fifteen mln dlrs"), ["four pct=PERCENT", "fifteen mln dlrs=MONEY"])
  }

  func testWireCopyFigures() {
    let f = figures(
      "Shares rose 510 dlrs to 1.5 billion dlrs, up four pct, with 30 mln ringgit and 105 billion "
        + "pesetas. The stock rose 4-1/8 to 35-1/2 dlrs, or 7-1/4 pct.")
    for want in [
      "510 dlrs=MONEY", "1.5 billion dlrs=MONEY", "four pct=PERCENT", "30 mln ringgit=MONEY",
      "105 billion pesetas=MONEY", "35-1/2 dlrs=MONEY", "7-1/4 pct=PERCENT",
    ] {
      XCTAssertTrue(f.contains(want), "\(want) not in \(f)")
    }
    // "9/11" is no number, and "won" after it no currency
    XCTAssertEqual(figures("The film Fahrenheit 9/11 won a prize."), [])
    // a spelled number alone is no figure
    XCTAssertEqual(figures("Four men and two women came."), [])
  }

  func testCompanyNamesEndingInTradeWords() {
    let e = entities(
      "Vantor Ridge Mines said it will merge with Sorel Gold and Pinecrest Development. Brandon "
        + "Mining and Kestrel Securities will advise.")
    for name in ["Sorel Gold", "Pinecrest Development", "Brandon Mining", "Kestrel Securities"] {
      XCTAssertEqual(
        e.first { $0.name == name }?.type, .organization, "\(e.map { ($0.name, $0.type) })")
    }
  }

  func testTickersLegalFormsAndTrailingWordsAreNoNames() {
    let e = entities("Shares in <ASA> rose. U.S. Officials said Co shares fell in Ohio.")
    XCTAssertFalse(e.contains { $0.name == "ASA" }, "\(e.map(\.name))")
    XCTAssertFalse(e.contains { $0.name == "Co" || $0.name.hasSuffix(" Co") }, "\(e.map(\.name))")
    XCTAssertFalse(e.contains { $0.name.contains(" said") }, "\(e.map(\.name))")
  }

  func testDisplayNamesAreNotHeadlineCapitals() {
    let e = entities("IRAN SAYS NO\n\nMADRID, March 27 - Iran said on Friday it would not sign.")
    XCTAssertTrue(e.contains { $0.name == "Iran" && $0.type == .place }, "\(e.map(\.name))")
    XCTAssertFalse(e.contains { $0.name == "IRAN" || $0.name == "MADRID" }, "\(e.map(\.name))")
  }

  func testAliasesHaveNoLineBreaks() {
    let e = entities("Ilya Borisovich\nPetrov arrived. Later Ilya Borisovich Petrov spoke, and Petrov left.")
    for x in e {
      XCTAssertFalse(x.name.contains("\n"))
      for a in x.aliases { XCTAssertFalse(a.contains("\n"), "\(x.aliases)") }
    }
  }

  func testAliasTables() {
    let e = entities(
      "The European Currency Unit rose; the Ecu gained and Ecus were bought. The Tories won and "
        + "the Conservatives cheered. The EC said the European Commission would act.")
    let ecu = e.first { $0.name == "European Currency Unit" }
    XCTAssertEqual(Set(ecu?.aliases ?? []), ["Ecu", "Ecus"], "\(e.map { ($0.name, $0.aliases) })")
    XCTAssertTrue(
      e.contains { Set([$0.name] + $0.aliases).isSuperset(of: ["Tories", "Conservatives"]) },
      "\(e.map { ($0.name, $0.aliases) })")
    XCTAssertFalse(
      e.contains { Set([$0.name] + $0.aliases).isSuperset(of: ["EC", "European Commission"]) },
      "\(e.map { ($0.name, $0.aliases) })")
  }

  func testNamesJoinedByAndUnderAnOrganisationsHead() {
    let e = entities(
      "Officials at Pratt and Kellerman Tobacco declined to comment. Pratt and Kellerman makes "
        + "cigars. A study by Yale University's Water and Climate Policy Center found it.")
    let names = e.map(\.name)
    XCTAssertTrue(names.contains("Pratt and Kellerman Tobacco"), "\(names)")
    XCTAssertTrue(names.contains("Pratt and Kellerman"), "\(names)")
    XCTAssertTrue(names.contains("Water and Climate Policy Center"), "\(names)")
    XCTAssertFalse(names.contains("Pratt") || names.contains("Kellerman") || names.contains("Water"), "\(names)")
  }

  func testPortfoliosAreNoEntities() {
    let e = entities("The Secretary of State for the Family spoke. The Minister for Sport agreed.")
    XCTAssertFalse(e.contains { $0.name == "Family" || $0.name == "Sport" }, "\(e.map(\.name))")
  }

  func testAnOrganisationWithoutItsOfPart() {
    let e = entities(
      "The Tenants Association of Ontario protested on Monday. The Tenants Association said rents rose.")
    let o = e.first { $0.name == "Tenants Association of Ontario" }
    XCTAssertEqual(o?.aliases, ["Tenants Association"], "\(e.map { ($0.name, $0.aliases) })")
  }
}
