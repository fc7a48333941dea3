import ArticleModel

extension Program {
  /// What the index holds, read at once (a warm open shows the library in its first frame).
  static func openLibrary(_ source: LibrarySource?) -> Message {
    guard let source else { return .library(.failed("no library index")) }
    do {
      return .library(.loaded(try source.snapshot()))
    } catch {
      return .library(.failed("cannot read the library index: \(error)"))
    }
  }

  /// Refreshes and queries of the index run on the executor; a refresh posts its progress.
  static func submitLibrary(
    _ command: LibraryCommand, _ source: LibrarySource?, to executor: Executor, inbox: Inbox
  ) {
    guard let source else { return }
    switch command {
    case .open:
      break
    case .refresh:
      executor.submit("library refresh") {
        do {
          let note = try source.refresh { done, total in
            inbox.post(.library(.progress(done: done, total: total)))
          }
          return .library(.refreshed(note == nil ? nil : try source.snapshot(), note: note))
        } catch {
          return .library(.failed("cannot index the library: \(error)"))
        }
      }
    case .query(let query):
      executor.submit("library \(query)") {
        do {
          let answer = try source.answer(query)
          // the entities' sorting and folding done here, off the loop
          if case .entities(let list) = answer {
            return .library(.entities(LibraryState.EntityTable(list)))
          }
          return .library(.answer(answer))
        } catch {
          return .library(.failed("cannot read the library index: \(error)"))
        }
      }
    }
  }
}
