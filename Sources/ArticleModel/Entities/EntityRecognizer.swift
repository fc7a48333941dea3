/// Finds the entities of a document.
///
/// Placeholder until the entity-recognition issue lands: it finds nothing, so the rest of the
/// program (JSON, report, explorer) can be built against the real types.
public enum EntityRecognizer {
  public static func entities(in document: Document) -> [Entity] { [] }

  /// Loads what the recogniser needs (its model), so that a benchmark can time it.
  public static func warmUp() {}
}
