/// Simulated imaging features. A feature driven by modules is
/// f = sum(b_k e_k) + sqrt(1 - sum(b_k^2)) z, with b in [0.5, 0.85] (plus 0.3 on a
/// second module for four features); the others are noise. Ten features shift with
/// the scanner vendor, two with age. Each is then scaled to a plausible magnitude
/// for its PyRadiomics class.
enum FeatureSimulator {
    /// rgmap's design of the planted truth: 24 of 60 features driven by modules (loadings in
    /// [0.5, 0.85], strong enough to be found at q <= 0.05 with 150 patients), ten with a
    /// scanner shift of about a standard deviation (strength in [0.7, 1.3]) for the covariate
    /// examples, two with age (0.04 sd a year around the mean age 64). The example data depend
    /// on every number here, so they stay fixed.
    static let drivenFeatures = 24
    static let scannerShifts = ["GE": 0.0, "SIEMENS": 0.8, "Philips": -0.6]

    static func simulate(patients: [Int], ids: [String], eigengenes: [[Double]],
                         clinical: ClinicalSimulator.Clinical, modules: Int, missingCells: Int,
                         rng: inout RandomSource) -> ((header: [String], rows: [[String]]), [PlantedTruth.Feature]) {
        let names = PyRadiomicsNames.featureColumns()
        let order = rng.permutation(names.count)
        var truth = names.map { PlantedTruth.Feature(name: $0, drivers: [], scannerShift: [:]) }
        for (rank, f) in order.prefix(drivenFeatures).enumerated() {
            truth[f].drivers.append((rank % modules + 1, rng.uniform(0.5, 0.85)))
            if rank < 4 { truth[f].drivers.append(((rank + 4) % modules + 1, 0.3)) }
        }
        for f in order[20..<30] {
            let strength = rng.uniform(0.7, 1.3)
            truth[f].scannerShift = scannerShifts.mapValues { $0 * strength }
        }
        let ageDriven = Set(order[40..<42])

        var values = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: patients.count)
        for (f, feature) in truth.enumerated() {
            let explained = feature.drivers.reduce(0) { $0 + $1.loading * $1.loading }
            let noise = max(0.2, 1 - explained).squareRoot()  // at least a fifth of the variance is noise
            let (center, spread) = PyRadiomicsNames.scale(of: feature.name)
            for (i, patient) in patients.enumerated() {
                var z = noise * rng.normal()
                for driver in feature.drivers { z += driver.loading * eigengenes[driver.module - 1][patient] }
                z += feature.scannerShift[clinical.scanner[i]] ?? 0
                if ageDriven.contains(f) { z += 0.04 * (clinical.age[i] - 64) }
                values[i][f] = roundSignificant(center + spread * z, digits: 7)  // PyRadiomics' CSV shows about 7 digits
            }
        }
        var missing = Set<Int>()
        while missing.count < missingCells { missing.insert(rng.index(patients.count * names.count)) }

        let diagnosticsHeader = PyRadiomicsNames.diagnostics(voxelCount: 0, imageMean: 0, hash: "").map(\.0)
        let header = ["ID", "Image", "Mask"] + diagnosticsHeader + names
        let volumeColumn = names.firstIndex(of: "original_shape_VoxelVolume")
        let rows = ids.enumerated().map { i, id -> [String] in
            let volume = volumeColumn.map { values[i][$0] } ?? 20_000
            let hash = String((0..<40).map { _ in Array("0123456789abcdef")[rng.index(16)] })
            let diagnostics = PyRadiomicsNames.diagnostics(
                // 1.52587890625 mm^3 per voxel: the spacing 0.78125 x 0.78125 x 2.5 of the diagnostics;
                // an image mean around -420 HU, a lung CT's.
                voxelCount: Int(max(1, volume / 1.52587890625)), imageMean: roundSignificant(rng.normal(mean: -420, sd: 60), digits: 8),
                hash: hash).map(\.1)
            let cells = names.indices.map { f in missing.contains(i * names.count + f) ? "" : String(values[i][f]) }
            return [id, "images/\(id)/CT.nrrd", "images/\(id)/GTV.nrrd"] + diagnostics + cells
        }
        return ((header, rows), truth)
    }

    static func roundSignificant(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        let magnitude = Int((abs(value)).log10Floor)
        let scale = pow10(digits - 1 - magnitude)
        return (value * scale).rounded() / scale
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }
}

private extension Double {
    var log10Floor: Double {
        var exponent = 0.0
        var x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1 { x *= 10; exponent -= 1 }
        return exponent
    }
}
