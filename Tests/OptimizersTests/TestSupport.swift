import Optimizers
import TensorCore

/// The test surfaces of `Tools/bench/reference/optimizers_reference.py`, with the same
/// starting points, step counts and learning-rate factors.
struct Surface<Scalar: TensorScalar> {
  var name: String
  var start: [Scalar]
  var steps: Int
  /// Multiplies each case's base learning rate (Rosenbrock is steep: 0.01).
  var learningRateFactor: Scalar
  var gradient: ([Scalar], Int) -> [Scalar]

  static var all: [Surface] {
    [
      // f = x² + y²
      Surface(name: "bowl", start: [-3, 2], steps: 6, learningRateFactor: 1) { theta, _ in
        [2 * theta[0], 2 * theta[1]]
      },
      // f = 0.1x² + 2y²
      Surface(name: "elongated", start: [-5, -2], steps: 6, learningRateFactor: 1) {
        theta, _ in [Scalar(0.2) * theta[0], 4 * theta[1]]
      },
      // f = (1 − x)² + 100(y − x²)²
      Surface(name: "rosenbrock", start: [-1.5, 2], steps: 6, learningRateFactor: 0.01) {
        theta, _ in
        let (x, y) = (theta[0], theta[1])
        return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
      },
      // the lecture's gradient sequence (seed 004), independent of θ
      Surface(name: "lecture", start: [0, 0], steps: 4, learningRateFactor: 1) { _, t in
        lectureGradients[t].map { Scalar($0) }
      },
    ]
  }
}

/// g⁰ = (500, 0.4), g¹ = (432, −0.3), g² = (−211, 0.2), g³ = (139, 0.1) (seed 004).
let lectureGradients: [[Double]] = [[500, 0.4], [432, -0.3], [-211, 0.2], [139, 0.1]]

/// The optimizers of the reference script's `CASES`, by name, with learning rate `lr`.
func makeOptimizer<Scalar: TensorScalar>(
  _ name: String, learningRate lr: Scalar
) throws -> any Optimizer<Scalar> {
  switch name {
  case "gradientDescent": return try Lecture.GradientDescent(learningRate: lr)
  case "runningSumMomentum": return try Lecture.RunningSumMomentum(learningRate: lr)
  case "movingAverageMomentum":
    return try Lecture.MovingAverageMomentum(learningRate: lr, beta: 0.9)
  case "sgdMomentum", "optaxSGDMomentum":
    return try StochasticGradientDescent(learningRate: lr, momentum: 0.9)
  case "sgdDampeningWeightDecay":
    return try StochasticGradientDescent(
      learningRate: lr, momentum: 0.8, dampening: 0.3, weightDecay: 0.01)
  case "sgdNesterov":
    return try StochasticGradientDescent(
      learningRate: lr, momentum: 0.9, nesterov: true, weightDecay: 0.1)
  case "optaxSGDNesterov":
    return try StochasticGradientDescent(learningRate: lr, momentum: 0.9, nesterov: true)
  case "lectureAdagrad": return try Lecture.Adagrad(learningRate: lr)
  case "adagrad": return try Adagrad(learningRate: lr)
  case "adagradOptions":
    return try Adagrad(
      learningRate: lr, learningRateDecay: 0.1, weightDecay: 0.01,
      initialAccumulatorValue: 0.1, epsilon: 1e-6)
  case "lectureRMSProp": return try Lecture.RMSProp(learningRate: lr, alpha: 0.9)
  case "rmsprop": return try RMSProp(learningRate: lr)
  case "rmspropCenteredMomentum":
    return try RMSProp(
      learningRate: lr, alpha: 0.9, epsilon: 1e-6, weightDecay: 0.01, momentum: 0.5,
      centered: true)
  case "optaxRMSProp":
    return try RMSProp(learningRate: lr, alpha: 0.9, epsilonPlacement: .insideRoot)
  case "optaxRMSPropCenteredMomentum":
    return try RMSProp(
      learningRate: lr, alpha: 0.8, epsilon: 1e-4, momentum: 0.5, centered: true,
      epsilonPlacement: .insideRoot, initialSquareAverage: 0.1)
  case "optaxAdagrad":
    return try Adagrad(
      learningRate: lr, initialAccumulatorValue: 0.1, epsilon: 1e-7, epsilonPlacement: .insideRoot)
  case "lectureAdam": return try Lecture.Adam(learningRate: lr, beta: 0.9, alpha: 0.99)
  case "adam", "optaxAdam": return try Adam(learningRate: lr)
  case "optaxAdamEpsRoot": return try Adam(learningRate: lr, epsilonInsideRoot: 1e-2)
  case "adamNoBiasCorrection": return try Adam(learningRate: lr, biasCorrection: false)
  case "adamL2": return try Adam(learningRate: lr, weightDecay: 0.1)
  case "adamAMSGrad": return try Adam(learningRate: lr, beta1: 0.5, beta2: 0.9, amsgrad: true)
  case "optaxAMSGrad":
    return try Adam(
      learningRate: lr, beta1: 0.5, beta2: 0.9, amsgrad: true, amsgradVariant: .optax)
  case "adamW": return try Adam.adamW(learningRate: lr, weightDecay: 0.1)
  case "optaxAdamW": return try Adam.adamW(learningRate: lr, weightDecay: 0.1)
  default: fatalError("unknown case \(name)")
  }
}

/// The base learning rates of the reference script's `CASES`.
let caseLearningRates: [String: Double] = [
  "gradientDescent": 0.1, "runningSumMomentum": 0.05, "movingAverageMomentum": 0.1,
  "sgdMomentum": 0.05, "sgdDampeningWeightDecay": 0.05, "sgdNesterov": 0.05,
  "lectureAdagrad": 0.5, "adagrad": 0.5, "adagradOptions": 0.5, "lectureRMSProp": 0.1,
  "rmsprop": 0.01, "rmspropCenteredMomentum": 0.01, "lectureAdam": 0.1, "adam": 0.1,
  "adamNoBiasCorrection": 0.1, "adamL2": 0.1, "adamAMSGrad": 0.1, "adamW": 0.1,
  "optaxAdam": 0.1, "optaxAdamEpsRoot": 0.1, "optaxAdamW": 0.1, "optaxSGDMomentum": 0.05,
  "optaxSGDNesterov": 0.05, "optaxRMSProp": 0.01, "optaxRMSPropCenteredMomentum": 0.01,
  "optaxAdagrad": 0.5, "optaxAMSGrad": 0.1,
]

/// Runs `optimizer` on `surface` and returns θ after every step.
func trajectory<Scalar: TensorScalar>(
  _ optimizer: inout any Optimizer<Scalar>, on surface: Surface<Scalar>
) -> [[Scalar]] {
  var theta = surface.start
  var path: [[Scalar]] = []
  for t in 0..<surface.steps {
    optimizer.step(&theta, gradient: surface.gradient(theta, t))
    path.append(theta)
  }
  return path
}
