import ArgumentParser
import Foundation

/// A command whose stage is not built yet: it says so in one line and exits 2,
/// writing nothing, whatever arguments it is given.
protocol PendingStageCommand: ParsableCommand {
    static var stage: String { get }
}

extension PendingStageCommand {
    func run() throws {
        let name = Self.configuration.commandName ?? "command"
        FileHandle.standardError.write(Data("rgmap \(name): \(Self.stage) is not built yet in rgmap \(RGMapCommand.configuration.version); nothing was written\n".utf8))
        throw ExitCode(2)
    }
}

struct RunCommand: PendingStageCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "The whole pipeline into one output folder (not built yet).")
    static let stage = "the whole pipeline (map, modules, enrichment, report)"
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
}
