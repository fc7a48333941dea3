import ArticleModel
import Foundation

extension BenchRun {
  // MARK: - 5 and 6. The explorer, off-screen, and search

  /// Filled in when the explorer lands: first frame, keys, resize and search on the book.
  mutating func explorer() {
    add(BenchRow(section: "5 Explorer", name: "first frame, keys, resize, search",
      value: "not measured yet (the explorer has not landed)"))
  }
}
