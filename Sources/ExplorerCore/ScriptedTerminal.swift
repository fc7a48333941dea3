/// A terminal for tests: plays a script of keys and resizes, keeps every frame it is given, and
/// can wait for the background work to report (`.settle`), so that whole sessions run
/// in-process and the same way every time.
public final class ScriptedTerminal: Terminal {
  public enum Step {
    case key(Key)
    case resize(Size)
    case signal(Int32)
    /// Waits until every analysis and index asked for has come back and been shown.
    case settle
    /// Runs code between two steps (a test lets a held-back job go on, say).
    case call(() -> Void)
  }

  /// A frame and the step whose input it answers (-1: before the first step; nil: drawn for
  /// background work that reported during a `.settle`).
  public struct Frame {
    public var step: Int?
    public var buffer: ScreenBuffer
  }

  public private(set) var size: Size
  public let colorMode: ColorMode
  public private(set) var frames: [Frame] = []
  public private(set) var clears = 0
  private var script: [Step]
  /// The index of the step last played.
  private var played = -1
  /// Whether the last event given was a wake-up for background work.
  private var woken = false

  public init(size: Size, colorMode: ColorMode = .extended, script: [Step]) {
    self.size = size
    self.colorMode = colorMode
    self.script = script
  }

  /// Keys for each character of a string ("\n" is Enter, "\u{1B}" is Esc).
  public static func keys(_ text: String) -> [Step] {
    text.map { c in
      switch c {
      case "\n": return .key(.enter)
      case "\u{1B}": return .key(.escape)
      case "\t": return .key(.tab)
      default: return .key(.char(c))
      }
    }
  }

  /// The last frame drawn.
  public var screen: ScreenBuffer? { frames.last?.buffer }

  /// The frames drawn in answer to a step's input.
  public func frames(afterStep step: Int) -> [ScreenBuffer] {
    frames.filter { $0.step == step }.map(\.buffer)
  }

  public func draw(_ buffer: ScreenBuffer) {
    frames.append(Frame(step: woken ? nil : played, buffer: buffer))
  }

  public func clear() { clears += 1 }

  public func suspend() {}

  public func nextEvent(wakingFor inbox: Inbox) -> TerminalEvent {
    woken = false
    while played + 1 < script.count {
      let step = script[played + 1]
      if case .settle = step {
        if inbox.waitForMessage() {
          woken = true
          return .woken
        }
        played += 1
        continue
      }
      played += 1
      switch step {
      case .key(let key): return .input(.key(key))
      case .resize(let s):
        size = s
        return .input(.resize(s))
      case .signal(let s): return .signal(s)
      case .call(let body): body()
      case .settle: continue
      }
    }
    return .closed
  }
}
