import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why an output could not be written. One line naming the file.
public enum WriteError: Error, CustomStringConvertible, Equatable {
  case isInput(String)
  case failed(String, String)

  public var description: String {
    switch self {
    case .isInput(let f): return "\(f): is an input; lede never writes to the files it reads"
    case .failed(let f, let why): return "\(f): cannot be written (\(why))"
    }
  }
}

/// Writes files so that nothing is ever lost: the data goes to a temporary file in the same
/// folder, is flushed to disk, and is renamed over the target only when complete. A full disk or
/// a kill midway leaves the old file whole; an input of this run is never overwritten.
public enum SafeWriter {
  public static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
    for input in inputs where input != "-" && sameFile(input, path) { throw WriteError.isInput(path) }
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let tmp = dir + "/.\(url.lastPathComponent).lede-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError.failed(path, String(cString: strerror(errno))) }
    var failure: String? = nil
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil && rename(tmp, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(tmp)
      throw WriteError.failed(path, failure)
    }
  }

  /// Whether two paths name the same file (same device and inode).
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat()
    var sb = stat()
    guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
  }
}
