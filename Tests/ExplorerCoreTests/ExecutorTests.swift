import ArticleModel
import Foundation
import XCTest

@testable import ExplorerCore

/// The workers: a short job is not held up by a long one, the latest job runs first, and stop
/// ends them. Long jobs are simulated with semaphores, so nothing depends on a machine's speed.
final class ExecutorTests: XCTestCase {
  static func marker(_ n: Int) -> Message { .loadFailed(file: n, problem: "job \(n)") }

  static func number(_ m: Message) -> Int? {
    if case .loadFailed(let n, _) = m { return n }
    return nil
  }

  func testAShortJobDoesNotWaitForALongOne() {
    let inbox = Inbox()
    let executor = Executor(inbox: inbox, workers: 2)
    let book = DispatchSemaphore(value: 0)
    executor.submit("book") {
      book.wait()
      return Self.marker(1)
    }
    executor.submit("short") { Self.marker(2) }
    XCTAssertTrue(inbox.waitForMessage())
    XCTAssertEqual(inbox.take().compactMap(Self.number), [2], "the short one, the book still running")
    book.signal()
    XCTAssertTrue(inbox.waitForMessage())
    XCTAssertEqual(inbox.take().compactMap(Self.number), [1])
    XCTAssertTrue(inbox.isSettled)
    executor.stop()
    executor.join()
  }

  func testTheLatestJobRunsFirstAndStopDropsTheQueue() {
    let inbox = Inbox()
    let executor = Executor(inbox: inbox, workers: 1)
    let gate = DispatchSemaphore(value: 0)
    let order = Locked<[Int]>([])
    let started = DispatchSemaphore(value: 0)
    executor.submit("blocker") {
      started.signal()
      gate.wait()
      return Self.marker(0)
    }
    started.wait()  // the blocker runs: the next ones queue behind it
    executor.submit("blocker") { Self.marker(99) }  // the same key while it runs: ignored
    for n in 1...3 {
      executor.submit("job \(n)") {
        order.update { $0.append(n) }
        return Self.marker(n)
      }
    }
    gate.signal()
    var got: [Int] = []
    while got.count < 4, inbox.waitForMessage() { got += inbox.take().compactMap(Self.number) }
    XCTAssertFalse(got.contains(99))
    XCTAssertEqual(got.first, 0)
    XCTAssertEqual(order.value, [3, 2, 1], "the most recently asked for first")

    // stop: the queued jobs are dropped, the running one finishes and reports
    executor.submit("blocker 2") {
      started.signal()
      gate.wait()
      return Self.marker(10)
    }
    started.wait()
    executor.submit("dropped") { Self.marker(11) }
    executor.stop()
    executor.submit("after stop") { Self.marker(12) }
    gate.signal()
    executor.join()
    let rest = inbox.take().compactMap(Self.number)
    XCTAssertEqual(rest, [10], "the running job still reports")
    XCTAssertFalse(rest.contains(11))
    XCTAssertFalse(rest.contains(12))
    XCTAssertTrue(inbox.isSettled, "a dropped job is not waited for")
  }

  func testAMessageWakesAPollOnTheInbox() {
    let inbox = Inbox()
    let executor = Executor(inbox: inbox, workers: 1)
    executor.submit("one") { Self.marker(1) }
    var fd = pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)
    XCTAssertEqual(poll(&fd, 1, 10_000), 1, "readable once a message is there")
    XCTAssertEqual(inbox.take().count, 1)
    fd.revents = 0
    XCTAssertEqual(poll(&fd, 1, 0), 0, "drained by take")
    executor.stop()
    executor.join()
  }
}
