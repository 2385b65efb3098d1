// Hyperparameters out of range, length mismatches and non-finite values.

import Optimizers
import TensorCore
import TestSupport
import Testing

@Suite("Bad input")
struct BadInputTests {
  /// Each message names the optimizer, the hyperparameter, the range and the value.
  @Test("Out-of-range hyperparameters throw a message with the allowed range")
  func messages() {
    func message(_ body: () throws -> Any) -> String {
      do {
        _ = try body()
        return "no error"
      } catch { return "\(error)" }
    }
    #expect(message { try Adam<Double>(beta1: 1.2) } == "Adam: beta1 must be in [0, 1), got 1.2")
    #expect(message { try Adam<Float>(beta2: 1) } == "Adam: beta2 must be in [0, 1), got 1.0")
    #expect(
      message { try Adam<Double>.adamW(weightDecay: -0.1) }
        == "AdamW: weightDecay must be in [0, ∞), got -0.1")
    #expect(
      message { try Lecture.GradientDescent<Double>(learningRate: -0.1) }
        == "Lecture.GradientDescent: learningRate must be in [0, ∞), got -0.1")
    #expect(
      message { try RMSProp<Double>(epsilon: -1e-8) }
        == "RMSProp: epsilon must be in [0, ∞), got -1e-08")
    #expect(
      message { try Lecture.RMSProp<Double>(alpha: 1) }
        == "Lecture.RMSProp: alpha must be in [0, 1), got 1.0")
    #expect(
      message { try Lecture.MovingAverageMomentum<Double>(beta: -0.5) }
        == "Lecture.MovingAverageMomentum: beta must be in [0, 1), got -0.5")
    #expect(
      message { try StochasticGradientDescent<Double>(momentum: 0, nesterov: true) }
        == "StochasticGradientDescent: momentum must be in (0, 1] when nesterov is true, got 0.0")
    #expect(
      message { try Adagrad<Double>(learningRate: .nan) }
        == "Adagrad: learningRate must be in [0, ∞), got nan")
  }

  @Test("A length mismatch stops the program with both lengths")
  func lengthMismatch() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      var optimizer = try Adam<Double>()
      var parameters: [Double] = [1, 2, 3]
      optimizer.step(&parameters, gradient: [1, 2])
    }
    expectStandardError(result, contains: "Adam.step: 3 parameters but 2 gradient values")
  }

  /// By hand (python3, float64): x ← x − 10·4x³ from x = 1 gives −39, 2372721,
  /// −5.3e20, 6.1e63, −9.1e192; the sixth gradient 4x³ overflows to −inf.
  @Test("checkedStep reports the step and the first non-finite index")
  func nonFinite() throws {
    var optimizer = try Lecture.GradientDescent<Double>(learningRate: 10)
    var x: [Double] = [1]
    do {
      for _ in 0..<100 {
        try optimizer.checkedStep(&x, gradient: [4 * x[0] * x[0] * x[0]])
      }
      Issue.record("expected divergence")
    } catch let error as NonFiniteValueError {
      #expect(error.quantity == .gradient)
      #expect(error.step == 6)
      #expect(error.index == 0)
      #expect(error.description == "gradient is non-finite at step 6: index 0 is -inf")
      #expect(optimizer.stepCount == 5)  // the bad step was not taken
    }
    // Finite gradient, overflowing parameters: 1e308 + 10·1e308 = inf at index 1.
    var descent = try Lecture.GradientDescent<Double>(learningRate: 10)
    var theta: [Double] = [1, 1e308]
    let overflow = NonFiniteValueError(quantity: .parameters, step: 1, index: 1, value: .infinity)
    #expect(throws: overflow) { try descent.checkedStep(&theta, gradient: [0, -1e308]) }
    #expect(firstNonFiniteIndex([1.0, 2, .nan, .infinity]) == 2)
    #expect(firstNonFiniteIndex([Float(1), 2]) == nil)
  }
}
