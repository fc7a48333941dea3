/// TimeML TIMEX3 types.
public enum TimexType: String, Sendable, Codable {
  case date = "DATE"
  case time = "TIME"
  case duration = "DURATION"
  case set = "SET"
}

/// A temporal expression found in the text, with its TIMEX3 type and normalised value.
public struct TimeExpression: Hashable, Sendable {
  public var span: Span
  public var type: TimexType
  /// TIMEX3 value: "2014-04", "199", "P10D", "PRESENT_REF", "XXXX-06" when unresolved, …
  public var value: String
  /// TIMEX3 mod, if any: "APPROX", "START", "MORE_THAN", …
  public var mod: String?
  /// How precise the value is (day, month, year, decade...); `.none` for durations, sets and
  /// vague references.
  public var granularity: TimeGranularity
  /// For a duration anchored by "since" ("in the 4 years since ..."): the time it counts back
  /// to, a round and therefore approximate value ("2010").
  public var anchoredValue: String?
  /// A numeric date whose day and month could be read either way ("3/4/2014"): the value takes
  /// month first, as US news does, and this flag says so.
  public var ambiguousDayMonth: Bool

  public init(
    span: Span, type: TimexType, value: String, mod: String? = nil,
    granularity: TimeGranularity = .none, anchoredValue: String? = nil,
    ambiguousDayMonth: Bool = false
  ) {
    self.span = span
    self.type = type
    self.value = value
    self.mod = mod
    self.granularity = granularity
    self.anchoredValue = anchoredValue
    self.ambiguousDayMonth = ambiguousDayMonth
  }
}

/// The precision of a normalised time.
public enum TimeGranularity: String, Sendable, Codable {
  case time, day, week, month, quarter, half, season, year, decade, century
  /// Not a point on the calendar: a duration, a set, a vague reference, or unresolved.
  case none
}

/// Where the document's creation date came from.
public enum DocumentDateSource: String, Sendable, Codable {
  case given, dateline, metadata, filename, inferred
}

/// The document creation time (DCT) that relative expressions are resolved against.
public struct DocumentDate: Hashable, Sendable {
  /// "2014-06-01", "2014-06" or "2014": as precise as the evidence allows. The year is "XXXX"
  /// when nothing says it ("XXXX-03-23" from a dateline "LONDON, March 23 -" in a text with
  /// no good evidence of the year; "XXXX" when only a lower bound is known).
  public var value: String
  public var source: DocumentDateSource
  /// What the date was worked out from, one short line each, for `lede dump` and Ctrl-G
  /// ("dateline: March 23", "not before 1987: 'since December 31, 1986'").
  public var evidence: [String]

  public init(value: String, source: DocumentDateSource, evidence: [String] = []) {
    self.value = value
    self.source = source
    self.evidence = evidence
  }

  /// Whether the year is known (given, read or inferred); "XXXX-03-23" has none.
  public var yearKnown: Bool { !value.hasPrefix("X") }

  /// The date as a reader should see it: an inferred date carries a question mark ("1987?",
  /// "1987-03-23?"), an unknown year says so ("March 23, year unknown", "year unknown").
  public var display: String {
    if !yearKnown {
      let parts = value.split(separator: "-")
      let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
      ]
      guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else {
        return "year unknown"
      }
      if parts.count >= 3, let d = Int(parts[2]) { return "\(months[m - 1]) \(d), year unknown" }
      return "\(months[m - 1]), year unknown"
    }
    return source == .inferred ? value + "?" : value
  }
}

/// One entry of the timeline: a dated (or undated) event and the sentence it comes from.
public struct TimelineEntry: Hashable, Sendable {
  /// The normalised time: "2014-04", "2010", "P1Y" for a SET, "PAST_REF", …
  public var value: String
  public var type: TimexType
  /// The expression's span in the text.
  public var span: Span
  /// The sentence the expression belongs to.
  public var sentence: Span
  /// True when derived from a round duration ("in the 4 years since" → about 2010).
  public var approximate: Bool
  /// How precise the value is; `.none` for SETs and vague references.
  public var granularity: TimeGranularity
  /// The index of the sentence in `Document.sentences`, when the expression is inside one.
  public var sentenceIndex: Int?

  public init(
    value: String, type: TimexType, span: Span, sentence: Span, approximate: Bool,
    granularity: TimeGranularity = .none, sentenceIndex: Int? = nil
  ) {
    self.value = value
    self.type = type
    self.span = span
    self.sentence = sentence
    self.approximate = approximate
    self.granularity = granularity
    self.sentenceIndex = sentenceIndex
  }

  /// Whether the entry has a place on the calendar (not a SET or a vague reference).
  public var isDated: Bool { granularity != .none }
}
