#if canImport(Glibc)
import Glibc
#endif

/// Which topological overlap to compute (WGCNA's `TOMType`).
public enum TOMType: String, Sendable, Codable, CaseIterable {
    /// (l_ij + a_ij) / (min(k_i, k_j) + 1 - a_ij).
    case unsigned
    /// |l_ij + a_ij| / (min(k_i, k_j) + 1 - |a_ij|), with the adjacency of an unsigned network
    /// carrying the sign of the correlation.
    case signed
}

/// The genes x genes adjacency of a co-expression network, as WGCNA's C code forms it:
/// base(r)^power (``NetworkType/base(_:)``), or for a signed TOM on an unsigned network
/// sign(r) |r|^power.
enum Adjacency {
    /// `expression` is genes x samples; the result is genes x genes, row-major.
    static func matrix(_ expression: LabeledMatrix, networkType: NetworkType, power: Double, tomType: TOMType?) -> [Double] {
        var a = CorrelationEngine(method: .pearson, covariates: nil).correlate(expression, expression).r
        let keepSign = tomType == .signed && networkType == .unsigned
        a.withUnsafeMutableBufferPointer { a in
            Parallel.forEachChunk(a.count, minimumChunk: 1 << 16) { range in
                for i in range {
                    let r = a[i]
                    a[i] = keepSign ? (r.sign == .minus ? -1 : 1) * pow(abs(r), power) : pow(networkType.base(r), power)
                }
            }
        }
        return a
    }
}
