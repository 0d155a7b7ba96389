/// Pairwise-complete Pearson correlation for data with missing values, as R's
/// `cor(use = "pairwise.complete.obs")`: for every pair, the moments over the samples both
/// variables have, r = (n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2)(n Syy - Sy^2)).
///
/// Values are centred and scaled over their own present values and set to 0 where missing
/// (``MaskedSide``), so Sxy is one matrix product for every pair. The other moments:
/// - few missing cells (at most ``sparseLimit`` of every incomplete side): each variable's
///   own sums minus the terms of the samples the other variable lacks; the cost is the
///   number of missing cells times the other side's variables;
/// - otherwise, with 0/1 presence masks M: Sx = X0 MY^T, Sxx = X0^2 MY^T, Sy = MX Y0^T,
///   Syy = MX (Y0^2)^T, n = MX MY^T, all matrix products.
enum MaskedPearson {
    /// Largest fraction of missing cells for the subtraction method. It costs that fraction of
    /// n f g scalar steps, the mask products a few n f g at BLAS speed (about ten times faster
    /// a step): they break even near a tenth.
    static let sparseLimit = 0.1

    /// Fills `r` and `counts` (x.rows x y.rows, row-major) for every pair.
    static func correlate(_ x: LabeledMatrix, _ y: LabeledMatrix, r: UnsafeMutablePointer<Double>,
                          counts: UnsafeMutablePointer<Int32>, sparseLimit: Double = sparseLimit,
                          progress: ProgressCallback? = nil) {
        let f = x.rowCount, g = y.rowCount, n = x.columnCount
        let xSide = MaskedSide(x, rows: 0..<f)
        let block = max(256, (1 << 22) / max(f, 1))  // y rows per block: 2^22 pairs (32 MB of r), at least 256
        var dense: DenseMoments?
        var start = 0
        while start < g {
            let end = min(g, start + block)
            let ySide = MaskedSide(y, rows: start..<end)
            xSide.values.withUnsafeBufferPointer { a in
                ySide.values.withUnsafeBufferPointer { b in
                    BLAS.gemmTransposedB(m: f, n: ySide.rows, k: n, a: a.baseAddress!, lda: n, b: b.baseAddress!, ldb: n,
                                         c: r + start, ldc: g)
                }
            }
            let output = Output(r: r, counts: counts, stride: g, offset: start)
            if xSide.missingFraction <= sparseLimit && ySide.missingFraction <= sparseLimit {
                subtractMissing(xSide, ySide, output)
            } else {
                if dense == nil { dense = DenseMoments(x: xSide, capacity: f * min(block, g)) }
                dense!.combine(xSide, ySide, output)
            }
            start = end
            progress?(start, g)
        }
    }

    /// Where a block's results go: pair (i, j) at `i * stride + offset + j`.
    struct Output {
        let r: UnsafeMutablePointer<Double>
        let counts: UnsafeMutablePointer<Int32>
        let stride: Int
        let offset: Int
    }

    /// Moments by subtraction; `r` holds Sxy on entry.
    private static func subtractMissing(_ x: MaskedSide, _ y: MaskedSide, _ out: Output) {
        let width = y.rows, n = x.n
        let yTransposed = x.hasMissing ? y.transposedValues() : []
        x.values.withUnsafeBufferPointer { xValues in
            yTransposed.withUnsafeBufferPointer { yT in
                // 8 rows a chunk: each row corrects a whole row of pairs.
                Parallel.forEachChunk(x.rows, minimumChunk: 8) { chunk in
                    var sy = [Double](repeating: 0, count: width), syy = sy
                    var xMissing = [Bool](repeating: false, count: n)
                    for i in chunk {
                        // Sy and Syy of every gene over the samples feature i has.
                        for j in 0..<width { sy[j] = y.sums[j]; syy[j] = y.sumsOfSquares[j] }
                        for k in x.missing(i) {
                            let s = Int(x.missingSamples[k])
                            xMissing[s] = true
                            let column = yT.baseAddress! + s * width
                            for j in 0..<width {
                                let v = column[j]
                                sy[j] -= v
                                syy[j] -= v * v
                            }
                        }
                        let row = xValues.baseAddress! + i * n
                        for j in 0..<width {
                            // Sx, Sxx and n of feature i over the samples gene j has.
                            var sx = x.sums[i], sxx = x.sumsOfSquares[i], pairs = Int(x.counts[i])
                            for k in y.missing(j) {
                                let s = Int(y.missingSamples[k])
                                if xMissing[s] { continue }
                                let v = row[s]
                                sx -= v
                                sxx -= v * v
                                pairs -= 1
                            }
                            let at = i * out.stride + out.offset + j
                            out.counts[at] = Int32(pairs)
                            out.r[at] = coefficient(n: Double(pairs), sxy: out.r[at], sx: sx, sy: sy[j], sxx: sxx, syy: syy[j])
                        }
                        for k in x.missing(i) { xMissing[Int(x.missingSamples[k])] = false }
                    }
                }
            }
        }
    }

    /// r from the pair's moments; NaN for fewer than 2 pairs or a side constant over them
    /// (its variance below 1e-12 of its raw second moment: rounding noise, not signal; the
    /// subtraction n Sxx - Sx^2 loses about n u of Sxx to rounding, 1e-14 for 100 samples).
    @inline(__always)
    static func coefficient(n: Double, sxy: Double, sx: Double, sy: Double, sxx: Double, syy: Double) -> Double {
        guard n >= 2 else { return .nan }
        let vx = n * sxx - sx * sx
        let vy = n * syy - sy * sy
        guard vx > 1e-12 * n * sxx, vy > 1e-12 * n * syy else { return .nan }
        return CorrelationEngine.clamp((n * sxy - sx * sy) / (vx * vy).squareRoot())
    }
}

/// The masked matrix products of ``MaskedPearson`` for sides with many missing values,
/// with buffers kept from block to block.
private struct DenseMoments {
    let xSquares: [Double]
    let xMask: [Double]
    var sx: [Double], sxx: [Double], sy: [Double], syy: [Double], pairs: [Double]

    init(x: MaskedSide, capacity: Int) {
        xSquares = x.values.map { $0 * $0 }
        xMask = x.mask()
        sx = [Double](repeating: 0, count: capacity)
        (sxx, sy, syy, pairs) = (sx, sx, sx, sx)
    }

    /// Moments of one block by products; `out.r` holds Sxy on entry.
    mutating func combine(_ x: MaskedSide, _ y: MaskedSide, _ out: MaskedPearson.Output) {
        let f = x.rows, width = y.rows, n = x.n
        let yMask = y.mask()
        let ySquares = y.values.map { $0 * $0 }
        if y.hasMissing {
            Self.product(x.values, yMask, f, width, n, into: &sx)
            Self.product(xSquares, yMask, f, width, n, into: &sxx)
        }
        if x.hasMissing {
            Self.product(xMask, y.values, f, width, n, into: &sy)
            Self.product(xMask, ySquares, f, width, n, into: &syy)
        }
        if x.hasMissing && y.hasMissing { Self.product(xMask, yMask, f, width, n, into: &pairs) }
        let (sx, sxx, sy, syy, pairs) = (self.sx, self.sxx, self.sy, self.syy, self.pairs)
        Parallel.forEachChunk(f, minimumChunk: 8) { chunk in  // 8 rows of `width` pairs each
            for i in chunk {
                for j in 0..<width {
                    let k = i * width + j
                    let at = i * out.stride + out.offset + j
                    let n = x.hasMissing && y.hasMissing ? pairs[k] : Double(x.hasMissing ? x.counts[i] : y.counts[j])
                    out.counts[at] = Int32(n)
                    out.r[at] = MaskedPearson.coefficient(
                        n: n, sxy: out.r[at],
                        sx: y.hasMissing ? sx[k] : x.sums[i], sy: x.hasMissing ? sy[k] : y.sums[j],
                        sxx: y.hasMissing ? sxx[k] : x.sumsOfSquares[i], syy: x.hasMissing ? syy[k] : y.sumsOfSquares[j])
                }
            }
        }
    }

    private static func product(_ a: [Double], _ b: [Double], _ f: Int, _ g: Int, _ n: Int, into c: inout [Double]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.gemmTransposedB(m: f, n: g, k: n, a: a.baseAddress!, lda: n, b: b.baseAddress!, ldb: n,
                                         c: c.baseAddress!, ldc: g)
                }
            }
        }
    }
}
