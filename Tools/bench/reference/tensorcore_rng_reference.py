"""Independent Python transcription of SplitMix64 and xoshiro256** 1.0, from the
reference C code at https://prng.di.unimi.it/splitmix64.c and
https://prng.di.unimi.it/xoshiro256starstar.c. Prints the values that
Tests/TensorCoreTests/SeededGeneratorTests.swift checks.

Usage: python3 Tools/bench/reference/tensorcore_rng_reference.py
"""
import math

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, value = splitmix64(state)
            self.s.append(value)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform53(self):
        return (self.next() >> 11) * 2.0**-53

    def uniform24(self):
        return (self.next() >> 40) * 2.0**-24


for seed in (0, 42):
    g = Xoshiro256StarStar(seed)
    print(f"seed {seed}: first outputs", [g.next() for _ in range(4)])

g = Xoshiro256StarStar(42)
print("seed 42: first Double uniforms", [repr(g.uniform53()) for _ in range(3)])
g = Xoshiro256StarStar(42)
print("seed 42: first Float uniforms", [repr(g.uniform24()) for _ in range(3)])

# Marsaglia polar method as in SeededGenerator.standardNormal (math.log here,
# so agreement is expected to a few ulps, not bit for bit).
g = Xoshiro256StarStar(42)
normals = []
while len(normals) < 4:
    u = 2 * g.uniform53() - 1
    v = 2 * g.uniform53() - 1
    s = u * u + v * v
    if 0 < s < 1:
        f = math.sqrt(-2 * math.log(s) / s)
        normals += [u * f, v * f]
print("seed 42: first standard normals", [repr(x) for x in normals])
