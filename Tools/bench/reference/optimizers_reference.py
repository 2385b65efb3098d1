"""Reference values for the Optimizers tests (not run by the Swift tests).

PyTorch is not installed here, so its optimizers are transcribed from the pseudocode and
source of torch.optim.{SGD, Adagrad, RMSprop, Adam, AdamW} (PyTorch 2.x docs) into numpy;
the lecture forms are written from the lecture's slides; Optax is called directly
(optax 0.2.8, jax float64).

    python3 Tools/bench/reference/optimizers_reference.py \
        > Tests/OptimizersTests/ReferenceValues.swift

writes a Swift file of trajectories (θ after every step) and schedule values.
"""

import math

import numpy as np
import jax
import jax.numpy as jnp
import optax

jax.config.update("jax_enable_x64", True)

# ---------------------------------------------------------------- surfaces and gradients
LECTURE_GRADIENTS = [
    np.array([500.0, 0.4]), np.array([432.0, -0.3]),
    np.array([-211.0, 0.2]), np.array([139.0, 0.1]),
]


def surfaces():
    """name -> (start, gradient(theta, t), steps, learning-rate factor)"""
    return {
        # f = x^2 + y^2
        "bowl": (np.array([-3.0, 2.0]), lambda th, t: 2.0 * th, 6, 1.0),
        # f = 0.1 x^2 + 2 y^2 (Dive into Deep Learning's elongated bowl)
        "elongated": (np.array([-5.0, -2.0]),
                      lambda th, t: np.array([0.2 * th[0], 4.0 * th[1]]), 6, 1.0),
        # f = (1 - x)^2 + 100 (y - x^2)^2
        "rosenbrock": (np.array([-1.5, 2.0]),
                       lambda th, t: np.array([
                           -2.0 * (1.0 - th[0]) - 400.0 * th[0] * (th[1] - th[0] ** 2),
                           200.0 * (th[1] - th[0] ** 2)]), 6, 0.01),
        # the lecture's gradient sequence, whatever theta is
        "lecture": (np.array([0.0, 0.0]), lambda th, t: LECTURE_GRADIENTS[t], 4, 1.0),
    }


# ---------------------------------------------------------------- numpy update rules
class GD:
    def __init__(self, lr): self.lr = lr
    def step(self, th, g): return th - self.lr * g


class RunningSum:
    def __init__(self, lr): self.lr, self.m = lr, None
    def step(self, th, g):
        self.m = g.copy() if self.m is None else self.m + g
        return th - self.lr * self.m


class MovingAverage:
    def __init__(self, lr, beta): self.lr, self.beta, self.m = lr, beta, None
    def step(self, th, g):
        self.m = g.copy() if self.m is None else self.beta * self.m + (1 - self.beta) * g
        return th - self.lr * self.m


class TorchSGD:
    def __init__(self, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
        self.lr, self.mu, self.tau, self.nesterov, self.wd = (
            lr, momentum, dampening, nesterov, weight_decay)
        self.b = None

    def step(self, th, g):
        if self.wd != 0: g = g + self.wd * th
        if self.mu != 0:
            self.b = g.copy() if self.b is None else self.mu * self.b + (1 - self.tau) * g
            g = g + self.mu * self.b if self.nesterov else self.b
        return th - self.lr * g


class LectureAdagrad:
    def __init__(self, lr): self.lr, self.s = lr, 0.0
    def step(self, th, g):
        self.s = self.s + g * g
        return th - self.lr / np.sqrt(self.s) * g


class TorchAdagrad:
    def __init__(self, lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
                 eps=1e-10):
        self.lr, self.decay, self.wd, self.eps = lr, lr_decay, weight_decay, eps
        self.s, self.t = initial_accumulator_value, 0

    def step(self, th, g):
        self.t += 1
        if self.wd != 0: g = g + self.wd * th
        clr = self.lr / (1 + (self.t - 1) * self.decay)
        self.s = self.s + g * g
        return th - clr * g / (np.sqrt(self.s) + self.eps)


class LectureRMSProp:
    def __init__(self, lr, alpha): self.lr, self.alpha, self.sigma = lr, alpha, None
    def step(self, th, g):
        if self.sigma is None:
            self.sigma = np.abs(g)
        else:
            self.sigma = np.sqrt(self.alpha * self.sigma ** 2 + (1 - self.alpha) * g * g)
        return th - self.lr / self.sigma * g


class TorchRMSprop:
    def __init__(self, lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0,
                 centered=False):
        self.lr, self.alpha, self.eps, self.wd, self.mu, self.centered = (
            lr, alpha, eps, weight_decay, momentum, centered)
        self.v, self.ga, self.b = 0.0, 0.0, 0.0

    def step(self, th, g):
        if self.wd != 0: g = g + self.wd * th
        self.v = self.alpha * self.v + (1 - self.alpha) * g * g
        if self.centered:
            self.ga = self.alpha * self.ga + (1 - self.alpha) * g
            avg = np.sqrt(self.v - self.ga * self.ga) + self.eps
        else:
            avg = np.sqrt(self.v) + self.eps
        if self.mu > 0:
            self.b = self.mu * self.b + g / avg
            return th - self.lr * self.b
        return th - self.lr * g / avg


class LectureAdam:
    def __init__(self, lr, beta, alpha):
        self.lr, self.beta, self.alpha, self.m, self.sigma = lr, beta, alpha, None, None

    def step(self, th, g):
        if self.m is None:
            self.m, self.sigma = g.copy(), np.abs(g)
        else:
            self.m = self.beta * self.m + (1 - self.beta) * g
            self.sigma = np.sqrt(self.alpha * self.sigma ** 2 + (1 - self.alpha) * g * g)
        return th - self.lr / self.sigma * self.m


class TorchAdam:
    """torch.optim.Adam / AdamW (decoupled=True), amsgrad as in PyTorch's code (max of raw v,
    then divided by sqrt(1 - beta2^t)); bias_correction=False drops both corrections."""

    def __init__(self, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False,
                 decoupled=False, bias_correction=True):
        self.lr, (self.b1, self.b2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.amsgrad, self.decoupled, self.bc = amsgrad, decoupled, bias_correction
        self.m, self.v, self.vmax, self.t = 0.0, 0.0, 0.0, 0

    def step(self, th, g):
        self.t += 1
        if self.decoupled:
            th = th * (1 - self.lr * self.wd)
        elif self.wd != 0:
            g = g + self.wd * th
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g * g
        bc1 = 1 - self.b1 ** self.t if self.bc else 1.0
        bc2 = 1 - self.b2 ** self.t if self.bc else 1.0
        if self.amsgrad:
            self.vmax = np.maximum(self.vmax, self.v)
            denom = np.sqrt(self.vmax) / math.sqrt(bc2) + self.eps
        else:
            denom = np.sqrt(self.v) / math.sqrt(bc2) + self.eps
        return th - self.lr / bc1 * self.m / denom


class Optax:
    def __init__(self, transform): self.tx, self.state = transform, None
    def step(self, th, g):
        params = jnp.asarray(th)
        if self.state is None: self.state = self.tx.init(params)
        updates, self.state = self.tx.update(jnp.asarray(g), self.state, params)
        return np.asarray(optax.apply_updates(params, updates))


# name -> (factory(lr), base learning rate); the Swift test builds the same optimizers.
CASES = {
    "gradientDescent": (lambda lr: GD(lr), 0.1),
    "runningSumMomentum": (lambda lr: RunningSum(lr), 0.05),
    "movingAverageMomentum": (lambda lr: MovingAverage(lr, 0.9), 0.1),
    "sgdMomentum": (lambda lr: TorchSGD(lr, momentum=0.9), 0.05),
    "sgdDampeningWeightDecay": (
        lambda lr: TorchSGD(lr, momentum=0.8, dampening=0.3, weight_decay=0.01), 0.05),
    "sgdNesterov": (lambda lr: TorchSGD(lr, momentum=0.9, nesterov=True, weight_decay=0.1), 0.05),
    "lectureAdagrad": (lambda lr: LectureAdagrad(lr), 0.5),
    "adagrad": (lambda lr: TorchAdagrad(lr), 0.5),
    "adagradOptions": (
        lambda lr: TorchAdagrad(lr, lr_decay=0.1, weight_decay=0.01,
                                initial_accumulator_value=0.1, eps=1e-6), 0.5),
    "lectureRMSProp": (lambda lr: LectureRMSProp(lr, 0.9), 0.1),
    "rmsprop": (lambda lr: TorchRMSprop(lr), 0.01),
    "rmspropCenteredMomentum": (
        lambda lr: TorchRMSprop(lr, alpha=0.9, eps=1e-6, weight_decay=0.01, momentum=0.5,
                                centered=True), 0.01),
    "lectureAdam": (lambda lr: LectureAdam(lr, 0.9, 0.99), 0.1),
    "adam": (lambda lr: TorchAdam(lr), 0.1),
    "adamNoBiasCorrection": (lambda lr: TorchAdam(lr, bias_correction=False), 0.1),
    "adamL2": (lambda lr: TorchAdam(lr, weight_decay=0.1), 0.1),
    "adamAMSGrad": (lambda lr: TorchAdam(lr, betas=(0.5, 0.9), amsgrad=True), 0.1),
    "adamW": (lambda lr: TorchAdam(lr, weight_decay=0.1, decoupled=True), 0.1),
    # Optax itself
    "optaxAdam": (lambda lr: Optax(optax.adam(lr)), 0.1),
    "optaxAdamEpsRoot": (lambda lr: Optax(optax.adam(lr, eps=1e-8, eps_root=1e-2)), 0.1),
    "optaxAdamW": (lambda lr: Optax(optax.adamw(lr, weight_decay=0.1)), 0.1),
    "optaxSGDMomentum": (lambda lr: Optax(optax.sgd(lr, momentum=0.9)), 0.05),
    "optaxSGDNesterov": (lambda lr: Optax(optax.sgd(lr, momentum=0.9, nesterov=True)), 0.05),
    "optaxRMSProp": (lambda lr: Optax(optax.rmsprop(lr)), 0.01),
    "optaxRMSPropCenteredMomentum": (
        lambda lr: Optax(optax.rmsprop(lr, decay=0.8, eps=1e-4, initial_scale=0.1,
                                       centered=True, momentum=0.5)), 0.01),
    "optaxAdagrad": (lambda lr: Optax(optax.adagrad(lr)), 0.5),
    "optaxAMSGrad": (lambda lr: Optax(optax.amsgrad(lr, b1=0.5, b2=0.9)), 0.1),
}


def trajectory(factory, lr, surface):
    start, gradient, steps, factor = surface
    optimizer = factory(lr * factor)
    theta, path = start.copy(), []
    for t in range(steps):
        theta = optimizer.step(theta, gradient(theta, t))
        path.append([float(x) for x in theta])
    return path


def swift_number(x):
    return repr(float(x))


def schedules():
    """name -> (steps, values) from Optax where it has the schedule, by hand otherwise."""
    steps = [0, 1, 5, 10, 11, 50, 99, 100, 150]
    result = {}

    def add(name, fn):
        result[name] = [float(fn(t)) for t in steps]

    add("constant", optax.constant_schedule(0.1))
    add("stepDecay", optax.exponential_decay(0.1, 10, 0.5, staircase=True))
    add("exponentialDecay", optax.exponential_decay(0.1, 10, 0.5))
    add("cosineDecay", optax.cosine_decay_schedule(0.1, 100, alpha=0.01))
    add("linear", optax.linear_schedule(0.1, 0.01, 100))
    add("warmupCosine", optax.warmup_cosine_decay_schedule(0.0, 0.1, 10, 100, 0.001))
    add("warmupExponential",
        optax.warmup_exponential_decay_schedule(0.01, 0.1, 10, 20, 0.5))
    add("joined", optax.join_schedules(
        [optax.constant_schedule(0.1), optax.linear_schedule(0.05, 0.0, 40)], [10]))
    # Noam, Vaswani et al. 2017, by hand: d^-0.5 * min(n^-0.5, n * w^-1.5), n = t + 1
    add("noam", lambda t: 2.0 * 512 ** -0.5 * min((t + 1) ** -0.5, (t + 1) * 40 ** -1.5))
    return steps, result


def main():
    print("// Generated by Tools/bench/reference/optimizers_reference.py; do not edit.")
    print("// python3 Tools/bench/reference/optimizers_reference.py \\")
    print("//   > Tests/OptimizersTests/ReferenceValues.swift")
    print("// PyTorch rules: numpy transcriptions of torch.optim's pseudocode and source;")
    print("// Optax rules and schedules: optax 0.2.8 on jax float64; lecture rules: numpy.")
    print()
    print("/// θ after each step: \"case/surface\" → steps × [x, y].")
    print("let referenceTrajectories: [String: [[Double]]] = [")
    for name, (factory, lr) in CASES.items():
        for surface_name, surface in surfaces().items():
            path = trajectory(factory, lr, surface)
            print(f'  "{name}/{surface_name}": [')
            for theta in path:
                print(f"    [{swift_number(theta[0])}, {swift_number(theta[1])}],")
            print("  ],")
    print("]")
    print()
    steps, values = schedules()
    print("/// The steps at which ``referenceSchedules`` are sampled.")
    print(f"let referenceScheduleSteps = {steps}")
    print()
    print("/// Schedule values at ``referenceScheduleSteps``.")
    print("let referenceSchedules: [String: [Double]] = [")
    for name, vals in values.items():
        print(f'  "{name}": [')
        for v in vals:
            print(f"    {swift_number(v)},")
        print("  ],")
    print("]")
    print()
    # clipping
    g = jnp.array([3.0, -4.0, 12.0])  # norm 13
    by_norm = optax.clip_by_global_norm(5.0).update(g, None)[0]
    small = optax.clip_by_global_norm(20.0).update(g, None)[0]
    by_value = optax.clip(3.5).update(g, None)[0]
    print("/// Optax clipping of [3, -4, 12] (norm 13): by global norm 5, by global norm 20,")
    print("/// by value 3.5.")
    print("let referenceClipping: [[Double]] = [")
    for row in (by_norm, small, by_value):
        print("  [" + ", ".join(swift_number(x) for x in np.asarray(row)) + "],")
    print("]")


if __name__ == "__main__":
    main()
