import TensorCore

/// Bad input to the Hessian module: what went wrong, where, and how to fix it.
///
/// The symmetric eigensolver (``SymmetricEigendecomposition/init(_:symmetryTolerance:)``),
/// the critical-point classification and the network curvature
/// (``NetworkCurvature/init(network:inputs:targets:)``) throw these.
public enum HessianError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The matrix is `rows × columns` with `rows ≠ columns`.
  case notSquare(rows: Int, columns: Int)
  /// `|A[row, column] − A[column, row]|` is `difference`, more than the
  /// allowed `tolerance` (already scaled by the largest |entry|).
  case notSymmetric(row: Int, column: Int, difference: Double, tolerance: Double)
  /// The entry at `row`, `column` is NaN or infinite (the first one found, 0-based).
  case nonFinite(row: Int, column: Int)
  /// A gradient has `gradientCount` entries, but the Hessian is `hessianSize × hessianSize`.
  case sizeMismatch(gradientCount: Int, hessianSize: Int)
  /// LAPACK's `?syevd` reported failure code `info` (a negative value names a bad
  /// argument; a positive one means the algorithm did not converge).
  case lapackFailure(routine: String, info: Int)
  /// Layer `index` of a network has a type the exact Hessian-vector product
  /// does not know how to differentiate twice.
  case unsupportedLayer(index: Int, type: String)

  /// A message that says what is wrong and how to fix it.
  public var description: String {
    switch self {
    case .notSquare(let rows, let columns):
      return
        "the matrix is \(rows)×\(columns), but a Hessian (and the symmetric eigensolver) needs a square matrix; "
        + "pass an n×n matrix"
    case .notSymmetric(let row, let column, let difference, let tolerance):
      return
        "the matrix is not symmetric: entries (\(row), \(column)) and (\(column), \(row)) differ by \(difference), "
        + "more than the tolerance \(tolerance); symmetrize it with (A + Aᵀ)/2 if the difference is rounding, "
        + "or check how it was computed"
    case .nonFinite(let row, let column):
      return
        "entry (\(row), \(column)) is not finite (NaN or infinity); the eigen-decomposition needs finite "
        + "entries: check the function or network for overflow at this point"
    case .sizeMismatch(let gradientCount, let hessianSize):
      return
        "the gradient has \(gradientCount) entries but the Hessian is \(hessianSize)×\(hessianSize); "
        + "pass the gradient and Hessian of the same function at the same point"
    case .lapackFailure(let routine, let info):
      return
        "LAPACK \(routine) failed with info = \(info) "
        + (info < 0
          ? "(argument \(-info) was invalid; this is a bug in Descent, please report it)"
          : "(the divide-and-conquer iteration did not converge; check the matrix for extreme scaling)")
    case .unsupportedLayer(let index, let type):
      return
        "layer \(index) is a \(type), which the exact Hessian-vector product does not support; "
        + "supported layers are Dense, Activation and nested Sequential networks"
    }
  }
}
