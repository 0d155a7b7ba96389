/// Simulates the bundled example cohort: patients with PyRadiomics-style CT
/// features, log2 expression with planted co-expression modules drawn from real
/// GO Biological Process sets, a MAF whose driver mutations shift modules, and
/// covariates with a scanner batch effect. Deterministic for a given seed and GMT.
public enum ExampleCohortSimulator {
    /// Simulates a cohort; module genes are drawn from `geneSets` (GO Biological Process sets).
    public static func simulate(_ options: SimulationOptions, geneSets: GeneSetCollection) throws -> SimulatedCohort {
        var rng = RandomSource(seed: options.seed)
        let patients = PatientRoster(options, rng: &rng)
        var moduleRNG = rng.split(1)
        let choice = try ModuleSelection.choose(from: geneSets, sizes: options.moduleSizes,
                                                totalGenes: options.genes, rng: &moduleRNG)
        var mutationRNG = rng.split(2)
        let mutated = drawMutations(patients.all.count, rng: &mutationRNG)
        var eigenRNG = rng.split(3)
        let eigengenes = drawEigengenes(modules: choice.modules.count, patients: patients.all.count,
                                        mutated: mutated, rng: &eigenRNG)
        var expressionRNG = rng.split(4)
        let (omics, loadings) = ExpressionSimulator.simulate(
            genes: choice.genes, modules: choice.modules.map(\.genes), eigengenes: eigengenes,
            samples: patients.profiled, sampleIDs: patients.profiled.map(patients.rnaBarcode),
            missingCells: options.missingOmicsCells, rng: &expressionRNG)
        var clinicalRNG = rng.split(5)
        let clinical = ClinicalSimulator.simulate(patients.imaged, ids: patients.imaged.map { patients.ids[$0] },
                                                  rng: &clinicalRNG)
        var featureRNG = rng.split(6)
        let (featureTable, featureTruth) = FeatureSimulator.simulate(
            patients: patients.imaged, ids: patients.imaged.map { patients.ids[$0] }, eigengenes: eigengenes,
            clinical: clinical, modules: choice.modules.count, missingCells: options.missingFeatureCells,
            rng: &featureRNG)
        var mafRNG = rng.split(7)
        let maf = MAFSimulator.simulate(patients: patients.sequenced, mutated: mutated,
                                        barcode: patients.dnaBarcode, rng: &mafRNG)

        let modules = choice.modules.enumerated().map { index, module in
            let driver = MutationCatalog.moduleDrivers.first { $0.module == index + 1 }
            return PlantedTruth.Module(number: index + 1, goID: geneSets.names[module.set],
                                       goTerm: geneSets.descriptions[module.set], genes: module.genes,
                                       driverMutation: driver?.gene, mutationShift: driver?.shift ?? 0)
        }
        return SimulatedCohort(featureTable: featureTable, omics: omics, maf: maf,
                               covariates: clinical.table,
                               truth: PlantedTruth(modules: modules, geneLoadings: loadings, features: featureTruth))
    }

    /// Per patient, whether each catalog gene is mutated (by its frequency).
    private static func drawMutations(_ patients: Int, rng: inout RandomSource) -> [[Bool]] {
        (0..<patients).map { _ in MutationCatalog.genes.map { rng.bernoulli($0.frequency) } }
    }

    /// Module eigengenes (module x patient): standard normal, shifted in patients
    /// carrying the module's driver mutation.
    private static func drawEigengenes(modules: Int, patients: Int, mutated: [[Bool]],
                                       rng: inout RandomSource) -> [[Double]] {
        (0..<modules).map { m in
            let driver = MutationCatalog.moduleDrivers.first { $0.module == m + 1 }
            let geneIndex = driver.flatMap { d in MutationCatalog.genes.firstIndex { $0.symbol == d.gene } }
            return (0..<patients).map { p in
                var value = rng.normal()
                if let driver, let geneIndex, mutated[p][geneIndex] { value += driver.shift }
                return value
            }
        }
    }
}

/// Patient IDs and which data each patient has.
struct PatientRoster {
    /// TCGA-style participant barcodes (12 characters), all patients.
    var ids: [String]
    /// Per-patient plate codes used in the sample barcodes.
    private var plates: [String]
    var imaged: [Int]
    var profiled: [Int]
    var sequenced: [Int]
    var all: Range<Int> { ids.indices }

    init(_ options: SimulationOptions, rng: inout RandomSource) {
        let total = options.imagedPatients + options.unimagedProfiles
        let sites = ["RG", "RH", "RJ"]
        let numbers = rng.permutation(900).prefix(total).map { $0 + 100 }  // distinct 3-digit participant numbers, 100-999
        ids = (0..<total).map { "TCGA-\(sites[$0 % sites.count])-A\(numbers[$0])" }.sorted()
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        plates = (0..<total).map { _ in String((0..<3).map { _ in alphabet[rng.index(alphabet.count)] }) }
        let order = rng.permutation(total)
        let unimaged = Set(order.prefix(options.unimagedProfiles))
        let imagedList = (0..<total).filter { !unimaged.contains($0) }
        let profiledImaged = Set(rng.permutation(imagedList.count).prefix(options.profiledPatients).map { imagedList[$0] })
        let profiledImagedList = imagedList.filter(profiledImaged.contains)
        let sequencedSet = Set(rng.permutation(profiledImagedList.count).prefix(options.sequencedPatients)
            .map { profiledImagedList[$0] })
        // One imaged patient without expression data is sequenced too, so the MAF has an unmatched sample.
        let extra = imagedList.first { !profiledImaged.contains($0) }
        imaged = imagedList
        profiled = (0..<total).filter { profiledImaged.contains($0) || unimaged.contains($0) }
        sequenced = (0..<total).filter { sequencedSet.contains($0) || $0 == extra }
    }

    /// RNA aliquot barcode, as GDC expression files name their samples.
    func rnaBarcode(_ patient: Int) -> String { "\(ids[patient])-01A-11R-A\(plates[patient])-07" }
    /// DNA aliquot barcode, as MAF files name their tumour samples.
    func dnaBarcode(_ patient: Int) -> String { "\(ids[patient])-01A-11D-A\(plates[patient])-08" }
}
