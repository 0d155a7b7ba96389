// Correctly rounded decimal-to-Double conversion over raw bytes.
//
// Used by the byte-level TSV/CSV reader. The result is bit-identical to a correctly rounded
// conversion (round-half-to-even), i.e. to Swift's `Double(String)` / C's `strtod`.
//
// Three tiers:
//  1. Exact "Clinger" path: when the decimal significand w fits in 53 bits and the decimal exponent
//     q is in [-22, 22], both w and 10^|q| are exact Doubles, so one IEEE multiplication or division
//     (a single correctly rounded operation) gives the answer.
//  2. Eisel-Lemire: multiply the normalized 64-bit significand by a 128-bit approximation of 5^q
//     (table below) and read the 54 leading bits of the 192-bit product. The error analysis in
//     `eiselLemire` tells exactly when those bits (and whether the discarded tail is zero) are
//     certain; otherwise it declines.
//  3. Slow path: copy the number's bytes into a NUL-terminated stack buffer and call `strtod` under
//     the "C" locale. Taken only when Eisel-Lemire declines (never observed for inputs with
//     <= 19 significant digits; the proof below makes it impossible for q in [-27, 55]) or when more than
//     19 significant digits were truncated and w·10^q and (w+1)·10^q round differently.
//
// Background: D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
// Experience 51(8), 2021; W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one decimal number starting at `start`, stopping at the first byte that cannot continue it.
enum DecimalParser {
    /// Returns the value and the pointer just past the last byte consumed, or nil if the bytes at `start`
    /// do not begin a valid number. Accepts: optional sign (+/-), digits with optional '.', optional
    /// fraction digits (forms "1", "1.", ".5", "1.5"), optional exponent [eE][+-]?digits (an 'e' not followed
    /// by digits is not consumed, e.g. "1e" parses "1" and stops at 'e'). At least one mantissa digit required.
    /// Does NOT accept inf/nan/hex (the caller handles NA tokens). Never reads at or past `end`.
    /// Overflow yields ±infinity, underflow ±0 (the caller decides what to do with them).
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (value: Double, next: UnsafePointer<UInt8>)? {
        guard let r = parseWithoutFallback(start, end) else { return nil }
        if r.exact {
            return (Double(bitPattern: r.bits), r.next)
        }
        return (slowPath(start, r.next), r.next)
    }

    /// The fast tiers only. `exact == false` means the slow path is needed for `[start, next)`;
    /// `bits` is then meaningless. Internal so tests can see which inputs take the slow path.
    /// Long on purpose: it is the innermost step of every numeric cell, and its tiers share the digits
    /// scanned so far; kept in one inlined function they stay in registers (split, it measured slower).
    @inline(__always)
    static func parseWithoutFallback(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (bits: UInt64, next: UnsafePointer<UInt8>, exact: Bool)?
    {
        var p = start
        guard p < end else { return nil }
        // Optional sign (without a branch).
        let first = p.pointee
        let negative = first == UInt8(ascii: "-")
        p += negative || first == UInt8(ascii: "+") ? 1 : 0

        // Significand digits. `w` accumulates every digit with wrapping arithmetic; it is exact
        // whenever there are at most 19 significant digits, and recomputed below otherwise.
        let integerStart = p
        var w: UInt64 = 0
        scanDigits(&p, end, &w)
        var digitCount = p - integerStart
        var exponent = 0
        if p < end && p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            scanDigits(&p, end, &w)
            let fractionDigits = p - fractionStart
            digitCount += fractionDigits
            exponent = -fractionDigits
        }
        guard digitCount > 0 else { return nil }
        let significandEnd = p

        // Optional exponent; consumed only if at least one digit follows [eE][+-]?.
        if p < end && (p.pointee | 0x20) == UInt8(ascii: "e") {
            var e = p + 1
            var exponentNegative = false
            if e < end && (e.pointee == UInt8(ascii: "-") || e.pointee == UInt8(ascii: "+")) {
                exponentNegative = e.pointee == UInt8(ascii: "-")
                e += 1
            }
            if e < end && e.pointee &- UInt8(ascii: "0") <= 9 {
                var value = 0
                repeat {
                    // Saturate: beyond 2^40 the result is ±0 or ±inf anyway unless the significand
                    // has ~2^40 digits, which no input buffer does.
                    if value < 1 << 40 { value = value &* 10 &+ Int(e.pointee &- UInt8(ascii: "0")) }
                    e += 1
                } while e < end && e.pointee &- UInt8(ascii: "0") <= 9
                exponent += exponentNegative ? -value : value
                p = e
            }
        }
        let next = p
        let sign: UInt64 = negative ? 1 << 63 : 0

        // More than 19 digits: drop leading zeros; if still more than 19 significant digits,
        // keep the first 19 in `w` and remember whether any dropped digit was nonzero.
        var truncated = false
        if digitCount > 19 {
            var s = integerStart
            while s < significandEnd && (s.pointee == UInt8(ascii: "0") || s.pointee == UInt8(ascii: ".")) {
                if s.pointee == UInt8(ascii: "0") { digitCount -= 1 }
                s += 1
            }
            if digitCount > 19 {
                w = 0
                var taken = 0
                var dropped = 0
                while s < significandEnd {
                    let c = s.pointee
                    s += 1
                    if c == UInt8(ascii: ".") { continue }
                    if taken < 19 {
                        w = w &* 10 &+ UInt64(c &- UInt8(ascii: "0"))
                        taken += 1
                    } else {
                        dropped += 1
                        if c != UInt8(ascii: "0") { truncated = true }
                    }
                }
                exponent += dropped
            }
        }

        if w == 0 {
            return (sign, next, true)
        }

        // Clinger: w and 10^|q| are exact Doubles, so one correctly rounded operation suffices.
        if !truncated && exponent >= -22 && exponent <= 22 && w <= 1 << 53 {
            let m = Double(w)
            let v = exponent >= 0 ? m * exactPowerOfTen(exponent) : m / exactPowerOfTen(-exponent)
            return (v.bitPattern | sign, next, true)
        }

        guard let bits = eiselLemire(w, exponent) else {
            return (0, next, false)
        }
        if truncated {
            // The true value lies strictly between w·10^q and (w+1)·10^q; rounding is monotone,
            // so if both ends round to the same Double, so does the true value.
            guard let upper = eiselLemire(w + 1, exponent), upper == bits else {
                return (0, next, false)
            }
        }
        return (bits | sign, next, true)
    }

    // MARK: - Digit runs, eight bytes at a time

    /// Consumes the run of ASCII digits at `p` (stopping at `end`), folding them into `w` (wrapping).
    /// While 8 bytes remain it works a word at a time without a per-byte branch: it counts the digits
    /// before the first non-digit byte of the word, converts them with three multiplications, and loops
    /// only if all 8 bytes were digits. The last < 8 bytes of the buffer go byte by byte, so nothing at or
    /// past `end` is read. (Measured: faster than a byte loop, and than a two-word variant.)
    @inline(__always)
    static func scanDigits(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ w: inout UInt64) {
        while end - p >= 8 {
            let x = digitValues(p)
            let n = leadingDigitCount(x)
            w = w &* smallPowerOfTen(n) &+ eightDigitValue(alignDigits(x, n))
            p += n
            if n != 8 { return }
        }
        while p < end {
            let d = p.pointee &- UInt8(ascii: "0")
            if d > 9 { break }
            w = w &* 10 &+ UInt64(d)
            p += 1
        }
    }

    /// The 8 bytes at `p` XOR '0' (little-endian: byte i is the i-th character), so digits become 0...9.
    @inline(__always)
    static func digitValues(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) ^ 0x3030_3030_3030_3030
    }

    /// How many of the leading bytes of `x` (from `digitValues`) are digits, 0...8.
    @inline(__always)
    static func leadingDigitCount(_ x: UInt64) -> Int {
        // A byte is a digit iff it is <= 9: its high bit is clear and its low 7 bits plus 0x76 stay below
        // 0x80 (0x7F + 0x76 < 0x100, so no carry crosses into the next byte).
        let nonDigit = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
        return nonDigit.trailingZeroBitCount >> 3
    }

    /// Keeps the first `n` digit bytes of `x`, moved to the top so the vacated low bytes act as leading
    /// zeros for `eightDigitValue`. (Swift's non-masking shift gives 0 for n == 0, a shift by 64.)
    @inline(__always)
    static func alignDigits(_ x: UInt64, _ n: Int) -> UInt64 {
        x << UInt64(64 - 8 * n)
    }

    /// The decimal value of eight digit values 0...9 held one per byte, most significant in the low byte.
    @inline(__always)
    static func eightDigitValue(_ digits: UInt64) -> UInt64 {
        var x = digits
        x = (x &* 10 &+ (x >> 8)) & 0x00FF_00FF_00FF_00FF     // 16-bit lanes: 10·d(2i) + d(2i+1) <= 99
        x = (x &* 100 &+ (x >> 16)) & 0x0000_FFFF_0000_FFFF   // 32-bit lanes: four-digit groups <= 9999
        x = (x &* 10_000 &+ (x >> 32)) & 0xFFFF_FFFF          // the eight-digit value
        return x
    }

    static let smallPowersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    @inline(__always)
    static func smallPowerOfTen(_ n: Int) -> UInt64 {
        smallPowersOfTen[n]
    }

    // MARK: - Exact powers of ten for the Clinger path

    /// 10^i for 0 <= i <= 22, all exactly representable (5^22 < 2^53). A literal array of constants is
    /// emitted as static data (no lazy initialization); a `switch` here compiled to an indirect jump.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    static func exactPowerOfTen(_ i: Int) -> Double {
        exactPowersOfTen[i]
    }

    // MARK: - Slow path

    /// "C" locale for the slow path, created once. `strtod` honours the calling thread's locale
    /// (`uselocale`), which we set around each call, so the decimal point is always '.' even if the
    /// program called `setlocale`. (`strtod_l` is not visible to Swift's Glibc module; `LC_ALL_MASK`
    /// is not importable either, and only LC_NUMERIC matters to `strtod`.) If `newlocale` ever failed,
    /// `strtod` would run in the process locale, which is "C" unless the program changed it.
    nonisolated(unsafe) static let cLocale: locale_t? = newlocale(Int32(1) << LC_NUMERIC, "C", nil)

    /// Exact conversion of the validated bytes [start, next) via the C library (correctly rounded in glibc).
    /// Thread-safe: the copy lives in a per-call temporary (stack) allocation and the locale switch is per thread.
    @inline(never)
    static func slowPath(_ start: UnsafePointer<UInt8>, _ next: UnsafePointer<UInt8>) -> Double {
        let count = next - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            let base = buffer.baseAddress!
            UnsafeMutableRawPointer(base).copyMemory(from: start, byteCount: count)
            base[count] = 0
            let savedErrno = errno
            let previous = cLocale.map { uselocale($0) }
            let value = strtod(base, nil)
            if let previous { uselocale(previous) }
            errno = savedErrno                  // strtod sets ERANGE on overflow/underflow; keep errno untouched
            return value
        }
    }
}
