/// Pearson correlation of two short vectors without missing values (two-pass: means, then
/// centred products), for eigengene-sized work that does not warrant a matrix product.
enum VectorCorrelation {
    static func pearson<A: Collection<Double>, B: Collection<Double>>(_ a: A, _ b: B) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (u, v) in zip(a, b) {
            sab += (u - ma) * (v - mb)
            saa += (u - ma) * (u - ma)
            sbb += (v - mb) * (v - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }
}
