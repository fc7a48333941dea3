/// Finds and normalises the time expressions of a document, and builds its timeline.
///
/// Placeholder until the time-expression issue lands: it finds nothing and takes the document
/// date only when it is given.
public enum TemporalTagger {
  public static func documentDate(for document: Document, given: String?) -> DocumentDate? {
    given.map { DocumentDate(value: $0, source: .given) }
  }

  public static func expressions(in document: Document, dct: DocumentDate?) -> [TimeExpression] {
    []
  }

  public static func timeline(
    for document: Document, expressions: [TimeExpression], dct: DocumentDate?
  ) -> [TimelineEntry] {
    []
  }
}
