import ArticleModel
import Foundation

/// Which target: `LEDE_FUZZ=web` (`make fuzz-web`) fuzzes the web side alone (format, charset,
/// HTML extraction, metadata, feeds, and the documents built from them, without the analysis of
/// their text); anything else the whole path (`make fuzz`).
let webOnly = ProcessInfo.processInfo.environment["LEDE_FUZZ"] == "web"

/// Inputs longer than this are cut for the web target (libFuzzer's -max_len bounds them too).
let webMaxBytes = 16_384

/// One fuzz input: crash (so that libFuzzer keeps the input) if any invariant breaks.
func fuzzOne(_ bytes: [UInt8]) {
  let problems =
    webOnly ? Invariants.checkWeb(bytes: Array(bytes.prefix(webMaxBytes))) : Invariants.check(bytes: bytes)
  if !problems.isEmpty { fatalError("invariant broken: \(problems[0])") }
}

#if FUZZING
  /// libFuzzer's entry for a program that has its own main (SwiftPM gives every executable one).
  @_silgen_name("LLVMFuzzerRunDriver")
  func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

/// With -DFUZZING (see `make fuzz`): runs libFuzzer with its usual arguments.
/// Without: replays the files (or folders of files) named on the command line, so that kept
/// crash inputs run again as regression tests.
@main
struct FuzzMain {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      let status = llvmFuzzerRunDriver(&argc, &argv) { bytes, count in
        fuzzOne(bytes.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
        return 0
      }
      exit(status)
    #else
      var count = 0
      for arg in CommandLine.arguments.dropFirst() {
        var files = [arg]
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue {
          files = ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).sorted().map { arg + "/" + $0 }
        }
        for f in files {
          guard let data = FileManager.default.contents(atPath: f) else { continue }
          fuzzOne([UInt8](data))
          count += 1
        }
      }
      print("replayed \(count) inputs")
    #endif
  }
}
