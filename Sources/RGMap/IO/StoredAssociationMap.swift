/// The association map an earlier run saved in `map/associations.h5`, with only the
/// matrices asked for read (the others are empty).
public struct StoredAssociationMap: Sendable {
    /// The per-pair matrices of the file.
    public enum Matrix: String, Sendable, CaseIterable {
        case r, p, q, n
    }

    public var features: [String]
    public var genes: [String]
    /// features x genes, row-major; empty when not read.
    public var r: [Double] = [], p: [Double] = [], q: [Double] = [], n: [Double] = []
    /// Covariate columns the map was adjusted for (they reduce the t statistic's degrees of freedom).
    public var covariateColumns: Int

    /// Reads the labels and the `matrices` asked for; each must have the features x genes shape.
    public static func read(path: String, matrices: Set<Matrix> = Set(Matrix.allCases)) throws -> StoredAssociationMap {
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            let features = try file.readLabels("/features"), genes = try file.readLabels("/genes")
            func matrix(_ which: Matrix) throws -> [Double] {
                guard matrices.contains(which) else { return [] }
                let name = "/" + which.rawValue
                let (rows, columns, values) = try file.readMatrix(name)
                guard rows == features.count, columns == genes.count else {
                    throw file.error(name, "is \(rows) x \(columns), expected \(features.count) features x \(genes.count) genes")
                }
                return values
            }
            let covariates = try file.stringAttribute("covariates", of: "/") ?? ""
            var map = StoredAssociationMap(features: features, genes: genes, covariateColumns: covariates.split(separator: ",").count)
            (map.r, map.p, map.q, map.n) = (try matrix(.r), try matrix(.p), try matrix(.q), try matrix(.n))
            return map
        }
    }
}
