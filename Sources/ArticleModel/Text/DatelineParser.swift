import Foundation

/// Recognises a news dateline at the start of the first body paragraph:
/// "(VOVworld)- ", "MOSCOW (Reuters) - ", "WASHINGTON, March 3 (AP) —", "LONDON, Jan 5 -- ".
enum DatelineParser {
  // place in capitals, optional ", date", optional "(source)", then a dash; or "(source)" alone.
  static let pattern = try! NSRegularExpression(
    pattern: #"""
      ^(?:(?<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?)(?:,\s*(?<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)))?\s*)?(?:\((?<source>[^()\n]{1,40})\))?\s*(?:-{1,2}|[\u2013\u2014])\s*
      """#,
    options: [])

  static func parse(_ sc: [Unicode.Scalar], in block: Span) -> Dateline? {
    let prefixEnd = min(block.end, block.start + 120)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: sc[block.start..<prefixEnd])
    let head = String(view)
    let ns = head as NSString
    guard
      let m = pattern.firstMatch(in: head, options: [.anchored], range: NSRange(location: 0, length: ns.length))
    else { return nil }
    let placeRange = m.range(withName: "place")
    let sourceRange = m.range(withName: "source")
    // Needs a source, or a place written in capitals (not an ordinary capitalised word).
    let place = placeRange.location == NSNotFound ? nil : ns.substring(with: placeRange).trimmingCharacters(in: .whitespaces)
    let source = sourceRange.location == NSNotFound ? nil : ns.substring(with: sourceRange).trimmingCharacters(in: .whitespaces)
    if source == nil {
      guard let p = place, p.count >= 3, p.split(separator: ",")[0].allSatisfy({ !$0.isLowercase }) else { return nil }
    }
    if let p = place, p.split(separator: ",")[0].contains(where: { $0.isLowercase }) { return nil }
    // must leave text after it
    guard m.range.length < ns.length else { return nil }
    func scalarOffset(_ utf16: Int) -> Int {
      String(ns.substring(to: utf16)).unicodeScalars.count
    }
    let end = block.start + scalarOffset(m.range.location + m.range.length)
    var date: Span? = nil
    let dateRange = m.range(withName: "date")
    if dateRange.location != NSNotFound {
      date = Span(
        block.start + scalarOffset(dateRange.location),
        block.start + scalarOffset(dateRange.location + dateRange.length))
    }
    return Dateline(span: Span(block.start, end), source: source, place: place, date: date)
  }
}
