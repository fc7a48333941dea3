/// First-order Viterbi decoding over BILOU tags with the scheme's hard constraints.
///
/// Transitions are a (1 + tags) x tags matrix: row 0 is the sentence start, row p + 1 follows
/// tag p. Emission scores are laid out token-major, `count` per token.
package struct NERViterbi {
  static let n = NERTags.count
  /// allowedPrev[t] lists the tags that may precede t (start excluded).
  static let allowedPrev: [[Int]] = (0..<n).map { t in (0..<n).filter { NERTags.allowed($0, t) } }
  static let allowedStart: [Bool] = (0..<n).map { NERTags.allowed(-1, $0) }
  static let allowedEnd: [Bool] = (0..<n).map { NERTags.canEnd($0) }
  /// `allowedPrev` flattened: the predecessors of t are prevList[prevStart[t]..<prevStart[t+1]].
  static let prevList: [Int32] = allowedPrev.flatMap { $0.map(Int32.init) }
  static let prevStart: [Int32] = {
    var out: [Int32] = [0]
    for l in allowedPrev { out.append(out.last! + Int32(l.count)) }
    return out
  }()

  var score: [Float] = []
  var back: [Int8] = []

  package init() {}

  /// Decodes `len` tokens; writes tags into `out[0..<len]`.
  package mutating func decode(
    emissions em: UnsafePointer<Float>, count len: Int, transitions tr: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Int>
  ) {
    let n = NERViterbi.n
    if len == 0 { return }
    if score.count < len * n {
      score = [Float](repeating: 0, count: len * n * 2)
      back = [Int8](repeating: 0, count: len * n * 2)
    }
    let ninf = -Float.greatestFiniteMagnitude
    score.withUnsafeMutableBufferPointer { sc in
      back.withUnsafeMutableBufferPointer { bk in
        for t in 0..<n {
          sc[t] = NERViterbi.allowedStart[t] ? em[t] + tr[t] : ninf
        }
        NERViterbi.prevList.withUnsafeBufferPointer { pl in
          NERViterbi.prevStart.withUnsafeBufferPointer { ps in
            for i in 1..<max(len, 1) {
              let base = i &* n
              let prevBase = base &- n
              for t in 0..<n {
                var best = ninf
                var arg = 0
                for k in Int(ps[t])..<Int(ps[t &+ 1]) {
                  let p = Int(pl[k])
                  let s = sc[prevBase &+ p] + tr[(p &+ 1) &* n &+ t]
                  if s > best { best = s; arg = p }
                }
                sc[base &+ t] = best + em[base &+ t]
                bk[base &+ t] = Int8(truncatingIfNeeded: arg)
              }
            }
          }
        }
        let last = (len - 1) * n
        var best = ninf
        var arg = 0
        for t in 0..<n where NERViterbi.allowedEnd[t] && sc[last + t] > best {
          best = sc[last + t]
          arg = t
        }
        out[len - 1] = arg
        var i = len - 1
        while i > 0 {
          arg = Int(bk[i * n + arg])
          out[i - 1] = arg
          i -= 1
        }
      }
    }
  }
}
