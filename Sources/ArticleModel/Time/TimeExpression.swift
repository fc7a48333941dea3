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

  public init(span: Span, type: TimexType, value: String, mod: String? = nil) {
    self.span = span
    self.type = type
    self.value = value
    self.mod = mod
  }
}

/// Where the document's creation date came from.
public enum DocumentDateSource: String, Sendable, Codable {
  case given, dateline, metadata, filename, inferred
}

/// The document creation time (DCT) that relative expressions are resolved against.
public struct DocumentDate: Hashable, Sendable {
  /// "2014-06-01", "2014-06" or "2014": as precise as the evidence allows.
  public var value: String
  public var source: DocumentDateSource

  public init(value: String, source: DocumentDateSource) {
    self.value = value
    self.source = source
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

  public init(value: String, type: TimexType, span: Span, sentence: Span, approximate: Bool) {
    self.value = value
    self.type = type
    self.span = span
    self.sentence = sentence
    self.approximate = approximate
  }
}
