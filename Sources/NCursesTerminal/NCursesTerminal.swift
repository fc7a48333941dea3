import CNCurses
import ExplorerCore

/// The only code that talks to ncurses.
public enum NCursesTerminal {
  public static func libraryVersion() -> String { String(cString: curses_version()) }
}
