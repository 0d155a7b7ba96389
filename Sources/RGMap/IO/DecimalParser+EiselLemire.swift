// Eisel-Lemire, the fast path of DecimalParser for up to 19 digits at any exponent, and the
// 128-bit powers of five it reads.

extension DecimalParser {
    // MARK: - Eisel-Lemire

    /// floor(log2(10^q)) for |q| <= 342 (checked exactly against the table construction).
    @inline(__always)
    static func floorLog2PowerOfTen(_ q: Int) -> Int {
        (q &* 217_706) >> 16
    }

    /// Bit pattern of the positive Double nearest to w·10^q (ties to even), or nil if the 128-bit
    /// approximation cannot decide. Requires w != 0.
    ///
    /// Error analysis. Let ws = w << lz in [2^63, 2^64) and T the table entry for q, T ≈ 5^q·2^σ with
    /// T in [2^127, 2^128). The exact scaled value is X = ws·5^q·2^σ and we compute P = ws·T exactly
    /// (192 bits). The Double's 54 leading bits (53 + round bit) are M = floor(X / 2^c) with
    /// c = 137 + msb (msb = top bit of P). Three cases by how T was made:
    ///  A. 0 <= q <= 55: 5^q < 2^128 so T is exact and P == X: M and "tail == 0" are read off exactly.
    ///  B. q > 55: T = floor(5^q·2^σ), so P <= X < P + ws < P + 2^64. M(P) can differ from M(X) only if
    ///     P's bits 64...c-1 are all ones; then we decline. X's tail is never 0 (an exact tie needs
    ///     5^q | M < 2^55, impossible for q > 23), so a set round bit always rounds up.
    ///  C. q < 0: T = ceil(2^σ / 5^-q), so X < P < X + 2^64. M(P) can differ from M(X) only if P's bits
    ///     64...c-1 are all zero. For q >= -27, X / 2^c is a fraction with denominator <= 2^63 (5^27 < 2^63,
    ///     or a power of two times a small power of five), so it cannot lie within 2^-73 of an integer
    ///     without being one: those bits all zero then means X's tail is exactly zero (an exact decimal,
    ///     possibly a tie) and M(P) == M(X). For q < -27 we decline in that (astronomically rare) case.
    ///     Otherwise X's tail is nonzero.
    @inline(__always)
    /// Long on purpose: it follows the published algorithm (Lemire 2021, as fast_float has it) step
    /// by step next to the error analysis above, which is easier to check in one piece.
    static func eiselLemire(_ w: UInt64, _ q: Int) -> UInt64? {
        // w < 2^64 < 10^20: w·10^-343 < 10^-323 < 2^-1075 (half the smallest subnormal) rounds to 0;
        // w >= 1: w·10^309 overflows.
        if q < PowersOfFive.minExponent { return 0 }
        if q > PowersOfFive.maxExponent { return 0x7FF0_0000_0000_0000 }

        let lz = w.leadingZeroBitCount
        let ws = w << UInt64(lz)
        let (tHi, tLo) = PowersOfFive.entry(q)
        let upper = ws.multipliedFullWidth(by: tHi)
        let lower = ws.multipliedFullWidth(by: tLo)
        // P = hi·2^128 + mid·2^64 + lo
        let (mid, carry) = upper.low.addingReportingOverflow(lower.high)
        let hi = upper.high &+ (carry ? 1 : 0)
        let lo = lower.low

        let msb = Int(hi >> 63)
        let shift = UInt64(9 + msb)
        let m54 = hi >> shift                    // in [2^53, 2^54)
        let cutMask: UInt64 = (1 << shift) - 1
        let cutBits = hi & cutMask

        let tailIsZero: Bool
        if q >= 0 {
            if q <= 55 {
                tailIsZero = cutBits == 0 && mid == 0 && lo == 0
            } else {
                if cutBits == cutMask && mid == .max { return nil }
                tailIsZero = false
            }
        } else {
            if cutBits == 0 && mid == 0 {
                if q < -27 { return nil }
                tailIsZero = true
            } else {
                tailIsZero = false
            }
        }

        // X ≈ m54 · 2^(binaryExponent - 1076); for normal results binaryExponent is the biased exponent.
        var binaryExponent = floorLog2PowerOfTen(q) + msb - lz + 1086

        if binaryExponent <= 0 {
            // Subnormal (or zero): the result field F satisfies value = F·2^-1074, F = m54 / 2^(2 - e).
            let s = 2 - binaryExponent
            if s >= 64 { return 0 }             // value < 2^(54 - 1076 - 62): far below 2^-1075
            let kept = m54 >> UInt64(s - 1)     // F with the round bit appended
            let belowRound = m54 & ((1 << UInt64(s - 1)) - 1)
            var f = kept >> 1
            if kept & 1 != 0 && (belowRound != 0 || !tailIsZero || f & 1 != 0) {
                f += 1                          // F == 2^52 is exactly the smallest normal's encoding
            }
            return f
        }

        var m53 = m54 >> 1
        if m54 & 1 != 0 && (!tailIsZero || m53 & 1 != 0) {
            m53 += 1
            if m53 == 1 << 53 {
                m53 = 1 << 52
                binaryExponent += 1
            }
        }
        if binaryExponent >= 0x7FF { return 0x7FF0_0000_0000_0000 }
        return UInt64(binaryExponent) << 52 | (m53 & ((1 << 52) - 1))
    }
}

/// 128-bit approximations of 5^q for q in -342...308, built once on first use with exact big-integer arithmetic.
///
/// Entry q is T(q) in [2^127, 2^128) with 5^q ≈ T(q)·2^(floor(log2 5^q) - 127):
///  - q >= 0: T(q) = floor(5^q · 2^(127 - floor(log2 5^q))), the leading 128 bits of 5^q, truncated
///    (exact for q <= 55, where 5^q < 2^128).
///  - q < 0, k = -q, z = bit length of 5^k (2^(z-1) < 5^k < 2^z): T(q) = ceil(2^(127 + z) / 5^k), the
///    reciprocal rounded up (never exact, as 5^k does not divide a power of two).
/// Exponents outside the range give 0 or infinity for every 64-bit significand (see `eiselLemire`).
enum PowersOfFive {
    static let minExponent = -342
    static let maxExponent = 308

    /// Two words per exponent: [2·(q - minExponent)] = high 64 bits, [+1] = low 64 bits.
    static let table: [UInt64] = build()

    @inline(__always)
    static func entry(_ q: Int) -> (high: UInt64, low: UInt64) {
        table.withUnsafeBufferPointer { t in
            let i = 2 * (q - minExponent)
            return (t[i], t[i + 1])
        }
    }

    /// Little-endian 32-bit-word big integers of fixed width: 5^342 < 2^795, and the division
    /// remainder stays below 2·5^342 < 2^796, so 26 words (832 bits) suffice.
    private static let words = 26

    static func build() -> [UInt64] {
        var out = [UInt64](repeating: 0, count: 2 * (maxExponent - minExponent + 1))

        // q >= 0: leading 128 bits of 5^q.
        var power = [UInt32](repeating: 0, count: words)
        power[0] = 1
        for q in 0...maxExponent {
            if q > 0 { multiply(&power, by: 5) }
            let length = bitLength(power)
            precondition(DecimalParser.floorLog2PowerOfTen(q) == q + length - 1)
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<128 {
                let position = length - 1 - i    // bits below position 0 are zero (left shift)
                let bit: UInt64 = position >= 0 ? UInt64(power[position / 32] >> UInt32(position % 32) & 1) : 0
                high = high << 1 | low >> 63
                low = low << 1 | bit
            }
            out[2 * (q - minExponent)] = high
            out[2 * (q - minExponent) + 1] = low
        }

        // q < 0: ceil(2^(127 + z) / 5^k) by restoring binary long division. The quotient's bits above
        // 2^127 are zero, and after consuming them the remainder is 2^(z-1); each of the 128 remaining
        // steps doubles the remainder and subtracts the divisor when possible.
        power = [UInt32](repeating: 0, count: words)
        power[0] = 1
        for k in 1...(-minExponent) {
            multiply(&power, by: 5)
            let z = bitLength(power)
            precondition(DecimalParser.floorLog2PowerOfTen(-k) == -k - z)
            var remainder = [UInt32](repeating: 0, count: words)
            remainder[(z - 1) / 32] = 1 << UInt32((z - 1) % 32)
            var high: UInt64 = 0, low: UInt64 = 0
            for _ in 0..<128 {
                shiftLeftByOne(&remainder)
                var bit: UInt64 = 0
                if !isLess(remainder, power) {
                    subtract(&remainder, power)
                    bit = 1
                }
                high = high << 1 | low >> 63
                low = low << 1 | bit
            }
            precondition(remainder.contains { $0 != 0 })
            let (sum, carry) = low.addingReportingOverflow(1)
            low = sum
            high &+= carry ? 1 : 0
            precondition(high >> 63 == 1, "rounded-up reciprocal must stay below 2^128")
            out[2 * (-k - minExponent)] = high
            out[2 * (-k - minExponent) + 1] = low
        }
        return out
    }

    private static func multiply(_ x: inout [UInt32], by m: UInt32) {
        var carry: UInt64 = 0
        for i in 0..<x.count {
            let t = UInt64(x[i]) * UInt64(m) + carry
            x[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        precondition(carry == 0)
    }

    private static func bitLength(_ x: [UInt32]) -> Int {
        for i in stride(from: x.count - 1, through: 0, by: -1) where x[i] != 0 {
            return i * 32 + (32 - x[i].leadingZeroBitCount)
        }
        return 0
    }

    private static func shiftLeftByOne(_ x: inout [UInt32]) {
        var carry: UInt32 = 0
        for i in 0..<x.count {
            let next = x[i] >> 31
            x[i] = x[i] << 1 | carry
            carry = next
        }
        precondition(carry == 0)
    }

    private static func isLess(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i]
        }
        return false
    }

    private static func subtract(_ a: inout [UInt32], _ b: [UInt32]) {
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var t = Int64(a[i]) - Int64(b[i]) - borrow
            if t < 0 {
                t += 1 << 32
                borrow = 1
            } else {
                borrow = 0
            }
            a[i] = UInt32(t)
        }
        precondition(borrow == 0)
    }
}
