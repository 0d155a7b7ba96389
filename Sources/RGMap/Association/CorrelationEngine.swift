/// All correlations between the rows of two variables-x-samples matrices (features and
/// genes), with pair counts, computed block by block through matrix products.
struct CorrelationResult {
    /// Features x genes, row-major; NaN where undefined.
    var r: [Double]
    /// Samples each pair was computed over.
    var pairs: PairCounts
    /// Degrees of freedom the covariates take for each pair (nil without covariates).
    var covariateDF: PairCounts?
    /// Features and genes constant over all their present samples (all their r are NaN).
    var constantFeatures: [String]
    var constantGenes: [String]
}

/// Computes ``CorrelationResult`` for a method, with or without covariates, following R's
/// pairwise-complete rule: each pair over the samples where both are present.
///
/// Complete variables are transformed once over all samples; variables with missing
/// values are grouped by their missingness pattern and transformed over each subset they
/// meet (for Spearman this is R's re-ranking on each pair's complete cases; for covariates
/// the regression on that subset). Pearson without covariates uses ``MaskedPearson`` instead.
struct CorrelationEngine {
    let method: CorrelationMethod
    let covariates: LabeledMatrix?
    var progress: ProgressCallback?

    /// Genes transformed per block: bounds the temporary memory to about 32 MB (2^22 doubles),
    /// with at least 64 genes (a product worth BLAS) and at most 2^16.
    static func geneBlock(samples: Int, features: Int) -> Int {
        max(64, min(1 << 16, (1 << 22) / max(samples, features, 1)))
    }

    /// - Throws: ``NumericalError`` when the covariate design cannot be factored on a subset
    ///   of samples (LAPACK failure).
    func correlate(_ x: LabeledMatrix, _ y: LabeledMatrix) throws -> CorrelationResult {
        precondition(x.columnCount == y.columnCount, "features and genes must share samples")
        let f = x.rowCount, g = y.rowCount
        let xPatterns = MissingnessPatterns(x), yPatterns = MissingnessPatterns(y)
        let complete = !xPatterns.hasMissing && !yPatterns.hasMissing
        // Without missing values every pair shares all samples: one count, no matrix.
        var result = CorrelationResult(
            r: [Double](repeating: .nan, count: f * g),
            pairs: complete ? .constant(Int32(x.columnCount)) : .matrix([Int32](repeating: 0, count: f * g)),
            covariateDF: try covariates.map { design in
                complete ? .constant(Int32(try SampleSubset(mask: nil, sampleCount: x.columnCount, covariates: design).covariateDegreesOfFreedom))
                    : .matrix([Int32](repeating: 0, count: f * g))
            },
            constantFeatures: [], constantGenes: [])
        if method == .pearson && covariates == nil && (xPatterns.hasMissing || yPatterns.hasMissing) {
            correlateMasked(x, y, into: &result)
        } else {
            try correlateBySubsets(x, y, xPatterns, yPatterns, into: &result)
        }
        result.constantFeatures = constantRows(x)
        result.constantGenes = constantRows(y)
        return result
    }

    /// ``correlate(_:_:)`` for an engine without covariates, which cannot fail: only the
    /// factoring of a covariate design throws.
    func correlateUnadjusted(_ x: LabeledMatrix, _ y: LabeledMatrix) -> CorrelationResult {
        precondition(covariates == nil, "an engine with covariates can fail: call correlate")
        return try! correlate(x, y)
    }

    private func correlateMasked(_ x: LabeledMatrix, _ y: LabeledMatrix, into result: inout CorrelationResult) {
        guard var counts = result.pairs.takeMatrix() else { preconditionFailure("masked path has missing values") }
        result.r.withUnsafeMutableBufferPointer { r in
            counts.withUnsafeMutableBufferPointer { counts in
                MaskedPearson.correlate(x, y, r: r.baseAddress!, counts: counts.baseAddress!, progress: progress)
            }
        }
        result.pairs = .matrix(counts)
    }

    private func correlateBySubsets(_ x: LabeledMatrix, _ y: LabeledMatrix, _ xp: MissingnessPatterns,
                                    _ yp: MissingnessPatterns, into result: inout CorrelationResult) throws {
        let n = x.columnCount
        let orders = method == .spearman ? (Self.orders(x), Self.orders(y)) : nil
        let blocks = BlockProducts(engine: self, x: x, y: y, xOrders: orders?.0, yOrders: orders?.1)
        // Work units: (feature rows, gene rows, subset mask); masks of incomplete rows intersect.
        var units: [(xRows: [Int], yRows: [Int], mask: [Bool]?)] = [(xp.complete, yp.complete, nil)]
        for group in xp.groups { units.append((group.rows, yp.complete, group.mask)) }
        for group in yp.groups { units.append((xp.complete, group.rows, group.mask)) }
        for xg in xp.groups {
            for yg in yp.groups { units.append((xg.rows, yg.rows, zip(xg.mask, yg.mask).map { $0 && $1 })) }
        }
        let totalWork = units.reduce(0) { $0 + $1.xRows.count * $1.yRows.count }
        var done = 0
        for unit in units where !unit.xRows.isEmpty && !unit.yRows.isEmpty {
            let subset = try SampleSubset(mask: unit.mask, sampleCount: n, covariates: covariates)
            blocks.compute(xRows: unit.xRows, yRows: unit.yRows, subset: subset, into: &result)
            done += unit.xRows.count * unit.yRows.count
            progress?(done, totalWork)
        }
    }

    /// r limited to [-1, 1]; within 4 units of rounding of +-1 it is +-1, so perfectly
    /// (rank-)correlated pairs get r = +-1 and p = 0, as R computes them.
    @inline(__always)
    static func clamp(_ r: Double) -> Double {
        if r >= 1 - 4 * Double.ulpOfOne { return 1 }
        if r <= -1 + 4 * Double.ulpOfOne { return -1 }
        return r
    }

    /// Ascending order of each row's present values (for re-ranking on subsets).
    static func orders(_ matrix: LabeledMatrix) -> [[Int32]] {
        var orders = [[Int32]](repeating: [], count: matrix.rowCount)
        matrix.values.withUnsafeBufferPointer { values in
            orders.withUnsafeMutableBufferPointer { orders in
                // 64 rows a chunk: one sort of a row's samples is short work.
                Parallel.forEachChunk(matrix.rowCount, minimumChunk: 64) { chunk in
                    for r in chunk {
                        orders[r] = Ranking.order(values.baseAddress! + r * matrix.columnCount, count: matrix.columnCount)
                    }
                }
            }
        }
        return orders
    }

    private func constantRows(_ matrix: LabeledMatrix) -> [String] {
        (0..<matrix.rowCount).filter { r in
            let summary = VariableSummary(matrix.row(r))
            return summary.present < 2 || summary.isConstant
        }.map { matrix.rowLabels[$0] }
    }
}

/// One block of correlations: transform both sides on a subset, multiply, scatter.
private struct BlockProducts {
    let engine: CorrelationEngine
    let x: LabeledMatrix
    let y: LabeledMatrix
    let xOrders: [[Int32]]?
    let yOrders: [[Int32]]?

    func compute(xRows: [Int], yRows: [Int], subset: SampleSubset, into result: inout CorrelationResult) {
        let n = x.columnCount, g = y.rowCount
        let transform = CorrelationTransform(method: engine.method)
        var tx = [Double](repeating: 0, count: xRows.count * n)
        let usableX = tx.withUnsafeMutableBufferPointer {
            transform.apply(x, rows: xRows, orders: xOrders, subset: subset, into: $0.baseAddress!)
        }
        let block = CorrelationEngine.geneBlock(samples: n, features: xRows.count)
        let pairCount = Int32(subset.count)
        let covariateDF = Int32(subset.covariateDegreesOfFreedom)
        var start = 0
        var ty = [Double](repeating: 0, count: min(block, yRows.count) * n)
        let xRowsAreAll = xRows.count == x.rowCount && xRows.enumerated().allSatisfy { $0.offset == $0.element }
        var product: [Double] = []  // the product of a block that cannot land in r itself
        while start < yRows.count {
            let rows = Array(yRows[start..<min(yRows.count, start + block)])
            let usableY = ty.withUnsafeMutableBufferPointer {
                transform.apply(y, rows: rows, orders: yOrders, subset: subset, into: $0.baseAddress!)
            }
            var counts = result.pairs.takeMatrix(), adjusted = result.covariateDF?.takeMatrix()
            let width = rows.count
            // All features against consecutive genes: the product lands in r itself.
            let inPlace = xRowsAreAll && rows.last! - rows[0] + 1 == width
            if !inPlace && product.isEmpty { product = [Double](repeating: 0, count: xRows.count * min(block, yRows.count)) }
            result.r.withUnsafeMutableBufferPointer { r in
                tx.withUnsafeBufferPointer { a in
                    ty.withUnsafeBufferPointer { b in
                        product.withUnsafeMutableBufferPointer { c in
                            let target = inPlace ? r.baseAddress! + rows[0] : c.baseAddress!
                            BLAS.gemmTransposedB(m: xRows.count, n: width, k: n, a: a.baseAddress!, lda: n, b: b.baseAddress!, ldb: n,
                                                 c: target, ldc: inPlace ? g : width)
                        }
                    }
                }
                product.withUnsafeBufferPointer { product in
                    // 16 rows a chunk: each row corrects a full row of the product.
                    Parallel.forEachChunk(xRows.count, minimumChunk: 16) { chunk in
                        for i in chunk {
                            let base = xRows[i] * g
                            for j in 0..<width {
                                let value = inPlace ? r[base + rows[0] + j] : product[i * width + j]
                                r[base + rows[j]] = usableX[i] && usableY[j] ? CorrelationEngine.clamp(value) : .nan
                            }
                        }
                    }
                }
            }
            if counts != nil || adjusted != nil {
                for f in xRows {
                    for gene in rows {
                        counts?[f * g + gene] = pairCount
                        adjusted?[f * g + gene] = covariateDF
                    }
                }
            }
            if let counts { result.pairs = .matrix(counts) }
            if let adjusted { result.covariateDF = PairCounts.matrix(adjusted) }
            start += rows.count
        }
    }
}
