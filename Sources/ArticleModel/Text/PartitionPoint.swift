extension RandomAccessCollection {
  /// The first index whose element satisfies `isInSecondPart`, by binary search; the
  /// collection must be partitioned by it (every element that fails comes before every one that
  /// holds). `endIndex` when none does. The one binary search of the package.
  @inlinable
  public func partitionPoint(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
    var lo = startIndex
    var n = count
    while n > 0 {
      let half = n / 2
      let mid = index(lo, offsetBy: half)
      if try isInSecondPart(self[mid]) {
        n = half
      } else {
        lo = index(after: mid)
        n -= half + 1
      }
    }
    return lo
  }
}
