/// WGCNA's topological overlap (`TOMsimilarity`, "min" denominator) from an adjacency:
/// with the diagonal of a set to 1, k_i = sum_u |a_iu| and P = a a,
/// unsigned: TOM_ij = (P_ij - a_ij) / (min(k_i, k_j) - a_ij),
/// signed:   TOM_ij = |P_ij - a_ij| / (min(k_i, k_j) - |a_ij|),
/// 0 where the denominator is 0 (and TOM_ii = 1, not stored).
///
/// P is formed a block of rows at a time, each block one product with the rows above it
/// (the lower triangle only: the flops of a symmetric rank-G update, the only cubic step),
/// straight into the packed triangle: the adjacency and the TOM take 1.5 x genes^2 values.
enum TopologicalOverlap {
    /// `adjacency` is genes x genes, symmetric, row-major; its diagonal is set to 1.
    static func similarity<Scalar: NetworkScalar>(adjacency a: inout [Scalar], genes n: Int, type: TOMType,
                                                  progress: ProgressCallback? = nil) -> PackedLowerTriangle<Scalar> {
        var connectivity = [Scalar](repeating: 0, count: n)
        a.withUnsafeMutableBufferPointer { a in
            connectivity.withUnsafeMutableBufferPointer { k in
                // 16 rows a chunk: each row sums n values, so a chunk is worth a thread.
                Parallel.forEachChunk(n, minimumChunk: 16) { rows in
                    for i in rows {
                        a[i * n + i] = 1
                        var sum = 0.0
                        for u in 0..<n { sum += Double(abs(a[i * n + u])) }
                        k[i] = Scalar(sum)
                    }
                }
            }
        }
        var tom = PackedLowerTriangle<Scalar>(count: n, uninitialized: true)
        // Rows of a a^T per block: 2^24 values (128 MB in double) beside the n x n adjacency, at
        // least 64 so that each product is still large enough to run at BLAS speed.
        let rowsPerBlock = max(64, min(n, (1 << 24) / max(n, 1)))
        var product = [Scalar](repeating: 0, count: rowsPerBlock * n)
        a.withUnsafeBufferPointer { a in
            tom.values.withUnsafeMutableBufferPointer { tom in
                product.withUnsafeMutableBufferPointer { product in
                    var start = 0
                    while start < n {
                        let end = min(n, start + rowsPerBlock)
                        // P[start..<end, 0..<end]: a is symmetric, so a a = a a^T.
                        Scalar.gemmTransposedB(m: end - start, n: end, k: n, a: a.baseAddress! + start * n, lda: n,
                                               b: a.baseAddress!, ldb: n, c: product.baseAddress!, ldc: end)
                        // 8 rows a chunk: each row fills up to n TOM values.
                        Parallel.forEachChunk(end - start, minimumChunk: 8) { local in
                            for i in (start + local.lowerBound)..<(start + local.upperBound) {
                                let row = product.baseAddress! + (i - start) * end, packed = PackedLowerTriangle<Scalar>.offset(row: i)
                                for j in 0..<i {
                                    let aij = a[i * n + j], p = row[j]
                                    let denominator = min(connectivity[i], connectivity[j]) - (type == .signed ? abs(aij) : aij)
                                    tom[packed + j] = denominator == 0 ? 0 : (type == .signed ? abs(p - aij) : p - aij) / denominator
                                }
                            }
                        }
                        start = end
                        progress?(start, n)
                    }
                }
            }
        }
        return tom
    }
}
