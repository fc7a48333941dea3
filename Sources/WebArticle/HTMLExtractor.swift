import CLibXML2

/// Finds the article in a web page: libxml2's error-tolerant HTML parser builds the tree, then
/// blocks of text are scored by length, commas, link density, tag and class/id hints and their
/// place in the tree (the Readability family), the best container and its related siblings are
/// kept, and boilerplate inside them (share bars, related lists, captions) is cleaned out.
public enum HTMLExtractor {
  /// Elements nested deeper than this are read as part of their ancestor at this depth.
  static let maxDepth = 400

  /// Extracts the article from a UTF-8 page. `url` (the page's address, when known) helps with
  /// the date. Any bytes give some result, never a crash.
  public static func extract(utf8 bytes: [UInt8], url: String? = nil) -> WebArticle {
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
      return WebArticle(metadata: WebMetadata(), blocks: [])
    }
    let doc = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
        lede_html_read($0, Int32(buf.count))
      }
    }
    guard let doc else { return WebArticle(metadata: WebMetadata(), blocks: []) }
    defer { lede_free_doc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return WebArticle(metadata: WebMetadata(), blocks: []) }
    return extract(root: root, url: url)
  }

  /// libxml2's parse of a page and nothing else (the reference for the extractor's speed).
  public static func parseOnly(utf8 bytes: [UInt8]) {
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
    let doc = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { lede_html_read($0, Int32(buf.count)) }
    }
    lede_free_doc(doc)
  }

  /// All the text of an HTML fragment (a feed item's content) as blocks, without choosing a
  /// container: scripts, styles, forms and hidden elements are dropped, structure kept.
  public static func extractFragment(utf8 bytes: [UInt8]) -> [WebBlock] {
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return [] }
    let doc = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
        lede_html_read($0, Int32(buf.count))
      }
    }
    guard let doc else { return [] }
    defer { lede_free_doc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return [] }
    let page = PageModel(root: root, stripUnlikely: false)
    return page.allBlocks()
  }

  static func extract(root: xmlNodePtr, url: String?) -> WebArticle {
    var metadata = MetadataReader.read(root: root, url: url)
    var page = PageModel(root: root, stripUnlikely: true)
    var blocks = page.article()
    if blocks.reduce(0, { $0 + $1.text.utf8.count }) < 500 {
      // Readability's fallback: the "unlikely" elements may have held the article.
      var again = PageModel(root: root, stripUnlikely: false)
      let other = again.article()
      if other.reduce(0, { $0 + $1.text.utf8.count }) > blocks.reduce(0, { $0 + $1.text.utf8.count }) {
        blocks = other
        page = again
      }
    }
    if metadata.headline == nil { metadata.headline = page.firstH1 }
    // The headline is not part of the body.
    if let h = metadata.headline.map(normalisedKey), !h.isEmpty {
      blocks.removeAll { $0.kind == .heading && normalisedKey($0.text) == h }
    }
    // The date: what the page states (JSON-LD, meta) unless a UTC timestamp crossed midnight
    // (then the day in the address or the byline, one day off, is the page's own); else a
    // <time datetime>, the address, the byline.
    let local = metadata.urlDate.map { ($0, "url") } ?? page.bylineDate.map { ($0, "byline") }
    if let d = metadata.published {
      if metadata.publishedInUTC, let (l, from) = local, DateParsing.oneDayApart(d, l) {
        (metadata.published, metadata.publishedFrom) = (l, from)
      }
    } else if let d = page.firstTimeDate {
      (metadata.published, metadata.publishedFrom) = (d, "time")
    } else if let (l, from) = local {
      (metadata.published, metadata.publishedFrom) = (l, from)
    }
    return WebArticle(metadata: metadata, blocks: blocks)
  }

  static func normalisedKey(_ s: String) -> String {
    String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
  }
}

/// Class and id hints, as Readability reads them.
enum Hints {
  static let negative = [
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
    "caption", "byline", "newsletter", "subscribe", "social", "taboola", "recommend", "popular",
    "trending", "breadcrumb", "signup", "cookie", "consent",
  ]
  static let positive = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
  ]
  static let unlikely = [
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter", "cookie",
  ]
  static let maybe = ["and", "article", "body", "column", "content", "main", "shadow"]
  static let dateHints = ["date", "time", "byline", "publish", "posted", "meta", "info", "stamp"]
  static let unlikelyRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  ]

  /// Whether any of the words occurs in `s` (lower-case ASCII bytes), byte by byte (Foundation's
  /// String.contains was most of the extraction time).
  static func contains(_ s: [UInt8], any words: [[UInt8]]) -> Bool {
    guard !s.isEmpty else { return false }
    let n = s.count
    for w in words where w.count <= n {
      let first = w[0]
      var i = 0
      while i + w.count <= n {
        if s[i] == first {
          var k = 1
          while k < w.count && s[i + k] == w[k] { k += 1 }
          if k == w.count { return true }
        }
        i += 1
      }
    }
    return false
  }

  static func bytes(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
  static let negativeBytes = bytes(negative)
  static let positiveBytes = bytes(positive)
  static let unlikelyBytes = bytes(unlikely)
  static let maybeBytes = bytes(maybe)
  static let dateHintBytes = bytes(dateHints)
  static let hiddenStyles = bytes(["display:none", "visibility:hidden"])

  /// Readability's class weight: ±25 for the class and again for the id.
  static func weight(className: [UInt8], id: [UInt8]) -> Int {
    var w = 0
    if contains(className, any: negativeBytes) { w -= 25 }
    if contains(className, any: positiveBytes) { w += 25 }
    if contains(id, any: negativeBytes) { w -= 25 }
    if contains(id, any: positiveBytes) { w += 25 }
    return w
  }
}

/// The page as elements and text blocks, and the choice of the article among them.
struct PageModel {
  var elements: [Element] = []
  var weights: [Int] = []
  var childCounts: [Int] = []
  var classNames: [[UInt8]] = []
  var blocks: [TextBlock] = []
  var blockKinds: [WebBlock.Kind] = []
  var firstH1: String?
  var firstTimeDate: String?
  /// The first full date written in a short block of a date or byline element.
  var bylineDate: String?

  init(root: xmlNodePtr, stripUnlikely: Bool) {
    build(root: root, stripUnlikely: stripUnlikely)
  }

  // MARK: Building

  private mutating func build(root: xmlNodePtr, stripUnlikely: Bool) {
    enum Step { case enter(xmlNodePtr, Int), exit(Int32, Tag) }
    var stack: [Step] = [.enter(root, 0)]
    var open: [Int32] = []  // block elements open
    var linkDepth = 0
    var buffer: [UInt8] = []
    var chars = 0
    var linkChars = 0
    var commas = 0
    var lastSpace = true
    var brPending = false
    var kindStack: [WebBlock.Kind] = []
    var tagCache = TagCache()

    func flush() {
      var hasText = false
      for b in buffer where b != 0x20 { hasText = true; break }
      if hasText, let owner = open.last {
        while buffer.last == 0x20 { buffer.removeLast() }
        if bylineDate == nil, chars < 160, Hints.contains(elements[Int(owner)].hints, any: Hints.dateHintBytes),
          let d = DateParsing.isoDate(String(decoding: buffer, as: UTF8.self)), d.count == 10
        {
          bylineDate = d
        }
        blocks.append(TextBlock(owner: owner, text: buffer, chars: chars, linkChars: linkChars, commas: commas))
        blockKinds.append(kindStack.last ?? .paragraph)
      }
      buffer.removeAll(keepingCapacity: true)
      chars = 0
      linkChars = 0
      commas = 0
      lastSpace = true
      brPending = false
    }

    while let step = stack.popLast() {
      switch step {
      case .exit(let index, let tag):
        if tag == .a { linkDepth -= 1; continue }
        if index >= 0 {
          flush()
          if tag == .h1 && firstH1 == nil, let b = blocks.last, b.owner == index {
            firstH1 = String(decoding: b.text, as: UTF8.self)
          }
          open.removeLast()
          switch tag {
          case .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .blockquote, .pre: kindStack.removeLast()
          default: break
          }
        }
      case .enter(let node, let depth):
        let type = lede_node_type(node)
        if type == 3 || type == 4 {  // text, CDATA
          XMLNodes.withContent(node) { content in
            var i = 0
            let n = content.count
            while i < n {
              let b = content[i]
              if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if !lastSpace { buffer.append(0x20); lastSpace = true; chars += 1; if linkDepth > 0 { linkChars += 1 } }
                i += 1
                continue
              }
              if b == 0xC2 && i + 1 < n && content[i + 1] == 0xA0 {  // no-break space
                if !lastSpace { buffer.append(0x20); lastSpace = true; chars += 1; if linkDepth > 0 { linkChars += 1 } }
                i += 2
                continue
              }
              buffer.append(b)
              lastSpace = false
              if b & 0xC0 != 0x80 {
                chars += 1
                if linkDepth > 0 { linkChars += 1 }
                if b == 0x2C { commas += 1 }
              }
              i += 1
            }
          }
          if chars > 0 { brPending = false }
          continue
        }
        guard type == 1 else { continue }
        let tag = tagCache.tag(node)
        if tag == .time, firstTimeDate == nil, let dt = XMLNodes.attribute(node, "datetime") {
          firstTimeDate = DateParsing.isoDate(dt)
        }
        if tag.isDropped { continue }
        if tag == .br {
          if brPending { flush() } else if !lastSpace { buffer.append(0x20); lastSpace = true; chars += 1 }
          brPending = true
          continue
        }
        if tag == .hr { flush(); continue }
        if lede_attr(node, "hidden") != nil { continue }
        let style = XMLNodes.lowerBytes(node, "style", limit: 512).filter { $0 != 0x20 }
        if !style.isEmpty && Hints.contains(style, any: Hints.hiddenStyles) { continue }
        if tag != .body, tag != .html, XMLNodes.lowerBytes(node, "aria-hidden", limit: 8) == Array("true".utf8) { continue }
        let cls = XMLNodes.lowerBytes(node, "class", limit: 256)
        let id = XMLNodes.lowerBytes(node, "id", limit: 256)
        var both = cls
        both.append(0x20)
        both.append(contentsOf: id)
        if stripUnlikely, tag != .body, tag != .html, tag != .a, tag != .article, tag != .main {
          if Hints.contains(both, any: Hints.unlikelyBytes) && !Hints.contains(both, any: Hints.maybeBytes) { continue }
          if let role = XMLNodes.attribute(node, "role", limit: 64)?.lowercased(), Hints.unlikelyRoles.contains(role) {
            continue
          }
        }
        if tag == .a { linkDepth += 1 }
        var index: Int32 = -1
        if (tag.isBlock || tag == .other && depth == 0) && depth < HTMLExtractor.maxDepth {
          flush()
          index = Int32(elements.count)
          let parent = open.last ?? -1
          elements.append(Element(tag: tag, parent: parent, depth: Int32(open.count), hints: both))
          weights.append(Hints.weight(className: cls, id: id))
          childCounts.append(0)
          classNames.append(cls)
          if parent >= 0 { childCounts[Int(parent)] += 1 }
          open.append(index)
          switch tag {
          case .h1, .h2, .h3, .h4, .h5, .h6: kindStack.append(.heading)
          case .li, .dt, .dd: kindStack.append(.listItem)
          case .blockquote: kindStack.append(.quote)
          case .pre: kindStack.append(.preformatted)
          default: break
          }
        }
        if index >= 0 || tag == .a { stack.append(.exit(index, tag)) }
        var child = node.pointee.last
        while let k = child {
          stack.append(.enter(k, depth + 1))
          child = k.pointee.prev
        }
      }
    }
    flush()
    // Text and link text of every element, from its blocks.
    for b in blocks {
      var e = b.owner
      while e >= 0 {
        elements[Int(e)].chars += b.chars
        elements[Int(e)].linkChars += b.linkChars
        e = elements[Int(e)].parent
      }
    }
  }

  func linkDensity(_ e: Int) -> Double {
    let el = elements[e]
    return el.chars > 0 ? Double(el.linkChars) / Double(el.chars) : 0
  }

  static func initialScore(_ tag: Tag) -> Double {
    switch tag {
    case .div: return 5
    case .pre, .td, .blockquote: return 3
    case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
    case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
    default: return 0
    }
  }

  static func scoresAsParagraph(_ tag: Tag) -> Bool {
    switch tag {
    case .p, .td, .pre, .div, .section, .article, .main, .h2, .h3, .h4, .h5, .h6, .blockquote, .dd, .other, .center:
      return true
    default: return false
    }
  }

  // MARK: Choosing

  mutating func article() -> [WebBlock] {
    guard !blocks.isEmpty else { return [] }
    // 1. Readability's scores.
    for b in blocks where b.chars >= 25 && Self.scoresAsParagraph(elements[Int(b.owner)].tag) {
      let score = 1 + Double(b.commas) + min(Double(b.chars / 100), 3)
      var e = elements[Int(b.owner)].parent
      var level = 0
      while e >= 0 && level < 5 {
        let i = Int(e)
        if !elements[i].scored {
          elements[i].scored = true
          elements[i].score = Self.initialScore(elements[i].tag) + Double(weights[i])
        }
        elements[i].score += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
        e = elements[i].parent
        level += 1
      }
    }
    var top = -1
    var topScore = -Double.infinity
    for i in elements.indices where elements[i].scored {
      let s = elements[i].score * (1 - linkDensity(i))
      elements[i].score = s
      if s > topScore { topScore = s; top = i }
    }
    if top < 0 { top = 0 }
    // A lone child stands for its parent.
    while elements[top].parent >= 0, childCounts[Int(elements[top].parent)] == 1,
      elements[Int(elements[top].parent)].tag != .body
    {
      top = Int(elements[top].parent)
    }
    // 2. The top candidate and the siblings that look like it or like article text.
    var kept: Set<Int> = [top]
    let parent = Int(elements[top].parent)
    if parent >= 0 {
      let threshold = max(10, topScore * 0.2)
      let topClass = classNames[top]
      for i in elements.indices where i != top && Int(elements[i].parent) == parent {
        var bonus = 0.0
        if !topClass.isEmpty && classNames[i] == topClass { bonus = topScore * 0.2 }
        if elements[i].scored && elements[i].score + bonus >= threshold {
          kept.insert(i)
        } else if elements[i].tag == .p {
          let ld = linkDensity(i)
          let n = elements[i].chars
          if n > 80 && ld < 0.25 {
            kept.insert(i)
          } else if n > 0 && n <= 80 && ld == 0, let last = lastText(of: i), last.hasSuffix(".") {
            kept.insert(i)
          }
        }
      }
    }
    // 3. Conditional cleaning inside what was kept: Readability's rules for containers.
    var removed = [Bool](repeating: false, count: elements.count)
    var inArticle = [Bool](repeating: false, count: elements.count)
    for i in elements.indices {
      let p = Int(elements[i].parent)
      if kept.contains(i) { inArticle[i] = true; continue }
      guard p >= 0, inArticle[p] else { continue }
      inArticle[i] = true
      if removed[p] { removed[i] = true; continue }
      removed[i] = shouldClean(i)
    }
    var out: [WebBlock] = []
    for (k, b) in blocks.enumerated() {
      let o = Int(b.owner)
      guard inArticle[o], !removed[o] else { continue }
      let kind = blockKinds[k]
      if b.chars > 0, Double(b.linkChars) / Double(b.chars) > 0.5 && kind != .heading { continue }
      if kind == .heading && elements[o].tag == .h1 { continue }
      let text = String(decoding: b.text, as: UTF8.self)
      if out.count < 3 && Self.isBylineOrDateLine(text, chars: b.chars) { continue }
      out.append(WebBlock(kind: kind, text: text))
    }
    return out
  }

  /// A short line at the top that is only a byline ("By Ana Lima and Tom Reed") or only a
  /// date and time ("Nov. 20, 2019 6:02 AM EST"): page furniture, not the article.
  static func isBylineOrDateLine(_ text: String, chars: Int) -> Bool {
    guard chars < 100 else { return false }
    let words = text.split(separator: " ")
    guard !words.isEmpty, words.count <= 12 else { return false }
    if words[0] == "By" || words[0] == "BY" || words[0] == "by" {
      // names: every further word capitalised or a joiner
      return words.dropFirst().allSatisfy { w in
        w.first.map { $0.isUppercase } ?? false || ["and", "&", "AND", "in", "|", "·", "-", "—"].contains(w)
      } && !text.hasSuffix(".")
    }
    guard let d = DateParsing.isoDate(text), d.count == 10 else { return false }
    // only date and time words: numbers, month and day names, AM/PM, zones, "Updated", "Published"
    let letters = words.filter { w in w.contains { $0.isLetter } }
    return letters.count <= 5 && !text.hasSuffix(".")
  }

  func allBlocks() -> [WebBlock] {
    blocks.indices.map { WebBlock(kind: blockKinds[$0], text: String(decoding: blocks[$0].text, as: UTF8.self)) }
  }

  func lastText(of e: Int) -> String? {
    for b in blocks.reversed() where Int(b.owner) == e { return String(decoding: b.text, as: UTF8.self) }
    return nil
  }

  /// Readability's conditional cleaning, for the containers inside the article.
  func shouldClean(_ i: Int) -> Bool {
    let el = elements[i]
    let weight = weights[i]
    switch el.tag {
    case .h1, .h2, .h3, .h4, .h5, .h6:
      return weight < 0 || linkDensity(i) > 0.33
    case .div, .section, .ul, .ol, .table, .form, .fieldset, .header, .footer, .other, .dl:
      break
    default:
      return weight < 0 && el.chars < 200
    }
    if weight + Int(el.scored ? el.score : 0) < 0 { return true }
    if el.chars == 0 { return false }
    let ld = linkDensity(i)
    let isList = el.tag == .ul || el.tag == .ol
    if ld > 0.2 && weight < 25 && el.chars < 1000 { return true }
    if ld > 0.5 && weight >= 25 { return true }
    if !isList && el.chars < 25 { return true }
    if isList && ld > 0.5 { return true }
    return false
  }
}
