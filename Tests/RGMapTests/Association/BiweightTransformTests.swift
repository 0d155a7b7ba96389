import Testing
@testable import RGMap

/// WGCNA's biweight preparation of one variable: by hand, and through bicor against WGCNA itself.
@Suite struct BiweightTransformTests {
    /// `values` transformed over `mask` (nil: all samples); returns the vector and whether it is usable.
    static func apply(_ values: [Double], mask: [Bool]? = nil) -> ([Double], Bool) {
        var out = values
        let usable = out.withUnsafeMutableBufferPointer {
            BiweightTransform.apply($0.baseAddress!, subset: SampleSubset(mask: mask, sampleCount: values.count), n: values.count)
        }
        return (out, usable)
    }

    @Test func weightsDeviationsByHand() {
        // median 3, mad = median(2, 1, 0, 1, 97) = 1, u = (x - 3) / 9; the outlier's |u| > 1 gets weight 0.
        let (out, usable) = Self.apply([1, 2, 3, 4, 100])
        #expect(usable)
        let w1 = (1 - 1.0 / 81) * (1 - 1.0 / 81), w2 = (1 - 4.0 / 81) * (1 - 4.0 / 81)
        let raw = [-2 * w2, -1 * w1, 0, 1 * w1, 0]
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        // 1e-15: rounding of the weights and of the norm on values of order 1.
        #expect(zip(out, raw.map { $0 / norm }).allSatisfy { abs($0 - $1) < 1e-15 }, "\(out)")
    }

    @Test func zeroMADFallsBackToPearsonsTransform() {
        // More than half the values at the median: mad 0. Pearson's transform: centred, unit length.
        let x: [Double] = [5, 5, 5, 5, 5, 6.5, 2, 9]
        let (out, usable) = Self.apply(x)
        let mean = x.reduce(0, +) / 8
        let centred = x.map { $0 - mean }
        let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(usable)
        // 1e-15: rounding of the mean and of the norm on values of order 1.
        #expect(zip(out, centred.map { $0 / norm }).allSatisfy { abs($0 - $1) < 1e-15 }, "\(out)")
    }

    @Test func bicorOfTwoTransformsMatchesWGCNA() throws {
        for row in try NumericFixtures.table("vector_pairs.tsv") {
            let (x, _) = Self.apply(NumericFixtures.numbers(row["x"])), (y, _) = Self.apply(NumericFixtures.numbers(row["y"]))
            let r = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            // 1e-10: the agreement with WGCNA's bicor that docs/methods.md states (R sums in long double).
            #expect(agrees(r, RFixtures.number(row["bicor"]), absolute: 1e-10), "\(row["case"]!)")
        }
    }

    @Test func aConstantVariableIsUnusable() {
        let (out, usable) = Self.apply([4, 4, 4, 4])
        #expect(!usable && out == [0, 0, 0, 0])
    }

    @Test func samplesOutsideTheSubsetStayZero() {
        // The subset is 1, 2, 4, 8 (median 3, mad 1.5); samples 1 and 3 enter as the transforms leave them: 0.
        let mask = [true, false, true, false, true, true]
        let (out, usable) = Self.apply([1, 0, 2, 0, 4, 8], mask: mask)
        let full = Self.apply([1, 2, 4, 8]).0
        #expect(usable && out[1] == 0 && out[3] == 0)
        #expect([out[0], out[2], out[4], out[5]] == full)
    }
}
