import ArticleModel
import Foundation

enum EntityTypeOrder {
  static let all = EntityType.allCases.map(\.rawValue)
}

/// Merges the entities of many articles into the library's entities.
///
/// Within one article the recogniser has already merged repeats, short references ("Blair" →
/// "Tony Blair"), acronyms and the country aliases of its tables. Across articles:
/// 1. the same name (case, dots, spacing and diacritics aside) is the same entity; for names
///    (people, organisations, places, groups, events) whatever type each article gave it, for
///    figures (money, percentages, quantities) only with the same type;
/// 2. a name that articles use as an alias of one canonical name is that entity, when the
///    articles agree: at least 3 in 4 of the articles that use it as an alias give it the same
///    canonical name, the types agree, and the agreeing articles are not far outnumbered by those
///    that use the alias as a name of its own (at least 1 in 10, or 1 in 20 when three articles
///    or more agree: one article calling "Washington" George Washington does not swallow the
///    city);
/// 3. a one-word person name that no article uses as an alias is the person of the library whose
///    several-word name ends with it, when exactly one does (the within-article rule for later
///    short references, at library scale).
/// The library entity is named by its fullest name among those used by at least a quarter as many
/// articles as the most used one ("Tony Blair" over "Blair"; "North Korea" over a "Democratic
/// People's Republic of Korea" written out in a few articles).
public enum LibraryMerge {
  public struct Input: Sendable {
    public var id: Int64
    public var article: Int64
    public var name: String
    public var type: String
    public var aliases: [String]
    public var mentions: Int

    public init(
      id: Int64, article: Int64, name: String, type: String, aliases: [String], mentions: Int
    ) {
      self.id = id
      self.article = article
      self.name = name
      self.type = type
      self.aliases = aliases
      self.mentions = mentions
    }
  }

  public struct Output: Sendable, Equatable {
    public var name: String
    public var type: String
    /// Every other name and alias the articles use, most used first.
    public var aliases: [String]
    public var articles: Int
    public var mentions: Int
    /// The `Input.id`s of its article entities.
    public var members: [Int64]
    /// Lookup keys (see `key`) with the number of articles using each, for finding by name.
    public var keys: [String: Int]
  }

  static let figureTypes: Set<String> = ["MONEY", "PERCENT", "QUANTITY"]

  /// Ties between types go to the first in the Entities pane's order (people first).
  static func rank(_ type: String) -> Int {
    EntityTypeOrder.all.firstIndex(of: type) ?? EntityTypeOrder.all.count
  }

  /// The comparison form of a name: lower case, no diacritics, no dots, single spaces, no
  /// possessive "'s".
  public static func key(_ name: String) -> String {
    var ascii = true
    for c in name.utf8 where c >= 0x80 {
      ascii = false
      break
    }
    var s =
      ascii ? name : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    if !ascii { s = s.replacingOccurrences(of: "’", with: "'") }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    var space = true
    for c in s.utf8 {
      if c == UInt8(ascii: ".") { continue }
      if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") {
        if !space { bytes.append(UInt8(ascii: " ")) }
        space = true
        continue
      }
      space = false
      bytes.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c)
    }
    while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
    if bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "'")
      && bytes[bytes.count - 1] == UInt8(ascii: "s")
    {
      bytes.removeLast(2)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `key`, remembered: the same few names come back thousands of times.
  struct KeyCache {
    var known: [String: String] = [:]
    mutating func callAsFunction(_ s: String) -> String {
      if let k = known[s] { return k }
      let k = LibraryMerge.key(s)
      known[s] = k
      return k
    }
  }

  static func groupKey(_ name: String, _ type: String, _ key: inout KeyCache) -> String {
    figureTypes.contains(type) ? "#\(type)#" + key(name) : key(name)
  }

  public static func merge(_ inputs: [Input]) -> [Output] {
    var key = KeyCache()
    // 1. Groups by name.
    var groupOf: [String: Int] = [:]
    var groupKeys: [String] = []
    var groupItems: [[Int]] = []
    let order = inputs.indices.sorted {
      let a = inputs[$0]
      let b = inputs[$1]
      return a.article != b.article ? a.article < b.article : a.id < b.id
    }
    var itemGroup = [Int](repeating: 0, count: inputs.count)
    for i in order {
      let k = groupKey(inputs[i].name, inputs[i].type, &key)
      let g: Int
      if let found = groupOf[k] {
        g = found
      } else {
        g = groupKeys.count
        groupOf[k] = g
        groupKeys.append(k)
        groupItems.append([])
      }
      groupItems[g].append(i)
      itemGroup[i] = g
    }
    let n = groupKeys.count
    // Majority type and number of articles of each group.
    var groupType = [String](repeating: "", count: n)
    var groupArticles = [Int](repeating: 0, count: n)
    var personShare = [Double](repeating: 0, count: n)
    for g in 0..<n {
      var votes: [String: Int] = [:]
      var arts = Set<Int64>()
      for i in groupItems[g] {
        votes[inputs[i].type, default: 0] += 1
        arts.insert(inputs[i].article)
      }
      groupType[g] =
        votes.max { $0.value != $1.value ? $0.value < $1.value : rank($0.key) > rank($1.key) }!.key
      personShare[g] = Double(votes["PERSON"] ?? 0) / Double(groupItems[g].count)
      groupArticles[g] = arts.count
    }
    var parent = Array(0..<n)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ a: Int, _ b: Int) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    // 2. Aliases the articles agree on.
    var aliasVotes: [String: [Int: Set<Int64>]] = [:]  // alias key → owner group → articles
    for (i, e) in inputs.enumerated() where !figureTypes.contains(e.type) {
      let own = groupKeys[itemGroup[i]]
      for a in e.aliases {
        let k = key(a)
        guard !k.isEmpty, k != own else { continue }
        aliasVotes[k, default: [:]][itemGroup[i], default: []].insert(e.article)
      }
    }
    // In name order (the same result in every run), twice: a name joined in the first pass
    // ("America" with "United States") counts as one owner in the second ("US").
    let aliasKeys = aliasVotes.keys.sorted()
    for _ in 0..<2 {
      for k in aliasKeys {
        guard let g = groupOf[k], !figureTypes.contains(groupType[g]) else { continue }
        let owners = aliasVotes[k]!
        var byRoot: [Int: (articles: Set<Int64>, main: Int)] = [:]
        for (o, arts) in owners.sorted(by: { $0.key < $1.key }) {
          let r = find(o)
          var entry = byRoot[r] ?? ([], o)
          if arts.count > (owners[entry.main]?.count ?? 0) { entry.main = o }
          entry.articles.formUnion(arts)
          byRoot[r] = entry
        }
        let total = byRoot.values.reduce(0) { $0 + $1.articles.count }
        let (bestRoot, top) = byRoot.max {
          $0.value.articles.count != $1.value.articles.count
            ? $0.value.articles.count < $1.value.articles.count : $0.key > $1.key
        }!
        let best = top.main
        let arts = top.articles.count
        // A surname some articles tag otherwise ("Blair" as an organisation under a headline)
        // is still the person when a third of its uses are the person's.
        let typesAgree =
          groupType[best] == groupType[g]
          || (groupType[best] == "PERSON" && personShare[g] * 3 >= 1)
        // Enough articles agree, against those that use the name alone: a tenth of them, or a
        // twentieth when at least three articles agree.
        let enough = arts * 10 >= groupArticles[g] || (arts >= 3 && arts * 20 >= groupArticles[g])
        guard bestRoot != find(g), arts * 4 >= total * 3, typesAgree, enough else { continue }
        union(g, best)
      }
    }
    // 3. A one-word person name and the one several-word person name ending with it.
    var bySurname: [String: Set<Int>] = [:]
    for g in 0..<n where groupType[g] == "PERSON" {
      let words = groupKeys[g].split(separator: " ")
      if words.count >= 2, let last = words.last { bySurname[String(last), default: []].insert(g) }
    }
    for g in 0..<n where groupType[g] == "PERSON" && aliasVotes[groupKeys[g]] == nil {
      guard !groupKeys[g].contains(" "), let owners = bySurname[groupKeys[g]], owners.count == 1,
        let owner = owners.first, owner != g
      else { continue }
      union(g, owner)
    }
    // Outputs, one per root, in order of first appearance.
    var outIndex: [Int: Int] = [:]
    var outGroups: [[Int]] = []
    for g in 0..<n {
      let r = find(g)
      if let o = outIndex[r] {
        outGroups[o].append(g)
      } else {
        outIndex[r] = outGroups.count
        outGroups.append([g])
      }
    }
    return outGroups.map { groups in
      var nameArticles: [String: Set<Int64>] = [:]  // surface name → articles using it as the name
      var aliasArticles: [String: Set<Int64>] = [:]
      var keys: [String: Set<Int64>] = [:]
      var articles = Set<Int64>()
      var mentions = 0
      var members: [Int64] = []
      var typeVotes: [String: Int] = [:]
      for g in groups {
        for i in groupItems[g] {
          let e = inputs[i]
          nameArticles[e.name, default: []].insert(e.article)
          for a in e.aliases { aliasArticles[a, default: []].insert(e.article) }
          keys[key(e.name), default: []].insert(e.article)
          for a in e.aliases { keys[key(a), default: []].insert(e.article) }
          articles.insert(e.article)
          mentions += e.mentions
          members.append(e.id)
          typeVotes[e.type, default: 0] += 1
        }
      }
      // The fullest name among those used about as often as the most used one.
      let most = nameArticles.values.map(\.count).max()!
      let name = nameArticles.filter { $0.value.count * 4 >= most }.max {
        let wa = $0.key.split(separator: " ").count
        let wb = $1.key.split(separator: " ").count
        if wa != wb { return wa < wb }
        if $0.value.count != $1.value.count { return $0.value.count < $1.value.count }
        if $0.key.count != $1.key.count { return $0.key.count < $1.key.count }
        return $0.key > $1.key
      }!.key
      var uses = nameArticles.mapValues(\.count)
      for (a, arts) in aliasArticles { uses[a, default: 0] += arts.count }
      uses[name] = nil
      // One form per spelling ("Uk" beside "UK" is not another name), the most used.
      var seen: Set<String> = [key(name)]
      var aliases: [String] = []
      for (a, _) in uses.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      )
      where seen.insert(key(a)).inserted {
        aliases.append(a)
      }
      let type = typeVotes.max {
        $0.value != $1.value ? $0.value < $1.value : rank($0.key) > rank($1.key)
      }!.key
      return Output(
        name: name, type: type, aliases: aliases, articles: articles.count, mentions: mentions,
        members: members.sorted(), keys: keys.mapValues(\.count))
    }
  }
}
