import CLibXML2

/// gzip decompression (zlib), bounded: for the benchmark's `*.html.gz` pages.
public enum Gzip {
  public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

  /// The inflated bytes, or nil when the data is not gzip or inflates past `limit`.
  public static func decompress(_ bytes: [UInt8], limit: Int = 64 << 20) -> [UInt8]? {
    guard isGzip(bytes) else { return nil }
    var cap = max(1 << 16, bytes.count * 8)
    while true {
      var out = [UInt8](repeating: 0, count: min(cap, limit))
      let n = bytes.withUnsafeBufferPointer { inp in
        out.withUnsafeMutableBufferPointer { o in
          lede_gunzip(inp.baseAddress, UInt(inp.count), o.baseAddress, UInt(o.count))
        }
      }
      if n >= 0 { return Array(out[0..<n]) }
      if cap >= limit { return nil }
      cap *= 4
    }
  }
}
