import Foundation

/// Command-line settings of the benchmark driver.
struct BenchArguments {
    var python = ".venv/bin/python"
    var dataFolder = ".build/bench-data"
    var runs = 3
    /// Run one group of benchmarks only (parse, map, modules or enrich).
    var only: String?
    /// The repository root (the current folder when run by `make bench`).
    var repository = FileManager.default.currentDirectoryPath

    init<S: Sequence>(_ arguments: S) where S.Element == String {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { fatalError("\(flag) needs a value") }
            switch flag {
            case "--python": python = value
            case "--data": dataFolder = value
            case "--runs": runs = Int(value) ?? runs
            case "--only":
                guard ["parse", "map", "modules", "enrich"].contains(value) else { fatalError("--only takes parse, map, modules or enrich") }
                only = value
            default: fatalError("unknown option \(flag); use --python PATH, --data DIR, --runs N, --only parse|map|modules|enrich")
            }
        }
    }
}
