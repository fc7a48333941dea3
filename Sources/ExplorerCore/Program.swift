import ArticleModel

/// The run loop: messages into `App.update`, its commands performed, one frame per batch of
/// messages. Loading a file to show happens here, before the frame (so a file switch is one
/// frame); analyses and indexes go to the executor after the frame (so they do not compete with
/// it) and come back through the inbox, which wakes the loop.
public enum Program {
  /// Runs until the app quits or the terminal closes. Returns the signal that ended it, if any
  /// (the caller restores the terminal, then dies of it). Stops the executor before returning.
  @discardableResult
  public static func run(
    _ app: inout App, terminal: Terminal, executor: Executor, inbox: Inbox,
    load: @escaping @Sendable (String) throws -> Document = { try ArticleLoader.load(path: $0) },
    part: (FilePart.Kind, String) throws -> Document? = { try FilePart.read($0, path: $1) },
    library: LibrarySource? = nil
  ) -> Int32? {
    defer { executor.stop() }
    var queue: [Message] = []
    var background: [Command] = []
    var needsFrame = true
    func perform(_ commands: [Command]) -> Int32?? {
      for command in commands {
        switch command {
        case .quit(let signal): return .some(signal)
        case .clearScreen: terminal.clear()
        case .suspend:
          terminal.suspend()
          queue.append(.input(.resize(terminal.size)))
        case .load(let file, let path):
          // Shown next: read now, and taken before anything else.
          do {
            if let head = try part(.head, path) {
              queue.insert(.loaded(file: file, document: head, part: .head), at: 0)
            } else {
              queue.insert(.loaded(file: file, document: try load(path), part: nil), at: 0)
            }
          } catch {
            let problem = (error as? LoadError)?.description ?? "\(path): \(error)"
            queue.insert(.loadFailed(file: file, problem: problem), at: 0)
          }
        case .loadTail(let file, let path):
          if let tail = try? part(.tail, path) {
            queue.insert(.loaded(file: file, document: tail, part: .tail), at: 0)
          }
        case .library(.open):
          // the first frame shows what the index holds
          queue.insert(openLibrary(library), at: 0)
        case .analyse, .buildSearchIndex, .loadWhole, .readTail, .library:
          background.append(command)
        }
      }
      return nil
    }
    if let end = perform(app.start()) { return end }
    while true {
      queue += inbox.take()
      while !queue.isEmpty {
        let message = queue.removeFirst()
        if let end = perform(app.update(message)) { return end }
        needsFrame = true
      }
      if needsFrame {
        terminal.draw(app.render())
        needsFrame = false
      }
      for command in background {
        if case .library(let c) = command {
          submitLibrary(c, library, to: executor, inbox: inbox)
        } else {
          submit(command, to: executor, load: load)
        }
      }
      background.removeAll()
      switch terminal.nextEvent(wakingFor: inbox) {
      case .input(let event): queue.append(.input(event))
      case .signal(let signal): queue.append(.terminate(signal: signal))
      case .woken: break
      case .closed: return nil
      }
    }
  }

  static func submit(
    _ command: Command, to executor: Executor,
    load: @escaping @Sendable (String) throws -> Document
  ) {
    switch command {
    case .readTail(let file, let path):
      executor.submit("tail \(file)") {
        .tailRead(file: file, document: (try? FilePart.read(.tail, path: path)) ?? nil)
      }
    case .loadWhole(let file, let path):
      executor.submit("load \(file)") {
        do {
          return .loaded(file: file, document: try load(path), part: nil)
        } catch {
          return .loadFailed(
            file: file, problem: (error as? LoadError)?.description ?? "\(path): \(error)")
        }
      }
    case .analyse(let file, let document, let dating):
      executor.submit("analyse \(file)") {
        .analysed(file: file, analysis: Analysis(document: document, date: dating.date, year: dating.year))
      }
    case .buildSearchIndex(let file, let scalars):
      executor.submit("index \(file)") {
        .indexed(file: file, index: SearchIndex(scalars: scalars))
      }
    default:
      break
    }
  }
}
