extension Analysis {
  /// The entities mentioned in the sentence of a timeline entry, in order of first mention
  /// there: who and what the dated event is about.
  public func entities(inSentenceOf entry: TimelineEntry) -> [Entity] {
    var found: [(Int, Entity)] = []
    for e in entities {
      if let m = e.mentions.first(where: { entry.sentence.contains($0) }) {
        found.append((m.start, e))
      }
    }
    return found.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
