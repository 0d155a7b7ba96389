#if canImport(Glibc)
import Glibc
#endif

/// rgmap's deterministic pseudo-random numbers: xoshiro256** seeded through
/// SplitMix64. The same seed gives the same stream on every platform and
/// thread count (each parallel task derives its own stream with ``split(_:)``).
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    /// The constants of `init` and `next` are the published ones of SplitMix64 and of
    /// xoshiro256** 1.0 (multipliers 5 and 9, rotations 7 and 45, shift 17); they must not
    /// change: every seeded output depends on them.
    public init(seed: UInt64) {
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// An independent stream for task `index`, derived from this one's state (the odd
    /// multiplier is a 64-bit mixing constant of the same family as SplitMix64's, so that
    /// consecutive indices give far-apart seeds).
    public func split(_ index: UInt64) -> RandomSource {
        RandomSource(seed: s0 ^ (index &* 0xD1B5_4A32_D192_ED03) ^ s3)
    }

    /// Uniform on [0, 1) with 53 random bits (a double's significand; the top bits of
    /// xoshiro256** are its best, so the low 11 are dropped).
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * uniform()
    }

    /// Standard normal by the Box-Muller transform (pairs; the second is kept for the next call).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u = uniform()
        while u == 0 { u = uniform() }
        let v = uniform()
        let radius = (-2 * log(u)).squareRoot()
        spareNormal = radius * sin(2 * Double.pi * v)
        return radius * cos(2 * Double.pi * v)
    }

    /// Normal with the given mean and standard deviation.
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * normal()
    }

    /// True with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// An index in 0..<count (unbiased).
    public mutating func index(_ count: Int) -> Int { Int.random(in: 0..<count, using: &self) }

    /// Indices 0..<count in random order (Fisher-Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, index(i + 1)) }
        }
        return order
    }
}
