import Foundation

/// The record of one run, written as `manifest.json` in the output folder:
/// what ran, on which inputs (with SHA-256), with which parameters, how samples
/// were matched, and how long and how much memory each step took.
public struct Manifest: Codable, Sendable {
    /// An input file and its fingerprint.
    public struct Input: Codable, Sendable, Equatable {
        public var role: String
        public var path: String
        public var format: String
        public var bytes: Int
        public var sha256: String
    }

    /// Time and memory of one step of the run.
    public struct Step: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double
        /// Peak resident memory of the process up to the end of this step.
        public var peakMemoryMB: Double

        public init(name: String, seconds: Double, peakMemoryMB: Double) {
            (self.name, self.seconds, self.peakMemoryMB) = (name, seconds, peakMemoryMB)
        }
    }

    /// A stage of the run and the files it wrote (paths relative to the output folder).
    /// A stage that failed wrote none: its files are removed when it fails.
    public struct StageRecord: Codable, Sendable, Equatable {
        public var name: String
        public var finished: Bool
        public var files: [String]

        public init(name: String, finished: Bool, files: [String]) {
            (self.name, self.finished, self.files) = (name, finished, files)
        }
    }

    /// The numeric libraries the run used.
    public struct Environment: Codable, Sendable, Equatable {
        public var blasCore: String
        public var blasThreads: Int
        public var blasConfiguration: String
        public var hdf5Version: String
    }

    /// The value of one setting: one string, or the values of a repeatable flag.
    public enum Setting: Codable, Sendable, Equatable {
        case one(String)
        case many([String])

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(String.self) { self = .one(value) } else { self = .many(try container.decode([String].self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let value): try container.encode(value)
            case .many(let values): try container.encode(values)
            }
        }
    }

    public var tool = "rgmap"
    public var version = RGMapVersion.current
    public var command: [String]
    public var parameters: [String: String]
    /// Every setting of the run by the name its front end gives it (defaults included,
    /// except where results go): the command line replays a run from them.
    public var settings: [String: Setting]?
    public var inputs: [Input] = []
    public var sampleMatching: SampleMatchReport?
    public var preprocessing: PreprocessReport?
    public var enrichment: EnrichmentReport?
    public var steps: [Step] = []
    /// The stages in the order they ran; nil in manifests of runs without stages (inspect).
    public var stages: [StageRecord]?
    /// Why the run stopped early, as the user was told; nil for a run that finished.
    public var failure: String?
    public var environment: Environment

    public init(command: [String], parameters: [String: String]) {
        self.command = command
        self.parameters = parameters
        environment = Environment(blasCore: BLASRuntime.coreName, blasThreads: Parallel.threads,
                                  blasConfiguration: BLASRuntime.configuration, hdf5Version: HDF5Library.version)
    }

    /// Records an input file with its size and SHA-256.
    public mutating func addInput(role: String, path: String, format: String, sha256: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        inputs.append(Input(role: role, path: path, format: format, bytes: bytes, sha256: sha256))
    }


    /// Pretty-printed JSON with sorted keys, so equal manifests are equal bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// Peak memory of this process.
public enum ProcessMemory {
    /// Peak resident set size so far, in MiB (`getrusage` reports KiB on Linux).
    public static var peakResidentMB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// The version of rgmap.
public enum RGMapVersion {
    public static let current = "0.1.0"
}
