/// The kinds of entity a reader sees, grouped as the Entities pane shows them.
public enum EntityType: String, Sendable, Codable, CaseIterable {
  case person = "PERSON"
  case organization = "ORGANIZATION"
  case place = "PLACE"
  /// Nationalities, religious and political groups: "Russian", "Korean", "European".
  case group = "GROUP"
  /// Wars, talks, tournaments: "Cold War", "6-party talks", "World Cup".
  case event = "EVENT"
  case misc = "MISC"
  case money = "MONEY"
  case percent = "PERCENT"
  case quantity = "QUANTITY"
}

/// One mention of an entity in the text.
public struct Mention: Hashable, Sendable {
  public var span: Span
  public var type: EntityType

  public init(span: Span, type: EntityType) {
    self.span = span
    self.type = type
  }
}

/// A real-world entity: its canonical name, type and every mention (aliases included),
/// mentions in text order.
public struct Entity: Hashable, Sendable {
  public var name: String
  public var type: EntityType
  public var mentions: [Span]
  /// The other forms the entity is written in ("DPRK", "North Korea"), in order of appearance.
  public var aliases: [String]

  public init(name: String, type: EntityType, mentions: [Span], aliases: [String] = []) {
    self.name = name
    self.type = type
    self.mentions = mentions
    self.aliases = aliases
  }
}
