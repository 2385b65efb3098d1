// Every schedule at chosen steps, against Optax (optax 0.2.8, float64) where Optax has the
// schedule and against the paper's formula by hand (Noam); values in ReferenceValues.swift,
// from Tools/bench/reference/optimizers_reference.py.

import Optimizers
import TestSupport
import Testing

@Suite("Learning-rate schedules")
struct LearningRateScheduleTests {
  /// The schedules matching the reference script's `schedules()`, by name.
  static let schedules: [(String, LearningRateSchedule)] = [
    ("constant", .constant(0.1)),
    ("stepDecay", .stepDecay(initial: 0.1, factor: 0.5, stepSize: 10)),
    ("exponentialDecay", .exponentialDecay(initial: 0.1, decayRate: 0.5, transitionSteps: 10)),
    ("cosineDecay", .cosineDecay(initial: 0.1, final: 0.001, steps: 100)),
    ("linear", .linear(from: 0.1, to: 0.01, steps: 100)),
    (
      "warmupCosine",
      .warmup(steps: 10, start: 0, then: .cosineDecay(initial: 0.1, final: 0.001, steps: 90))
    ),
    (
      "warmupExponential",
      .warmup(
        steps: 10, start: 0.01,
        then: .exponentialDecay(initial: 0.1, decayRate: 0.5, transitionSteps: 20))
    ),
    ("joined", .sequence(.constant(0.1), steps: 10, then: .linear(from: 0.05, to: 0, steps: 40))),
    ("noam", .noam(modelDimension: 512, warmupSteps: 40, scale: 2)),
  ]

  /// Optax evaluates the same closed forms in float64; the only differences are the order
  /// of operations and libm's cos/pow, so 1e-12 relative.
  @Test("Values at steps 0, 1, 5, 10, 11, 50, 99, 100, 150 match Optax / the formula")
  func values() throws {
    for (name, schedule) in Self.schedules {
      let expected = try #require(referenceSchedules[name])
      try schedule.validate()
      for (step, value) in zip(referenceScheduleSteps, expected) {
        #expect(isClose(schedule(step), value, tolerance: 1e-12), "\(name) at step \(step)")
      }
    }
  }

  /// By hand: Noam peaks at n = w (t = w − 1), where both branches equal w^(−½):
  /// 2·512^(−½)·40^(−½) = 0.013975…; warm-up + cosine is halfway up at t = 5 (0.05) and at
  /// its peak 0.1 at t = 10.
  @Test("Peaks and halfway points by hand")
  func byHand() {
    let noam = LearningRateSchedule.noam(modelDimension: 512, warmupSteps: 40, scale: 2)
    let peak = 2 / (512.0 * 40).squareRoot()
    #expect(isClose(noam(39), peak, tolerance: 1e-14))
    #expect(noam(38) < noam(39) && noam(40) < noam(39))
    let warm = LearningRateSchedule.linearWarmup(from: 0, to: 0.1, steps: 10)
    #expect(isClose(warm(5), 0.05, tolerance: 1e-15))
    #expect(isClose(warm(10), 0.1, tolerance: 1e-15))
    #expect(isClose(warm(1000), 0.1, tolerance: 1e-15))
  }

  @Test("values(steps:) samples η(0)…η(n − 1); rate(_:) converts to the network's precision")
  func sampling() {
    let schedule = LearningRateSchedule.stepDecay(initial: 1, factor: 0.5, stepSize: 2)
    let values = schedule.values(steps: 5)
    #expect(values.count == 5)
    #expect(isClose(values, [1, 1, 0.5, 0.5, 0.25], tolerance: 1e-15))
    let rate = schedule.rate(Float.self)
    #expect(isClose(rate(4), 0.25, tolerance: 1e-7))
  }

  @Test("Descriptions read like the formula")
  func descriptions() {
    #expect(
      LearningRateSchedule.stepDecay(initial: 0.1, factor: 0.5, stepSize: 10).description
        == "step decay 0.1 × 0.5^⌊t/10⌋")
    let composed = LearningRateSchedule.warmup(
      steps: 100, start: 0, then: .cosineDecay(initial: 0.1, final: 0.001, steps: 900))
    #expect(
      composed.description
        == "linear warm-up from 0 over 100 steps, then cosine decay from 0.1 to 0.001 over 900 steps"
    )
    #expect(LearningRateSchedule.constant(1e-3).description == "constant 0.001")
  }

  @Test("validate() names the bad number and its range")
  func validation() {
    #expect(throws: HyperparameterError.self) {
      try LearningRateSchedule.stepDecay(initial: 0.1, factor: 1.5, stepSize: 10).validate()
    }
    do {
      try LearningRateSchedule.warmup(steps: 0, start: 0, then: .constant(0.1)).validate()
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "LearningRateSchedule: steps must be in 1, 2, 3, …, got 0")
    }
    do {
      try LearningRateSchedule.exponentialDecay(initial: -1, decayRate: 0.5, transitionSteps: 1)
        .validate()
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "LearningRateSchedule: initial must be in [0, ∞), got -1.0")
    }
  }
}
