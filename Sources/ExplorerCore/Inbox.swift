import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where background work leaves its results for the run loop. Posting wakes the loop at once:
/// a waiting scripted terminal through a condition, the ncurses terminal through a pipe it polls
/// beside the keyboard (`wakeDescriptor`), so nothing is polled on a timer.
///
/// It also counts the results still to come (`expect`), so that a test can wait until every
/// piece of background work has reported (`waitUntilSettled`).
public final class Inbox: @unchecked Sendable {
  private let condition = NSCondition()
  private var messages: [Message] = []
  private var outstanding = 0
  private var pipeEnds: [Int32] = [-1, -1]

  public init() {
    var fds: [Int32] = [0, 0]
    if pipe(&fds) == 0 {
      for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
      pipeEnds = fds
    }
  }

  deinit {
    for fd in pipeEnds where fd >= 0 { close(fd) }
  }

  /// A descriptor that becomes readable when a message is posted (for `poll`).
  public var wakeDescriptor: Int32 { pipeEnds[0] }

  /// Records that a result will come (a job was handed to a worker).
  public func expect() {
    condition.lock()
    outstanding += 1
    condition.unlock()
  }

  /// Records that an expected result will not come after all (a job dropped by `stop`).
  public func forget() {
    condition.lock()
    outstanding -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Leaves an expected result for the loop and wakes it.
  public func deliver(_ message: Message) {
    condition.lock()
    outstanding -= 1
    messages.append(message)
    condition.broadcast()
    condition.unlock()
    var byte: UInt8 = 1
    _ = write(pipeEnds[1], &byte, 1)
  }

  /// Leaves a message no one waits for (the progress of a job still running) and wakes the loop.
  public func post(_ message: Message) {
    condition.lock()
    messages.append(message)
    condition.broadcast()
    condition.unlock()
    var byte: UInt8 = 1
    _ = write(pipeEnds[1], &byte, 1)
  }

  /// Every message posted so far, oldest first; empties the inbox.
  public func take() -> [Message] {
    condition.lock()
    defer { condition.unlock() }
    var drain = [UInt8](repeating: 0, count: 64)
    while read(pipeEnds[0], &drain, drain.count) > 0 {}
    let out = messages
    messages.removeAll()
    return out
  }

  /// Waits until a message is there (returns true) or no result is to come (returns false).
  public func waitForMessage() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while messages.isEmpty && outstanding > 0 { condition.wait() }
    return !messages.isEmpty
  }

  /// True when no result is still to come and none waits to be taken.
  public var isSettled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return messages.isEmpty && outstanding == 0
  }
}
