import ArgumentParser
import RGMap

@main
struct RGMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rgmap",
        abstract: "Radiogenomic association engine: imaging features x genes, co-expression modules, hubs, enrichment.",
        version: RGMapVersion.current,
        subcommands: [
            InspectCommand.self, MapCommand.self, ModulesCommand.self, EnrichCommand.self,
            RunCommand.self, DemoCommand.self, SimulateCommand.self,
        ]
    )

    static func main() {
        BLASKernelSelection.reexecWithFasterKernelIfAvailable()
        Interruption.install()
        do {
            let arguments = try ConfigExpansion.expand(Array(CommandLine.arguments.dropFirst()),
                                                       subcommands: configuration.subcommands)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: Console.translate(error))
        }
    }
}
