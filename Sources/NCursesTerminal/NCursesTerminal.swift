import CNCurses
import ExplorerCore

#if canImport(Glibc)
  import Glibc
#endif

/// Why the explorer could not take the terminal. Each reads as one line.
public enum TerminalError: Error, CustomStringConvertible {
  case termUnset
  case unknownTerminal(String)
  case noTTY(String)
  case cannotAddressCursor(String)

  public var description: String {
    switch self {
    case .termUnset:
      return
        "TERM is not set, so the explorer cannot draw; set TERM or pipe the output (lede FILE | cat)"
    case .unknownTerminal(let t):
      return
        "unknown terminal type '\(t)' (TERM); try TERM=xterm-256color, or pipe the output (lede FILE | cat)"
    case .cannotAddressCursor(let t):
      return
        "terminal type '\(t)' (TERM) cannot move the cursor, so the explorer cannot draw; pipe the output (lede FILE | cat)"
    case .noTTY(let why):
      return "cannot open /dev/tty for keys (\(why))"
    }
  }
}

/// The only code that talks to ncurses: opens and restores the terminal, decodes input,
/// and paints screen buffers by diffing them against the previous frame.
public final class NCursesTerminal: Terminal {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let keyFile: UnsafeMutablePointer<FILE>?
  public let colorMode: ColorMode
  private var last: ScreenBuffer?
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int32 = 1
  private var isOpen = true
  /// Where keys are read from (stdin, or /dev/tty when the article came on stdin).
  private let keyDescriptor: Int32
  /// The read end of the pipe the signal handlers write to.
  private var signalDescriptor: Int32 = -1

  struct PairKey: Hashable {
    var fg: Int16
    var bg: Int16
  }

  /// Takes the terminal: curses mode, raw keys, no echo, keypad, colours, optional mouse.
  public init(noColor: Bool, mouse: Bool) throws {
    setlocale(LC_ALL, "")
    if lede_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      throw TerminalError.termUnset
    }
    var input: UnsafeMutablePointer<FILE>? = nil
    if isatty(STDIN_FILENO) == 0 {
      // The article came on stdin: keys come from the terminal itself.
      guard let tty = fopen("/dev/tty", "r") else {
        throw TerminalError.noTTY(String(cString: strerror(errno)))
      }
      input = tty
    }
    keyFile = input
    keyDescriptor = input.map { fileno($0) } ?? STDIN_FILENO
    guard let scr = lede_newterm(term, input ?? stdin) else {
      if let input { fclose(input) }
      throw TerminalError.unknownTerminal(term)
    }
    set_term(scr)
    guard lede_can_address_cursor() != 0 else {
      endwin()
      delscreen(scr)
      if let input { fclose(input) }
      throw TerminalError.cannotAddressCursor(term)
    }
    screen = scr
    guard let win = lede_stdscr() else {
      endwin()
      throw TerminalError.unknownTerminal(term)
    }
    window = win
    signalDescriptor = lede_install_signal_handlers()
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    wtimeout(window, 0)
    let env = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
    if noColor || !env.isEmpty || !has_colors() {
      colorMode = .none
    } else {
      start_color()
      use_default_colors()
      colorMode = lede_colors() >= 256 ? .extended : (lede_colors() >= 8 ? .basic : .none)
    }
    if mouse {
      mousemask(lede_mouse_mask(), nil)
      mouseinterval(0)
    }
  }

  deinit { close() }

  /// Restores the terminal. Safe to call more than once.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    endwin()
    delscreen(screen)
    if let keyFile { fclose(keyFile) }
  }

  public var size: Size {
    Size(width: Int(lede_max_x(window)), height: Int(lede_max_y(window)))
  }

  /// Dies of a signal after the terminal was restored.
  public static func reraise(_ signal: Int32) { lede_reraise(signal) }

  // MARK: - Input

  /// Waits (in `poll`, no timer) for a key, a signal or a message in the inbox.
  public func nextEvent(wakingFor inbox: Inbox) -> TerminalEvent {
    var idleWakes = 0
    while true {
      // ncurses may hold keys it has read already: take those first.
      if let event = readInput() { return .input(event) }
      var fds = [
        pollfd(fd: keyDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      let r = poll(&fds, nfds_t(fds.count), -1)
      if r < 0 {
        if errno == EINTR { continue }
        return .closed
      }
      if fds[2].revents & Int16(POLLIN) != 0, let event = takeSignals() { return event }
      if fds[1].revents & Int16(POLLIN) != 0 { return .woken }
      let keyReady = fds[0].revents
      if keyReady & Int16(POLLIN) == 0 && keyReady & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
        return .closed
      }
      // Readable but no key: part of an escape sequence, or the end of the input.
      idleWakes += 1
      if idleWakes > 200 { return .closed }
    }
  }

  /// The signals the handlers recorded: a termination first, else a resize.
  func takeSignals() -> TerminalEvent? {
    var bytes = [UInt8](repeating: 0, count: 32)
    var resized = false
    while true {
      let n = read(signalDescriptor, &bytes, bytes.count)
      if n <= 0 { break }
      for b in bytes[0..<n] {
        if Int32(b) == lede_sigwinch() { resized = true } else { return .signal(Int32(b)) }
      }
    }
    guard resized, lede_update_size(STDOUT_FILENO) != 0 else { return nil }
    // The terminal reflowed what it showed: paint the whole screen again.
    clear()
    return .input(.resize(size))
  }

  /// A key (or mouse event) ncurses has, without waiting; nil when there is none.
  func readInput() -> InputEvent? {
    var ch: wint_t = 0
    let r = wget_wch(window, &ch)
    if r == ERR { return nil }
    if r == KEY_CODE_YES { return decodeKeyCode(Int32(ch)) ?? readInput() }
    return Self.decodeChar(UInt32(ch)).map { .key($0) } ?? readInput()
  }

  static func decodeChar(_ c: UInt32) -> Key? {
    switch c {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(c + 96)!))
    case 0, 28...31: return nil
    default:
      guard let s = Unicode.Scalar(c) else { return nil }
      return .char(Character(s))
    }
  }

  func decodeKeyCode(_ code: Int32) -> InputEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_RESIZE:
      last = nil
      return .resize(size)
    case KEY_MOUSE:
      var ev = MEVENT()
      guard getmouse(&ev) == OK else { return nil }
      if lede_mouse_is_wheel_up(ev.bstate) != 0 {
        return .wheel(lines: -3, x: Int(ev.x), y: Int(ev.y))
      }
      if lede_mouse_is_wheel_down(ev.bstate) != 0 {
        return .wheel(lines: 3, x: Int(ev.x), y: Int(ev.y))
      }
      if lede_mouse_is_click(ev.bstate) != 0 { return .click(x: Int(ev.x), y: Int(ev.y)) }
      return nil
    default:
      for n in 1...12 where code == lede_key_f(Int32(n)) { return .key(.function(n)) }
      return nil
    }
  }

  // MARK: - Output

  /// Forgets the last frame and makes ncurses clear the physical screen, so the next `draw`
  /// paints every cell (Ctrl-L, after a suspend).
  public func clear() {
    last = nil
    clearok(lede_curscr(), true)
  }

  /// Paints the cells that changed since the last frame, then updates the screen once.
  public func draw(_ buffer: ScreenBuffer) {
    let size = self.size
    let previous = (last?.size == buffer.size) ? last : nil
    if previous == nil { werase(window) }
    var text = [wchar_t](repeating: 0, count: 6)
    for y in 0..<min(buffer.height, size.height) {
      for x in 0..<min(buffer.width, size.width) {
        let cell = buffer[x, y]
        if cell.isContinuation { continue }
        if let previous, previous[x, y] == cell { continue }
        var n = 0
        for s in cell.text.unicodeScalars where n < 4 {
          // The core already replaced controls; check again, it costs nothing.
          let v = s.value
          text[n] = wchar_t(bitPattern: (v < 0x20 || (v >= 0x7F && v <= 0x9F)) ? 0xFFFD : v)
          n += 1
        }
        if n == 0 {
          text[0] = 0x20
          n = 1
        }
        text[n] = 0
        let (attrs, pair) = attributes(cell.style)
        _ = text.withUnsafeBufferPointer {
          lede_put_cell(window, Int32(y), Int32(x), $0.baseAddress, attrs, pair)
        }
        // ERR on the bottom-right cell (the cursor cannot move past it) is expected.
      }
    }
    wnoutrefresh(window)
    doupdate()
    last = buffer
  }

  /// Leaves curses mode, stops (Ctrl-Z), and on `fg` comes back for a full redraw.
  public func suspend() {
    lede_suspend()
    _ = lede_update_size(STDOUT_FILENO)
    clear()
    wrefresh(window)
  }

  func attributes(_ style: Style) -> (attr_t, Int32) {
    var a = lede_attr_normal()
    if style.bold { a |= lede_attr_bold() }
    if style.underline { a |= lede_attr_underline() }
    if style.reverse { a |= lede_attr_reverse() }
    if style.dim { a |= lede_attr_dim() }
    guard colorMode != .none, style.fg != nil || style.bg != nil else { return (a, 0) }
    func index(_ c: Color?) -> Int16 {
      guard let c else { return -1 }
      return colorMode == .extended ? Int16(c.index256) : Int16(c.basic)
    }
    let key = PairKey(fg: index(style.fg), bg: index(style.bg))
    if let p = pairs[key] { return (a, Int32(p)) }
    guard nextPair < min(lede_color_pairs(), 32767) else { return (a, 0) }
    let p = Int16(nextPair)
    nextPair += 1
    init_pair(p, key.fg, key.bg)
    pairs[key] = p
    return (a, Int32(p))
  }
}
