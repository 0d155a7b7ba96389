import Testing
@testable import RGMap

/// Reading back `map/associations.h5`: only the matrices asked for, with their labels and the
/// number of covariate columns.
@Suite struct StoredAssociationMapTests {
    static let features = ["f1", "f2"], genes = ["g1", "g2", "g3"]
    static let r: [Double] = [0.5, -0.25, .nan, 1, 0, -1]

    /// A file laid out as rgmap writes it, `p` of the given shape, `covariates` as the root attribute.
    static func file(pShape: (Int, Int) = (2, 3), covariates: String? = "age,scanner=B") throws -> String {
        let path = Fixtures.scratchFolder() + "/associations.h5"
        try HDF5Library.serialized {
            let writer = try HDF5Writer(path: path)
            try writer.writeStrings("/features", features)
            try writer.writeStrings("/genes", genes)
            try writer.writeMatrix("/r", LabeledMatrix(rowLabels: features, columnLabels: genes, values: r))
            let p = LabeledMatrix(rowLabels: (0..<pShape.0).map { "\($0)" }, columnLabels: (0..<pShape.1).map { "\($0)" },
                                  values: (0..<(pShape.0 * pShape.1)).map { Double($0) / 10 })
            try writer.writeMatrix("/p", p)
            try writer.writeMatrix("/q", LabeledMatrix(rowLabels: features, columnLabels: genes, values: [0.1, 0.2, .nan, 0, 1, 0]))
            try writer.writeConstantMatrix("/n", rows: 2, columns: 3, value: 12)
            if let covariates { try writer.setAttribute("covariates", of: "/", string: covariates) }
        }
        return path
    }

    @Test func readsOnlyTheMatricesAskedFor() throws {
        let map = try StoredAssociationMap.read(path: try Self.file(), matrices: [.r, .n])
        #expect(map.features == Self.features && map.genes == Self.genes)
        #expect(sameValues(map.r, Self.r) && map.n == [Double](repeating: 12, count: 6))
        #expect(map.p.isEmpty && map.q.isEmpty)
        #expect(map.covariateColumns == 2)
        let all = try StoredAssociationMap.read(path: try Self.file())
        #expect(all.p == [0, 0.1, 0.2, 0.3, 0.4, 0.5] && sameValues(all.q, [0.1, 0.2, .nan, 0, 1, 0]))
    }

    @Test func countsCovariateColumnsFromTheRootAttribute() throws {
        #expect(try StoredAssociationMap.read(path: try Self.file(covariates: ""), matrices: []).covariateColumns == 0)
        #expect(try StoredAssociationMap.read(path: try Self.file(covariates: nil), matrices: []).covariateColumns == 0)
        #expect(try StoredAssociationMap.read(path: try Self.file(covariates: "batch"), matrices: []).covariateColumns == 1)
    }

    @Test func refusesAMatrixOfAnotherShapeOnlyWhenItIsRead() throws {
        let path = try Self.file(pShape: (3, 2))
        let error = inputError { _ = try StoredAssociationMap.read(path: path, matrices: [.p]) }
        #expect(error?.object == "/p" && error?.message == "is 3 x 2, expected 2 features x 3 genes")
        #expect(try StoredAssociationMap.read(path: path, matrices: [.r, .q]).q.count == 6)
    }

    @Test func readsWhatTheMapWrites() throws {
        // The tiny fixture: pairs over 2, 3 and 4 samples, so n is a stored matrix.
        let map = try AssociationMapper.map(try RFixtures.cohort("tiny"), options: AssociationOptions())
        let output = try OutputDirectory(path: Fixtures.scratchFolder(), force: true)
        let file = try AssociationMatrixFile(output: output)
        try file.finish(map)
        let stored = try StoredAssociationMap.read(path: output.path + "/map/associations.h5")
        #expect(stored.features == map.features && stored.genes == map.genes)
        #expect(sameValues(stored.r, map.r) && sameValues(stored.p, map.p) && sameValues(stored.q, map.q))
        #expect(stored.n == (0..<map.r.count).map { Double(map.pairs[$0]) } && stored.covariateColumns == 0)
    }
}
