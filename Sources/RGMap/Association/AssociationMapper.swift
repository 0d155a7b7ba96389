/// Builds the ``AssociationMap`` of a cohort: correlations (``CorrelationEngine``),
/// two-sided Student t p-values with n - 2 - k degrees of freedom (k covariate columns),
/// and q-values by ``FalseDiscoveryRate`` over the chosen scope.
public enum AssociationMapper {
    /// A point at which part of the map is final.
    public enum Stage: Sendable {
        /// r and pair counts are final (p and q still empty).
        case correlations
        /// p is final (q still empty).
        case pValues
        /// The q of some pairs is final (q of the map itself still empty).
        case qRows(FinalValues)
        /// q is final: the map is complete.
        case qValues
    }

    /// Values of some pairs that are final, read in place: `storage` is the storage of the
    /// map's q, which stays valid while the map the mapper returns lives.
    public struct FinalValues: @unchecked Sendable {
        /// Row-major pair indices.
        public let range: Range<Int>
        public let storage: UnsafeBufferPointer<Double>
        public var values: UnsafeBufferPointer<Double> { UnsafeBufferPointer(rebasing: storage[range]) }
    }

    /// - Parameter stageCompleted: called with the map so far as each ``Stage`` completes,
    ///   so a caller can start writing what is final while the rest is computed.
    public static func map(_ cohort: Cohort, options: AssociationOptions, progress: ProgressCallback? = nil,
                           stageCompleted: ((Stage, AssociationMap) -> Void)? = nil) throws -> AssociationMap {
        guard var features = cohort.features, var omics = cohort.omics else {
            throw AnalysisError(.missingInput, "the association map needs both \(setting: .features) and \(setting: .omics)")
        }
        var covariates = cohort.covariates?.matrix
        var warnings: [Message] = []
        if options.missing == .complete {
            let keep = (0..<cohort.sampleCount).filter { s in
                !(0..<features.rowCount).contains { features[$0, s].isNaN }
                    && !(0..<omics.rowCount).contains { omics[$0, s].isNaN }
            }
            guard keep.count >= SampleMatcher.minimumSamples else {
                throw AnalysisError(.tooFewSamples, "\(setting: .missing, "complete") leaves \(keep.count) samples with no missing value "
                                    + "(need at least \(SampleMatcher.minimumSamples)); use \(setting: .missing, "pairwise")")
            }
            if keep.count < cohort.sampleCount {
                warnings.append("\(setting: .missing, "complete"): \(cohort.sampleCount - keep.count) of \(cohort.sampleCount) samples dropped for a missing value")
            }
            features = features.selectingColumns(keep)
            omics = omics.selectingColumns(keep)
            covariates = covariates?.selectingColumns(keep)
        }
        if let design = covariates, design.rowCount == 0 { covariates = nil }
        let engine = CorrelationEngine(method: options.method, covariates: covariates, progress: progress)
        let result = try engine.correlate(features, omics)
        // Up to five names in a warning: enough to recognise the kind, short enough for one line.
        if !result.constantFeatures.isEmpty {
            warnings.append(Message("\(plural(result.constantFeatures.count, "feature")) constant over its samples (r = NA): "
                                    + result.constantFeatures.prefix(5).joined(separator: ", ")))
        }
        if !result.constantGenes.isEmpty {
            warnings.append(Message("\(plural(result.constantGenes.count, "gene")) constant over its samples (r = NA): "
                                    + result.constantGenes.prefix(5).joined(separator: ", ")))
        }
        let undefined = countNaN(result.r, rows: features.rowCount)
        if undefined > 0 { warnings.append("\(plural(undefined, "pair")) with r = NA (a side constant over the pair's samples, or fewer than 2 samples)") }
        var map = AssociationMap(features: features.rowLabels, genes: omics.rowLabels, r: result.r, p: [], q: [],
                                 pairs: result.pairs, options: options, covariateColumns: covariates?.rowLabels ?? [],
                                 sampleCount: features.columnCount, warnings: warnings)
        stageCompleted?(.correlations, map)
        map.p = pValues(result, features: features.rowCount, genes: omics.rowCount)
        stageCompleted?(.pValues, map)
        let partial = map
        map.q = qValues(map.p, features: features.rowCount, genes: omics.rowCount, options: options) { range, q in
            stageCompleted?(.qRows(FinalValues(range: range, storage: q)), partial)
        }
        stageCompleted?(.qValues, map)
        return map
    }

    /// p per pair, row by row in parallel; rows whose pairs share one df go eight at a time.
    static func pValues(_ result: CorrelationResult, features: Int, genes: Int) -> [Double] {
        let maxPairs = Int(result.pairs.maximum)
        let student = StudentTPValue(maxDF: maxPairs)
        var p = [Double](repeating: .nan, count: features * genes)
        result.r.withUnsafeBufferPointer { r in
            p.withUnsafeMutableBufferPointer { p in
                Parallel.forEachChunk(features) { chunk in
                    for f in chunk {
                        let start = f * genes
                        let df0 = degreesOfFreedom(result, start)
                        if (start..<(start + genes)).allSatisfy({ degreesOfFreedom(result, $0) == df0 }) {
                            student.pValues(r: r.baseAddress! + start, df: df0, count: genes, into: p.baseAddress! + start)
                        } else {
                            for k in start..<(start + genes) { p[k] = student.pValue(r: r[k], df: degreesOfFreedom(result, k)) }
                        }
                    }
                }
            }
        }
        return p
    }

    /// NaN values in a rows x columns matrix, rows in parallel.
    private static func countNaN(_ values: [Double], rows: Int) -> Int {
        guard rows > 0 else { return 0 }
        let columns = values.count / rows
        var perRow = [Int](repeating: 0, count: rows)
        values.withUnsafeBufferPointer { values in
            perRow.withUnsafeMutableBufferPointer { perRow in
                // 16 rows a chunk: each row scans all its columns, so a chunk is worth a thread.
                Parallel.forEachChunk(rows, minimumChunk: 16) { chunk in
                    for row in chunk {
                        var count = 0
                        for v in values[(row * columns)..<((row + 1) * columns)] where v.isNaN { count += 1 }
                        perRow[row] = count
                    }
                }
            }
        }
        return perRow.reduce(0, +)
    }

    @inline(__always)
    private static func degreesOfFreedom(_ result: CorrelationResult, _ k: Int) -> Int {
        Int(result.pairs[k]) - 2 - Int(result.covariateDF?[k] ?? 0)
    }

    static func qValues(_ p: [Double], features: Int, genes: Int, options: AssociationOptions,
                        completed: ((Range<Int>, UnsafeBufferPointer<Double>) -> Void)? = nil) -> [Double] {
        // Every adjustment writes every q it covers, and the scopes cover every pair.
        var q = [Double](unsafeUninitializedCapacity: p.count) { _, initialized in initialized = p.count }
        p.withUnsafeBufferPointer { p in
            q.withUnsafeMutableBufferPointer { q in
                switch options.fdrScope {
                case .global:
                    let storage = UnsafeBufferPointer(q)
                    FalseDiscoveryRate.adjust(p, method: options.fdr, into: q) { range in completed?(range, storage) }
                case .perFeature:
                    Parallel.forEachChunk(features) { chunk in
                        for f in chunk {
                            let range = (f * genes)..<((f + 1) * genes)
                            FalseDiscoveryRate.adjust(UnsafeBufferPointer(rebasing: p[range]), method: options.fdr,
                                                      into: UnsafeMutableBufferPointer(rebasing: q[range]))
                        }
                    }
                    completed?(q.indices, UnsafeBufferPointer(q))
                }
            }
        }
        return q
    }
}
