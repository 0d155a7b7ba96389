/// Exact decimal expansions of doubles and of the halfway points between neighbouring doubles,
/// with test-only big integers: the inputs on which a decimal parser's rounding is decided
/// (used by `DecimalParserTests`).
enum DecimalExpansion {
    /// Decimal digits of a nonnegative integer held in base-10^9 little-endian limbs.
    static func decimalString(_ limbs: [UInt64]) -> String {
        var s = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return s
    }

    /// Multiplies base-10^9 limbs by a factor m < 2^32 in place.
    static func multiplyLimbs(_ limbs: inout [UInt64], by m: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let t = limbs[i] * m + carry
            limbs[i] = t % 1_000_000_000
            carry = t / 1_000_000_000
        }
        while carry > 0 {
            limbs.append(carry % 1_000_000_000)
            carry /= 1_000_000_000
        }
    }

    /// Exact decimal (digits D, exponent E with value D·10^E) of m·2^e.
    static func exactDecimal(_ m: UInt64, _ e: Int) -> (digits: String, exponent: Int) {
        var limbs: [UInt64] = [m % 1_000_000_000, m / 1_000_000_000 % 1_000_000_000, m / 1_000_000_000_000_000_000]
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        if e >= 0 {
            var left = e
            while left > 0 {
                let step = min(left, 28)              // 2^28 · (10^9 - 1) + carry fits in UInt64
                multiplyLimbs(&limbs, by: 1 << UInt64(step))
                left -= step
            }
            return (decimalString(limbs), 0)
        }
        // m·2^e = m·5^-e · 10^e
        var left = -e
        while left > 0 {
            let step = min(left, 13)                  // 5^13 < 2^31
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 5 }
            multiplyLimbs(&limbs, by: factor)
            left -= step
        }
        return (decimalString(limbs), e)
    }

    /// Subtracts one from a decimal digit string (> 0), keeping leading zeros out.
    static func decrementDecimal(_ digits: String) -> String {
        var d = Array(digits.utf8)
        var i = d.count - 1
        while d[i] == UInt8(ascii: "0") {
            d[i] = UInt8(ascii: "9")
            i -= 1
        }
        d[i] -= 1
        let s = String(decoding: d, as: UTF8.self)
        let trimmed = s.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Exact halfway point between the positive finite double `d` and the next one up, as digits·10^exponent.
    static func halfwayAbove(_ d: Double) -> (digits: String, exponent: Int) {
        let bits = d.bitPattern
        let field = Int(bits >> 52)
        let fraction = bits & ((1 << 52) - 1)
        let (m, e) = field == 0 ? (fraction, -1074) : (fraction | 1 << 52, field - 1075)
        return exactDecimal(2 * m + 1, e - 1)         // (2m + 1)·2^(e-1); the last one is (max + 2^1024)/2
    }
}
