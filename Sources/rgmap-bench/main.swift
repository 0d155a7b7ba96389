import Foundation
import RGMap

/// `make bench`: rgmap's speed against the tools users have today, measured in the
/// same run on the same files, printed as a table.
///
/// Usage: rgmap-bench [--python PATH] [--data DIR] [--runs N] [--only parse|map|modules|enrich]
let arguments = BenchArguments(CommandLine.arguments.dropFirst())
let table = BenchTable()
guard FileManager.default.changeCurrentDirectoryPath(arguments.repository) else { fatalError("no folder \(arguments.repository)") }
try FileManager.default.createDirectory(atPath: arguments.dataFolder, withIntermediateDirectories: true)

for variant in TableParseBenchmark.Variant.allCases where arguments.only == nil || arguments.only == "parse" {
    let benchmark = TableParseBenchmark(variant: variant, folder: arguments.dataFolder, runs: arguments.runs)
    try benchmark.prepare()
    table.add(try benchmark.run(python: arguments.python))
}
if arguments.only == nil || arguments.only == "map" {
    let map = MapBenchmark(folder: arguments.dataFolder)
    try map.prepare()
    try map.run(python: arguments.python, table: table)
}
if arguments.only == nil || arguments.only == "modules" {
    for genes in [5000, 20_000] {
        let modules = ModulesBenchmark(folder: arguments.dataFolder, genes: genes)
        try modules.prepare()
        try modules.run(table: table)
    }
}
if arguments.only == nil || arguments.only == "enrich" {
    let map = MapBenchmark(folder: arguments.dataFolder)
    try map.prepare()
    let enrichment = EnrichmentBenchmark(map: map, folder: arguments.dataFolder, python: arguments.python)
    try enrichment.prepare()
    try enrichment.run(table: table)
}
table.print()
