/// Turns variables into unit-length vectors over a sample subset whose dot products
/// are the chosen correlation, so that every correlation block is one matrix product.
///
/// - pearson: centre, then scale to unit length;
/// - spearman: average ranks over the subset, then as pearson;
/// - bicor: WGCNA's weights (1 - u^2)^2 with u = (x - median) / (9 mad) applied to x - median,
///   then scaled to unit length; Pearson's transform when the mad is zero.
/// With covariates, pearson and spearman residualize (after ranking) instead of
/// centring, and bicor transforms the residuals. Samples outside the subset get 0.
struct CorrelationTransform {
    let method: CorrelationMethod

    /// Transforms the rows `rows` of `source` (variables x samples; NaN only outside
    /// `subset`) into consecutive rows of `out`. Returns, per row, whether it is usable
    /// (false: constant over the subset, or fully explained by the covariates).
    func apply(_ source: LabeledMatrix, rows: [Int], orders: [[Int32]]?, subset: SampleSubset,
               into out: UnsafeMutablePointer<Double>) -> [Bool] {
        let n = source.columnCount
        var usable = [Bool](repeating: true, count: rows.count)
        let residualizer = subset.residualizer
        var scaleBefore = [Double](repeating: 0, count: rows.count)
        source.values.withUnsafeBufferPointer { values in
            usable.withUnsafeMutableBufferPointer { usable in
                scaleBefore.withUnsafeMutableBufferPointer { scale in
                    // 16 rows a chunk: each row is a pass over its samples (a sort for ranks).
                    Parallel.forEachChunk(rows.count, minimumChunk: 16) { chunk in
                        for i in chunk {
                            let row = values.baseAddress! + rows[i] * n
                            let target = out + i * n
                            usable[i] = fill(row, order: orders?[rows[i]], subset: subset, n: n, into: target)
                            if usable[i] && residualizer == nil && method != .bicor { Self.centre(target, subset: subset, n: n) }
                            if residualizer != nil { scale[i] = Self.spread(target, subset: subset, n: n) }
                        }
                    }
                }
            }
        }
        residualizer?.residualize(out, rows: rows.count)
        usable.withUnsafeMutableBufferPointer { usable in
            Parallel.forEachChunk(rows.count, minimumChunk: 16) { chunk in  // as above
                for i in chunk where usable[i] {
                    let target = out + i * n
                    if residualizer != nil, !Self.keepsSignal(target, n: n, spreadBefore: scaleBefore[i]) {
                        usable[i] = false
                    } else if method == .bicor {
                        usable[i] = BiweightTransform.apply(target, subset: subset, n: n)
                    } else {
                        usable[i] = Self.normalize(target, n: n)
                    }
                }
                for i in chunk where !usable[i] { (out + i * n).update(repeating: 0, count: n) }
            }
        }
        return usable
    }

    /// Copies (or ranks) the subset's values into `target`, zero elsewhere; false if constant.
    private func fill(_ row: UnsafePointer<Double>, order: [Int32]?, subset: SampleSubset, n: Int,
                      into target: UnsafeMutablePointer<Double>) -> Bool {
        var first = Double.nan
        var constant = true
        for s in 0..<n {
            if subset.contains(s) {
                let v = row[s]
                if first.isNaN { first = v } else if v != first { constant = false }
                target[s] = v
            } else {
                target[s] = 0
            }
        }
        if method == .spearman, let order {
            subset.mask.withOptionalPointer { mask in
                Ranking.averageRanks(row, order: order, subset: mask, into: target, count: n)
            }
        }
        return !constant && subset.count >= 2
    }

    /// Mean of the subset's entries.
    private static func mean(_ target: UnsafeMutablePointer<Double>, subset: SampleSubset, n: Int) -> Double {
        var sum = 0.0
        for s in 0..<n where subset.contains(s) { sum += target[s] }
        return sum / Double(subset.count)
    }

    /// Subtracts the subset mean (two-pass) from the subset's entries.
    static func centre(_ target: UnsafeMutablePointer<Double>, subset: SampleSubset, n: Int) {
        let mean = mean(target, subset: subset, n: n)
        for s in 0..<n where subset.contains(s) { target[s] -= mean }
    }

    /// Root of the centred sum of squares over the subset (before residualizing).
    private static func spread(_ target: UnsafeMutablePointer<Double>, subset: SampleSubset, n: Int) -> Double {
        let mean = mean(target, subset: subset, n: n)
        var squares = 0.0
        for s in 0..<n where subset.contains(s) { squares += (target[s] - mean) * (target[s] - mean) }
        return squares.squareRoot()
    }

    /// Residuals smaller than 1e-12 of the variable's own spread are rounding noise:
    /// the covariates explain it completely (a least-squares fit leaves about n u of the
    /// spread, 1e-14 for 100 samples; 1e-12 keeps a margin and is far below any real residual).
    private static func keepsSignal(_ target: UnsafeMutablePointer<Double>, n: Int, spreadBefore: Double) -> Bool {
        var squares = 0.0
        for s in 0..<n { squares += target[s] * target[s] }
        return squares.squareRoot() > 1e-12 * spreadBefore
    }

    /// Scales to unit length; false when the vector is zero.
    static func normalize(_ target: UnsafeMutablePointer<Double>, n: Int) -> Bool {
        var squares = 0.0
        for s in 0..<n { squares += target[s] * target[s] }
        guard squares > 0 else { return false }
        let scale = 1 / squares.squareRoot()
        for s in 0..<n { target[s] *= scale }
        return true
    }
}

extension Optional where Wrapped == [Bool] {
    /// Calls `body` with a pointer to the mask's elements, or nil.
    func withOptionalPointer<T>(_ body: (UnsafePointer<Bool>?) -> T) -> T {
        guard let mask = self else { return body(nil) }
        return mask.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
