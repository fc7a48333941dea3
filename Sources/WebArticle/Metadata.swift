import CLibXML2
import Foundation

/// Reads the headline, date, authors, site name and address a page states about itself.
/// Preference: JSON-LD, then Open Graph / article meta tags, then other meta tags, then the URL.
enum MetadataReader {
  static func read(root: xmlNodePtr, url: String?) -> WebMetadata {
    var m = WebMetadata()
    var meta: [String: String] = [:]
    var jsonLD: [String] = []
    var title: String?
    m.language = XMLNodes.attribute(root, "lang", limit: 32)
    // The head (and stray meta tags anywhere): iterative, bounded depth.
    var stack: [(xmlNodePtr, Int)] = [(root, 0)]
    var seen = 0
    var tags = TagCache()
    while let (node, depth) = stack.popLast() {
      seen += 1
      if seen > 200_000 { break }
      guard lede_node_type(node) == 1 else { continue }
      let tag = tags.tag(node)
      switch tag {
      case .meta:
        let key = (XMLNodes.attribute(node, "property", limit: 128) ?? XMLNodes.attribute(node, "name", limit: 128)
          ?? XMLNodes.attribute(node, "itemprop", limit: 128))?.lowercased()
        if let key, let content = XMLNodes.attribute(node, "content"), meta[key] == nil {
          meta[key] = clean(content)
        }
        continue
      case .link:
        if let rel = XMLNodes.attribute(node, "rel", limit: 64)?.lowercased(), rel == "canonical",
          let href = XMLNodes.attribute(node, "href"), m.canonicalURL == nil
        {
          m.canonicalURL = clean(href)
        }
        continue
      case .title:
        if title == nil { title = clean(XMLNodes.text(node, limit: 2048)) }
        continue
      case .script:
        if let type = XMLNodes.attribute(node, "type", limit: 64)?.lowercased(), type.contains("ld+json"),
          jsonLD.count < 16
        {
          jsonLD.append(XMLNodes.text(node, limit: 1 << 20))
        }
        continue
      case .style, .svg: continue
      default: break
      }
      if depth < 256 {
        var child = node.pointee.last
        while let k = child {
          stack.append((k, depth + 1))
          child = k.pointee.prev
        }
      }
    }
    var ld = JSONLDFacts()
    for text in jsonLD { ld.read(text) }

    m.headline = ld.headline ?? meta["og:title"] ?? meta["twitter:title"] ?? nil
    if let raw = ld.published, let d = DateParsing.isoDate(raw) {
      (m.published, m.publishedFrom) = (d, "json-ld")
      m.publishedInUTC = DateParsing.isUTC(raw)
    } else {
      let keys = [
        "article:published_time", "datepublished", "og:published_time", "published_time",
        "article.published", "pubdate", "publishdate", "publish-date", "date", "dc.date",
        "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
        "article:modified_time", "og:updated_time", "datemodified",
      ]
      for k in keys {
        if let v = meta[k], let d = DateParsing.isoDate(v) {
          (m.published, m.publishedFrom) = (d, "meta")
          m.publishedInUTC = DateParsing.isUTC(v)
          break
        }
      }
    }
    m.canonicalURL = m.canonicalURL ?? meta["og:url"] ?? url
    m.urlDate = (m.canonicalURL ?? url).flatMap(DateParsing.dateInURL) ?? url.flatMap(DateParsing.dateInURL)
    m.siteName = meta["og:site_name"] ?? ld.publisher ?? meta["application-name"]
    var authors = ld.authors
    if authors.isEmpty {
      for k in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"] {
        if let a = meta[k], !a.isEmpty, !a.hasPrefix("http") { authors = [a]; break }
      }
    }
    m.authors = Array(authors.prefix(8))
    if m.headline == nil, let title { m.headline = title }
    if let h = m.headline, h.isEmpty { m.headline = nil }
    return m
  }

  /// White space collapsed, control characters dropped, bounded.
  static func clean(_ s: String) -> String {
    var out = ""
    var space = false
    for u in s.unicodeScalars.prefix(4096) {
      if u.properties.isWhitespace || u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
        space = true
        continue
      }
      if space && !out.isEmpty { out.unicodeScalars.append(" ") }
      space = false
      out.unicodeScalars.append(u)
    }
    return out
  }
}

/// The facts lede takes from JSON-LD blocks: the first article-like object's headline, date,
/// authors and publisher.
struct JSONLDFacts {
  var headline: String?
  var published: String?
  var authors: [String] = []
  var publisher: String?

  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportage", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "webpage",
    "posting", "socialmediaposting", "liveblogposting", "report", "creativework", "itempage",
  ]

  mutating func read(_ text: String) {
    guard let data = text.data(using: .utf8),
      let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    visit(value, depth: 0)
  }

  private mutating func visit(_ value: Any, depth: Int) {
    guard depth < 8 else { return }
    if let list = value as? [Any] {
      for v in list.prefix(64) { visit(v, depth: depth + 1) }
      return
    }
    guard let obj = value as? [String: Any] else { return }
    if let graph = obj["@graph"] { visit(graph, depth: depth + 1) }
    let types: [String] = ((obj["@type"] as? String).map { [$0] } ?? (obj["@type"] as? [String]) ?? []).map {
      $0.lowercased()
    }
    let articleLike = types.contains {
      Self.articleTypes.contains($0) || $0.hasSuffix("article") || $0.hasSuffix("posting") || $0.hasSuffix("webpage")
    }
    guard articleLike else {
      if let main = obj["mainEntity"] { visit(main, depth: depth + 1) }
      return
    }
    let isWebPage = types.allSatisfy { $0.hasSuffix("webpage") || $0 == "itempage" }
    if headline == nil, !isWebPage, let h = (obj["headline"] as? String) ?? (obj["name"] as? String) {
      let c = MetadataReader.clean(h)
      if !c.isEmpty { headline = c }
    }
    if published == nil, let d = (obj["datePublished"] as? String) ?? (obj["dateCreated"] as? String) {
      published = d
    }
    if authors.isEmpty { authors = Self.names(obj["author"] ?? obj["creator"]) }
    if publisher == nil { publisher = Self.names(obj["publisher"]).first }
  }

  static func names(_ v: Any?) -> [String] {
    guard let v else { return [] }
    if let s = v as? String { return s.isEmpty || s.hasPrefix("http") ? [] : [MetadataReader.clean(s)] }
    if let o = v as? [String: Any] { return names(o["name"]) }
    if let l = v as? [Any] { return l.prefix(8).flatMap { names($0) } }
    return []
  }
}

/// Dates as pages write them, to YYYY-MM-DD.
public enum DateParsing {
  static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4,
    "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
  ]

  static func format(_ y: Int, _ m: Int, _ d: Int?) -> String? {
    guard (1900...2100).contains(y), (1...12).contains(m) else { return nil }
    let ys = String(y)
    let ms = m < 10 ? "0\(m)" : "\(m)"
    guard let d else { return ys + "-" + ms }
    // a day the month has ("2019-02-31" is no date; found by `make fuzz-web`)
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = m == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(m) ? 30 : 31
    guard (1...days).contains(d) else { return nil }
    return ys + "-" + ms + "-" + (d < 10 ? "0\(d)" : "\(d)")
  }

  /// "2019-11-20T04:31:13-06:00", "2019-11-20", "20191120", "Wed, 20 Nov 2019 10:00:00 GMT",
  /// "November 20, 2019", "20 November 2019", "2019/11/20": the calendar date written (the
  /// local date of the page, not converted to UTC).
  public static func isoDate(_ raw: String) -> String? {
    let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !s.isEmpty, s.utf8.count < 200 else { return nil }
    let u = Array(s.utf8)
    func num(_ a: Int, _ n: Int) -> Int? {
      guard a >= 0, a + n <= u.count else { return nil }
      var v = 0
      for k in a..<(a + n) {
        guard u[k] >= 48 && u[k] <= 57 else { return nil }
        v = v * 10 + Int(u[k] - 48)
      }
      return v
    }
    // ISO and its relatives at the start
    if let y = num(0, 4) {
      if u.count >= 10, u[4] == u[7], u[4] == 0x2D || u[4] == 0x2F || u[4] == 0x2E,
        let m = num(5, 2), let d = num(8, 2), u.count == 10 || !(48...57).contains(u[10])
      {
        return format(y, m, d)
      }
      if u.count >= 8, let m = num(4, 2), let d = num(6, 2), u.count == 8 || !(48...57).contains(u[8]) {
        return format(y, m, d)
      }
      if u.count == 7, u[4] == 0x2D, let m = num(5, 2) { return format(y, m, nil) }
    }
    // Words: "Wed, 20 Nov 2019", "November 20, 2019", "20 November 2019"
    // times ("01:38:07") are not days
    let words = s.lowercased().split(whereSeparator: { $0.isWhitespace }).filter { !$0.contains(":") }
      .flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
    var year: Int?
    var month: Int?
    var day: Int?
    for w in words {
      if let n = Int(w) {
        if w.count == 4, year == nil, n >= 1900 { year = n } else if w.count <= 2, day == nil, n >= 1, n <= 31 { day = n }
      } else if month == nil, let m = months[String(w)] ?? months[String(w.prefix(3))], w.count >= 3 {
        month = m
      } else if let n = Int(w.filter(\.isNumber)), w.count <= 4, day == nil, n >= 1, n <= 31,
        ["st", "nd", "rd", "th"].contains(String(w.filter(\.isLetter)))
      {
        day = n
      }
      if year != nil && month != nil && day != nil { break }
    }
    if let year, let month { return format(year, month, day) }
    return nil
  }

  /// Whether a timestamp is written in UTC ("Z", "+00:00", "GMT", "UTC"): its calendar day may
  /// then be the day after the one the page's own readers saw.
  public static func isUTC(_ raw: String) -> Bool {
    let s = raw.trimmingCharacters(in: .whitespaces).uppercased()
    return s.hasSuffix("Z") || s.hasSuffix("+00:00") || s.hasSuffix("+0000") || s.hasSuffix("UTC")
      || s.hasSuffix("GMT") || s.contains("GMT+0000")
  }

  /// Days since 1970-01-01 of a YYYY-MM-DD date.
  static func dayNumber(_ iso: String) -> Int? {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3 else { return nil }
    let (y0, m, d) = (p[0], p[1], p[2])
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Whether two dates are one day apart.
  static func oneDayApart(_ a: String, _ b: String) -> Bool {
    guard let x = dayNumber(a), let y = dayNumber(b) else { return false }
    return abs(x - y) == 1
  }

  /// A date in an address: "/2019/11/20/", "/2019-11-20", "/20191120/", "/2019/nov/18/".
  public static func dateInURL(_ url: String) -> String? {
    let parts = url.split(whereSeparator: { $0 == "/" || $0 == "?" || $0 == "#" }).map(String.init)
    for (i, p) in parts.enumerated() {
      if p.count == 4, let y = Int(p), (1990...2100).contains(y), i + 1 < parts.count {
        let next = parts[i + 1].lowercased()
        let m = Int(next) ?? months[next]
        guard let m, (1...12).contains(m) else { continue }
        if i + 2 < parts.count, parts[i + 2].count <= 2, let d = Int(parts[i + 2]) {
          return format(y, m, d)
        }
        return nil  // year and month only: not a publication day
      }
      if p.count >= 10 {
        // 2019-11-20 anywhere in the segment
        let u = Array(p.utf8)
        var k = 0
        while k + 10 <= u.count {
          if u[k + 4] == 0x2D && u[k + 7] == 0x2D, k == 0 || !(48...57).contains(u[k - 1]),
            let d = isoDate(String(decoding: u[k..<(k + 10)], as: UTF8.self)), d.count == 10
          {
            return d
          }
          k += 1
        }
      }
    }
    return nil
  }
}
