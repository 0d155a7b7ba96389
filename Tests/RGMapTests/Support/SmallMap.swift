@testable import RGMap

/// A hand-made association map of 2 features x 5 genes, for tests of what reads maps.
enum SmallMap {
    static let genes = ["A", "B", "C", "D", "E"]

    static func make() -> AssociationMap {
        // f1: A and B positive, C negative at q <= 0.05; f2: only D negative; E always NA.
        let r: [Double] = [0.9, 0.6, -0.7, 0.1, .nan,
                           0.2, -0.1, 0.05, -0.8, .nan]
        let p: [Double] = [1e-6, 1e-3, 1e-4, 0.5, .nan,
                           0.3, 0.6, 0.8, 1e-5, .nan]
        let q: [Double] = [1e-5, 4e-3, 5e-4, 0.6, .nan,
                           0.5, 0.7, 0.8, 1e-4, .nan]
        return AssociationMap(features: ["f1", "f2"], genes: genes, r: r, p: p, q: q, pairs: .constant(20),
                              options: AssociationOptions(), covariateColumns: ["age"], sampleCount: 20, warnings: [])
    }
}
