/// The association map an earlier `rgmap map` saved in `map/associations.h5`.
public struct StoredAssociationMap: Sendable {
    public var features: [String]
    public var genes: [String]
    /// features x genes, row-major.
    public var r: [Double], p: [Double], q: [Double], n: [Double]
    /// Covariate columns the map was adjusted for (they reduce the t statistic's degrees of freedom).
    public var covariateColumns: Int

    /// Reads the file; every dataset must be present with the features x genes shape.
    public static func read(path: String) throws -> StoredAssociationMap {
        try HDF5Library.serialized {
            let file = try HDF5File(path: path)
            let features = try file.readLabels("/features"), genes = try file.readLabels("/genes")
            func matrix(_ name: String) throws -> [Double] {
                let (rows, columns, values) = try file.readMatrix(name)
                guard rows == features.count, columns == genes.count else {
                    throw file.error(name, "is \(rows) x \(columns), expected \(features.count) features x \(genes.count) genes")
                }
                return values
            }
            let covariates = try file.stringAttribute("covariates", of: "/") ?? ""
            return StoredAssociationMap(features: features, genes: genes, r: try matrix("/r"), p: try matrix("/p"), q: try matrix("/q"),
                                        n: try matrix("/n"), covariateColumns: covariates.split(separator: ",").count)
        }
    }
}
