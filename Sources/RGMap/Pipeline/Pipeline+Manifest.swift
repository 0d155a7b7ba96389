extension Pipeline {
    /// The manifest of a run so far: how it was asked for, every input with its SHA-256,
    /// the sample matching and preprocessing, the enrichment's summary, steps and stages.
    func makeManifest(_ result: PipelineResult, context: RunContext) throws -> Manifest {
        var parameters = settings.record.parameters
        if let network = result.network { parameters["power-used"] = NumberText.text(network.power) }
        var manifest = Manifest(command: settings.record.command, parameters: parameters)
        manifest.settings = settings.record.settings
        // Every input path was hashed (wait() throws otherwise), so each lookup succeeds.
        let digests = try result.inputs.fingerprints.wait()
        for table in result.inputs.tables {
            manifest.addInput(role: table.role.rawValue, path: table.path, format: table.format, sha256: digests[table.path]!)
        }
        if let geneSets = result.inputs.geneSets {
            manifest.addInput(role: "gene-sets", path: geneSets.path, format: "GMT", sha256: digests[geneSets.path]!)
        }
        for (role, path) in result.enrichment?.files ?? [] {
            manifest.addInput(role: role, path: path, format: role, sha256: try SHA256.hexDigest(ofFileAt: path))
        }
        manifest.sampleMatching = result.inputs.cohort?.matching
        manifest.preprocessing = result.inputs.preprocessing
        manifest.enrichment = result.enrichment?.report
        manifest.steps = context.steps
        manifest.stages = context.stages.isEmpty ? nil : context.stages
        return manifest
    }

    /// The report's line about the map.
    static func mapFact(_ map: AssociationMap, settings: AssociationOptions, pairs: Int) -> String {
        "\(map.featureCount) features × \(map.geneCount) genes, \(settings.method.rawValue)"
            + (map.covariateColumns.isEmpty ? "" : ", adjusted for \(map.covariateColumns.joined(separator: ", "))")
            + "; \(pairs) pairs with q ≤ \(settings.maxQ) (\(settings.fdr.rawValue))"
    }

    /// The report's line about the network.
    static func networkFact(_ network: NetworkResult, genes: Int) -> String {
        "\(network.moduleCount) over \(genes) genes, power \(NumberText.text(network.power)), \(network.options.networkType.rawValue) network"
            + "; \(network.links?.hubs.count ?? 0) hub gene entries"
    }
}
