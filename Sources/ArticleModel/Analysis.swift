/// Everything lede knows about one article: its structure, entities, time expressions and
/// timeline. Built once per document; the explorer and the reports read it.
public struct Analysis: Sendable {
  public let document: Document
  public let documentDate: DocumentDate?
  public let entities: [Entity]
  public let timeExpressions: [TimeExpression]
  public let timeline: [TimelineEntry]

  public init(
    document: Document, documentDate: DocumentDate?, entities: [Entity],
    timeExpressions: [TimeExpression], timeline: [TimelineEntry]
  ) {
    self.document = document
    self.documentDate = documentDate
    self.entities = entities
    self.timeExpressions = timeExpressions
    self.timeline = timeline
  }

  /// Runs every analysis over a document. `date` (YYYY-MM-DD) overrides the document date;
  /// `year` is the year of an undated dateline ("LONDON, March 23 -") or of an undated text.
  public init(document: Document, date: String? = nil, year: Int? = nil) {
    let scan = TemporalTagger.Scan(document)
    let dct = TemporalTagger.documentDate(for: document, given: date, year: year, scan: scan)
    let expressions = TemporalTagger.expressions(in: document, dct: dct, scan: scan)
    self.init(
      document: document,
      documentDate: dct,
      entities: EntityRecognizer.entities(in: document),
      timeExpressions: expressions,
      timeline: TemporalTagger.timeline(for: document, expressions: expressions))
  }
}
