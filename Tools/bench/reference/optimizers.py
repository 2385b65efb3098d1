"""numpy reference for Tools/bench/OptimizersBench.swift (run by descent-bench).

  python3 optimizers.py adam COUNT REPEATS
      takes REPEATS Adam steps (lr 1e-3, betas 0.9/0.999, eps 1e-8, PyTorch's form) over
      COUNT float32 parameters, from the same data the Swift benchmark builds
      (theta_i = (i mod 7) - 3, g_i = ((i mod 1000) - 500) / 1000, m = v = 0), in place
      with preallocated temporaries; prints "adam SECONDS" (the fastest step),
      "copy SECONDS" (np.copyto of COUNT float32, the fastest) and "checksum SUM" (the sum
      of theta after all steps, in float64) so both sides can be seen to compute the same.

Python is the reference only; nothing in the library or its tests needs it.
"""
import sys
import time

import numpy as np


def adam(count, repeats):
    index = np.arange(count, dtype=np.int64)
    theta = ((index % 7) - 3).astype(np.float32)
    g = (((index % 1000) - 500) / 1000).astype(np.float32)
    m = np.zeros(count, np.float32)
    v = np.zeros(count, np.float32)
    tmp = np.empty(count, np.float32)
    lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
    best = float("inf")
    for t in range(1, repeats + 1):
        start = time.perf_counter()
        m *= np.float32(b1)
        np.multiply(g, np.float32(1 - b1), out=tmp)
        m += tmp
        v *= np.float32(b2)
        np.multiply(g, g, out=tmp)
        tmp *= np.float32(1 - b2)
        v += tmp
        bc1 = 1 - b1 ** t
        bc2 = 1 - b2 ** t
        np.multiply(v, np.float32(1 / bc2), out=tmp)
        np.sqrt(tmp, out=tmp)
        tmp += np.float32(eps)
        np.divide(m, tmp, out=tmp)
        tmp *= np.float32(lr / bc1)
        theta -= tmp
        best = min(best, time.perf_counter() - start)
    print(f"adam {best:.9f}")
    copy_best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.copyto(tmp, theta)
        copy_best = min(copy_best, time.perf_counter() - start)
    print(f"copy {copy_best:.9f}")
    print(f"checksum {float(theta.sum(dtype=np.float64))!r}")


if __name__ == "__main__":
    if sys.argv[1] == "adam":
        adam(int(sys.argv[2]), int(sys.argv[3]))
