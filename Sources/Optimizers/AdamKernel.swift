// Adam's element loop: the formula is written once, on 16 parameters in SIMD lanes
// (`adamBlock`); the loop feeds it the full blocks in place and the last few parameters in a
// zero-padded scratch block, and splits large vectors over the cores. Lane arithmetic is IEEE
// arithmetic per lane, so the result is bit-identical to the formula applied one parameter
// at a time, and does not depend on the split.

import Dispatch
import TensorCore

/// The per-step constants of Adam's element loop.
struct AdamStepCoefficients<Scalar: TensorScalar>: Sendable {
  /// η / (1 − β₁ᵗ).
  var stepSize: Scalar
  /// 1 / (1 − β₂ᵗ).
  var inverseCorrection2: Scalar
  var beta1: Scalar
  var beta2: Scalar
  var epsilon: Scalar
  var epsilonInsideRoot: Scalar
  /// λ for L2 decay, 0 for decoupled.
  var l2: Scalar
  /// 1 − ηλ for decoupled decay, 1 for L2.
  var shrink: Scalar
  /// The AMSGrad variant, or `nil` without AMSGrad.
  var amsgrad: AMSGradVariant?
}

/// One Adam step over all parameters: no bounds checks, no allocation; from 2¹⁸
/// parameters on, in slices over the cores.
func adamKernel<Scalar: TensorScalar>(
  _ parameters: inout [Scalar], _ gradient: [Scalar], _ state: inout Adam<Scalar>.State,
  _ c: AdamStepCoefficients<Scalar>
) {
  let count = parameters.count
  guard count > 0 else { return }
  parameters.withUnsafeMutableBytes { theta in
    gradient.withUnsafeBytes { g in
      state.firstMoment.withUnsafeMutableBytes { m in
        state.secondMoment.withUnsafeMutableBytes { v in
          state.maximumSecondMoment.withUnsafeMutableBytes { maximum in
            let pointers = AdamPointers(
              theta: theta.baseAddress!, gradient: g.baseAddress!, firstMoment: m.baseAddress!,
              secondMoment: v.baseAddress!,
              maximumSecondMoment: c.amsgrad == nil ? nil : maximum.baseAddress,
              count: count, stride: MemoryLayout<Scalar>.stride)
            let chunks = parallelChunkCount(count)
            if chunks == 1 {
              adamLoop(pointers, c)
            } else {
              let chunkSize = (count + chunks - 1) / chunks
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                adamLoop(
                  pointers.slice(from: start, count: Swift.min(chunkSize, count - start)), c)
              }
            }
          }
        }
      }
    }
  }
}

/// How many threads an element-wise step over `count` parameters uses: one below 2¹⁸
/// parameters (threads cost more than they save), else up to 16 slices of at least 2¹⁷
/// parameters, which Dispatch spreads over the cores. Each element is computed the same
/// way on any thread, so results do not depend on the split.
func parallelChunkCount(_ count: Int) -> Int {
  guard count >= 1 << 18 else { return 1 }
  return Swift.min(16, count >> 17)
}

/// The state buffers of one Adam step, as raw memory bound to the scalar type.
/// `@unchecked Sendable`: the threads of one step touch disjoint slices.
struct AdamPointers: @unchecked Sendable {
  var theta: UnsafeMutableRawPointer
  var gradient: UnsafeRawPointer
  var firstMoment: UnsafeMutableRawPointer
  var secondMoment: UnsafeMutableRawPointer
  /// AMSGrad's maximum; `nil` without AMSGrad.
  var maximumSecondMoment: UnsafeMutableRawPointer?
  var count: Int
  var stride: Int

  /// The elements `start ..< start + count`.
  func slice(from start: Int, count: Int) -> AdamPointers {
    let offset = start * stride
    return AdamPointers(
      theta: theta + offset, gradient: gradient + offset, firstMoment: firstMoment + offset,
      secondMoment: secondMoment + offset,
      maximumSecondMoment: maximumSecondMoment.map {
        $0 + offset
      }, count: count, stride: stride)
  }
}

/// Adam over one slice, 16 parameters at a time; the last 1 to 15 go through the same code
/// in a zero-padded scratch block. The AMSGrad choice is made once, outside the loop.
@inline(__always)
func adamLoop<Scalar: TensorScalar>(_ p: AdamPointers, _ c: AdamStepCoefficients<Scalar>) {
  switch c.amsgrad {
  case nil: adamBlocks(p, c, amsgrad: nil)
  case .pytorch: adamBlocks(p, c, amsgrad: .pytorch)
  case .optax: adamBlocks(p, c, amsgrad: .optax)
  }
}

/// The blocks of one slice. `amsgrad` is a constant at each call, so the inlined formula has
/// no branch left on it.
@inline(__always)
func adamBlocks<Scalar: TensorScalar>(
  _ p: AdamPointers, _ c: AdamStepCoefficients<Scalar>, amsgrad: AMSGradVariant?
) {
  let lanes = SIMD16<Scalar>.scalarCount
  let full = p.count / lanes * lanes
  for start in stride(from: 0, to: full, by: lanes) {
    adamBlock(p, at: start * p.stride, c, amsgrad: amsgrad)
  }
  let width = p.count - full
  guard width > 0 else { return }
  // Five padded vectors (θ, g, m, v, maximum) in one scratch buffer; the padding lanes are
  // computed and thrown away.
  let tail = p.slice(from: full, count: width)
  let bytes = width * p.stride
  typealias Lanes = SIMD16<Scalar>
  var scratch = (Lanes(), Lanes(), Lanes(), Lanes(), Lanes())
  withUnsafeMutableBytes(of: &scratch) { buffer in
    let stride = MemoryLayout<Lanes>.stride
    let padded = AdamPointers(
      theta: buffer.baseAddress!, gradient: buffer.baseAddress! + stride,
      firstMoment: buffer.baseAddress! + 2 * stride,
      secondMoment: buffer.baseAddress! + 3 * stride,
      maximumSecondMoment: tail.maximumSecondMoment.map { _ in buffer.baseAddress! + 4 * stride },
      count: lanes, stride: p.stride)
    padded.theta.copyMemory(from: tail.theta, byteCount: bytes)
    UnsafeMutableRawPointer(mutating: padded.gradient).copyMemory(
      from: tail.gradient, byteCount: bytes)
    padded.firstMoment.copyMemory(from: tail.firstMoment, byteCount: bytes)
    padded.secondMoment.copyMemory(from: tail.secondMoment, byteCount: bytes)
    if let source = tail.maximumSecondMoment, let target = padded.maximumSecondMoment {
      target.copyMemory(from: source, byteCount: bytes)
    }
    adamBlock(padded, at: 0, c, amsgrad: amsgrad)
    tail.theta.copyMemory(from: padded.theta, byteCount: bytes)
    tail.firstMoment.copyMemory(from: padded.firstMoment, byteCount: bytes)
    tail.secondMoment.copyMemory(from: padded.secondMoment, byteCount: bytes)
    if let target = tail.maximumSecondMoment, let source = padded.maximumSecondMoment {
      target.copyMemory(from: source, byteCount: bytes)
    }
  }
}

/// Adam's formula, once, on the 16 parameters at byte `offset` (see ``Adam``): updates m, v
/// (and, with `amsgrad`, the maximum of the second moments) and θ in place.
@inline(__always)
func adamBlock<Scalar: TensorScalar>(
  _ p: AdamPointers, at offset: Int, _ c: AdamStepCoefficients<Scalar>,
  amsgrad: AMSGradVariant?
) {
  typealias Lanes = SIMD16<Scalar>
  let theta = p.theta.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
  let g = p.gradient.loadUnaligned(fromByteOffset: offset, as: Lanes.self) + c.l2 * theta
  let m =
    c.beta1 * p.firstMoment.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
    + (1 - c.beta1) * g
  let v =
    c.beta2 * p.secondMoment.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
    + (1 - c.beta2) * g * g
  p.firstMoment.storeBytes(of: m, toByteOffset: offset, as: Lanes.self)
  p.secondMoment.storeBytes(of: v, toByteOffset: offset, as: Lanes.self)
  let denominator: Lanes
  if let amsgrad, let pointer = p.maximumSecondMoment {
    let previous = pointer.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
    switch amsgrad {
    case .pytorch:
      let maximum = pointwiseMax(previous, v)
      pointer.storeBytes(of: maximum, toByteOffset: offset, as: Lanes.self)
      denominator = (maximum * c.inverseCorrection2 + c.epsilonInsideRoot).squareRoot() + c.epsilon
    case .optax:
      let maximum = pointwiseMax(previous, v * c.inverseCorrection2)
      pointer.storeBytes(of: maximum, toByteOffset: offset, as: Lanes.self)
      denominator = (maximum + c.epsilonInsideRoot).squareRoot() + c.epsilon
    }
  } else {
    denominator = (v * c.inverseCorrection2 + c.epsilonInsideRoot).squareRoot() + c.epsilon
  }
  let updated = c.shrink * theta - c.stepSize * m / denominator
  p.theta.storeBytes(of: updated, toByteOffset: offset, as: Lanes.self)
}
