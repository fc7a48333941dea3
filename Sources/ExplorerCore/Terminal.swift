/// What the run loop gets from a terminal while it waits.
public enum TerminalEvent: Equatable, Sendable {
  case input(InputEvent)
  /// A termination signal (SIGINT, SIGTERM, SIGHUP).
  case signal(Int32)
  /// The inbox has messages (background work finished).
  case woken
  /// No more input will come (the terminal went away, or a script ended).
  case closed
}

/// A screen and a keyboard: ncurses (NCursesTerminal) for people, `ScriptedTerminal` for tests.
public protocol Terminal: AnyObject {
  var size: Size { get }
  var colorMode: ColorMode { get }
  /// Paints a frame (only the cells that changed since the last one).
  func draw(_ buffer: ScreenBuffer)
  /// Clears the physical screen; the next `draw` paints every cell (Ctrl-L).
  func clear()
  /// Gives the terminal back and stops the process until it is resumed (Ctrl-Z).
  func suspend()
  /// Waits for input, a signal or a message in the inbox, without polling on a timer.
  func nextEvent(wakingFor inbox: Inbox) -> TerminalEvent
}
