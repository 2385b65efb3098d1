import TensorCore
import Testing

@Suite("BLAS backend")
struct BLASBackendTests {
  @Test("The kernel is named and, on Linux, runs with at least one thread")
  func kernel() {
    #expect(!BLASBackend.kernelName.isEmpty)
    #if !canImport(Accelerate)
      #expect(BLASBackend.kernelName != "unknown")
      #expect(BLASBackend.threadCount >= 1)
    #endif
  }

  @Test("The fingerprint is 16 hexadecimal digits, the same on every call in one process")
  func fingerprint() {
    let first = BLASBackend.fingerprint()
    #expect(first.count == 16)
    #expect(first.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    // One kernel adds the same products' terms in the same order every time (OpenBLAS's
    // products are deterministic for a fixed kernel and thread count).
    #expect(BLASBackend.fingerprint() == first)
  }
}
