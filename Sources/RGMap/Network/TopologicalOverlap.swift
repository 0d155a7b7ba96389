/// WGCNA's topological overlap (`TOMsimilarity`, "min" denominator) from an adjacency:
/// with the diagonal of a set to 1, k_i = sum_u |a_iu| and P = a a (one symmetric rank-G
/// update through BLAS, the only cubic step),
/// unsigned: TOM_ij = (P_ij - a_ij) / (min(k_i, k_j) - a_ij),
/// signed:   TOM_ij = |P_ij - a_ij| / (min(k_i, k_j) - |a_ij|),
/// 0 where the denominator is 0, and TOM_ii = 1.
enum TopologicalOverlap {
    /// `adjacency` is genes x genes, symmetric, row-major; its diagonal is set to 1.
    static func similarity(adjacency a: inout [Double], genes n: Int, type: TOMType) -> [Double] {
        var connectivity = [Double](repeating: 0, count: n)
        for i in 0..<n {
            a[i * n + i] = 1
            var sum = 0.0
            for u in 0..<n { sum += abs(a[i * n + u]) }
            connectivity[i] = sum
        }
        var tom = [Double](repeating: 0, count: n * n)
        a.withUnsafeBufferPointer { a in
            tom.withUnsafeMutableBufferPointer { tom in
                BLAS.syrkLower(n: n, k: n, a: a.baseAddress!, lda: n, c: tom.baseAddress!, ldc: n)
                Parallel.forEachChunk(n, minimumChunk: 16) { rows in
                    for i in rows {
                        for j in 0..<i {
                            let aij = a[i * n + j], product = tom[i * n + j]
                            let denominator = min(connectivity[i], connectivity[j]) - (type == .signed ? abs(aij) : aij)
                            let value = denominator == 0 ? 0 : (type == .signed ? abs(product - aij) : product - aij) / denominator
                            tom[i * n + j] = value
                        }
                        tom[i * n + i] = 1
                    }
                }
                // Mirror the lower triangle.
                Parallel.forEachChunk(n, minimumChunk: 16) { rows in
                    for i in rows { for j in (i + 1)..<n { tom[i * n + j] = tom[j * n + i] } }
                }
            }
        }
        return tom
    }
}
