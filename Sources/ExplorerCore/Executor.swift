import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the work that takes time (analyses, search indexes, the rest of a long file) on a few
/// threads of its own and leaves each result in the inbox as a message.
///
/// The most recently submitted job runs first, so that flipping through files analyses the one
/// being read even while a book is still being analysed on another thread. `stop()` ends the
/// workers: queued jobs are dropped, and each worker ends after the job it is on.
///
/// Every worker loop has a stop condition: a `while true` loop here sent Swift 6.3.1's optimiser
/// into a spin (docs/compiler-bugs/licm-hang.md).
public final class Executor: @unchecked Sendable {
  public typealias Job = @Sendable () -> Message

  private let condition = NSCondition()
  private let inbox: Inbox
  private let maxWorkers: Int
  /// Waiting to run, the most recent last.
  private var queue: [(key: String, job: Job)] = []
  private var running: Set<String> = []
  private var workers = 0
  private var idle = 0
  private var stopped = false

  /// `workers`: at least two by default, so that a short article never waits for a book.
  public init(inbox: Inbox, workers: Int = max(2, min(ProcessInfo.processInfo.activeProcessorCount, 4)))
  {
    self.inbox = inbox
    self.maxWorkers = max(1, workers)
  }

  /// Queues a job ahead of the others; a job with the key of one queued or running is ignored.
  public func submit(_ key: String, _ job: @escaping Job) {
    condition.lock()
    defer { condition.unlock() }
    guard !stopped, !running.contains(key), !queue.contains(where: { $0.key == key }) else {
      return
    }
    inbox.expect()
    queue.append((key, job))
    if idle == 0 && workers < maxWorkers {
      workers += 1
      let thread = Thread { [self] in work() }
      thread.stackSize = 16 << 20
      thread.start()
    }
    condition.signal()
  }

  /// Ends the workers: queued jobs are dropped; running ones finish and still report.
  public func stop() {
    condition.lock()
    stopped = true
    for _ in queue { inbox.forget() }
    queue.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until every worker has ended (after `stop`).
  public func join() {
    condition.lock()
    defer { condition.unlock() }
    while workers > 0 { condition.wait() }
  }

  private func work() {
    #if os(Linux)
      // Below the loop that reads keys and draws: on Linux a thread has a nice value of its own
      // (`who` 0 is the calling thread), so a book's analysis does not slow the keys down.
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    #endif
    while let (key, job) = next() {
      let message = job()
      condition.lock()
      running.remove(key)
      condition.unlock()
      inbox.deliver(message)
    }
    condition.lock()
    workers -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// The next job, waiting for one; nil once stopped.
  private func next() -> (String, Job)? {
    condition.lock()
    defer { condition.unlock() }
    idle += 1
    while queue.isEmpty && !stopped { condition.wait() }
    idle -= 1
    guard !stopped else { return nil }
    let (key, job) = queue.removeLast()
    running.insert(key)
    return (key, job)
  }
}
