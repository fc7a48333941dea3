import Foundation

/// FNV-1a, 64 bits: a fast digest of bytes, for telling files and resources apart (the library's
/// file stamps, the analyser's fingerprint). Not for security.
public struct FNV1a {
  public var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  @inlinable public mutating func add(_ byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x100_0000_01b3
  }

  @inlinable public mutating func add(_ data: Data) {
    data.withUnsafeBytes { raw in
      for b in raw.bindMemory(to: UInt8.self) { add(b) }
    }
  }

  /// The digest as 16 hex digits.
  public var hex: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
