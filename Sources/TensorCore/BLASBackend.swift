#if canImport(Accelerate)
  import Accelerate
#else
  import CBLAS
#endif

/// What computes TensorCore's matrix products: which BLAS, which kernel, how many threads.
///
/// OpenBLAS picks a kernel for the processor when the program starts (or the one named by
/// the environment variable `OPENBLAS_CORETYPE`), and kernels add a product's terms in
/// different orders, so a product's last bits depend on it. `lessons verify --portability`
/// asks the lessons program for these values to check that the kernel it asked for is the
/// one that runs.
///
/// ```swift
/// BLASBackend.kernelName  // "Haswell" on an AVX2 processor, "Accelerate" on macOS
/// ```
public enum BLASBackend {
  /// The kernel OpenBLAS runs (`openblas_get_corename()`, e.g. `Haswell`, `Sandybridge`,
  /// `Prescott`), or `Accelerate` on Apple platforms.
  public static var kernelName: String {
    #if canImport(Accelerate)
      return "Accelerate"
    #else
      guard let name = openblas_get_corename() else { return "unknown" }
      return String(cString: name)
    #endif
  }

  /// A digest of the exact bits of a few products (7×500·500×3, 32×64·64×32 and
  /// 64×784·784×128, each in single and double precision, of values of mixed magnitudes):
  /// two kernels with the same fingerprint add those products' terms in the same order.
  ///
  /// Computing it runs the kernel, so a kernel the processor cannot execute (one forced
  /// with `OPENBLAS_CORETYPE`, such as `SkylakeX` without AVX-512) stops the program here,
  /// with an illegal instruction. `lessons verify --portability` uses both: it skips such a
  /// kernel, and one whose products are bit-identical to a kernel already checked (`Zen`
  /// runs `Haswell`'s code).
  ///
  /// - Returns: 16 hexadecimal digits.
  /// - Complexity: About 13 million floating-point operations.
  public static func fingerprint() -> String {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func nextValue() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let unit = Double(state >> 11) / 9_007_199_254_740_992
      // Magnitudes from 1e-4 to 1e3, so that the order of the sums shows in the last bits.
      var scale = 1e-4
      for _ in 0..<Int(unit * 8) { scale *= 10 }
      return (unit - 0.5) * scale
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bits: UInt64) {
      for shift in stride(from: 0, to: 64, by: 8) {
        hash = (hash ^ ((bits >> UInt64(shift)) & 0xff)) &* 0x100_0000_01b3
      }
    }
    for (m, k, n) in [(7, 500, 3), (32, 64, 32), (64, 784, 128)] {
      let a = Matrix<Double>(rows: m, columns: k, storage: (0..<(m * k)).map { _ in nextValue() })
      let b = Matrix<Double>(rows: k, columns: n, storage: (0..<(k * n)).map { _ in nextValue() })
      for value in matmul(a, b).storage { mix(value.bitPattern) }
      let single = matmul(
        Matrix<Float>(rows: m, columns: k, storage: a.storage.map(Float.init)),
        Matrix<Float>(rows: k, columns: n, storage: b.storage.map(Float.init)))
      for value in single.storage { mix(UInt64(value.bitPattern)) }
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The number of threads OpenBLAS uses for a product (`openblas_get_num_threads()`, set by
  /// `OPENBLAS_NUM_THREADS`), or 0 on Apple platforms, where Accelerate decides.
  public static var threadCount: Int {
    #if canImport(Accelerate)
      return 0
    #else
      return Int(openblas_get_num_threads())
    #endif
  }
}
