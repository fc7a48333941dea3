extension TimelineEntry {
  /// The first and last day the value covers, as day numbers (nil when it has no place on the
  /// calendar). Sorting many articles' timelines into one uses it: by first day, the wider
  /// period first, as one article's timeline is sorted.
  public var calendarInterval: (first: Int, last: Int)? {
    TimelineBuilder.interval(of: value).map { (first: $0.0, last: $0.1) }
  }
}
