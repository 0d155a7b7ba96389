import Foundation
import Testing
@testable import RGMap
@testable import rgmap

/// Every setting the library's messages name is spelled as a flag some command takes.
@Suite struct FlagNamesTests {
    @Test func everySettingIsAFlagOfSomeCommand() throws {
        var flags = Set<String>()
        for command in DocumentationTests.commands { flags.formUnion(try DocumentationTests.flags(of: command).map { "--" + $0 }) }
        for setting in Setting.allCases {
            #expect(flags.contains(FlagNames.flag(setting)), "\(setting) is spelled \(FlagNames.flag(setting)), which no command takes")
        }
    }

    @Test func messagesAreRenderedWithFlags() {
        let message: Message = "\(setting: .samplesIn, "omics=rows") gives 0 shared sample IDs; check \(setting: .idNormalize)"
        #expect(FlagNames.render(message) == "--samples-in omics=rows gives 0 shared sample IDs; check --id-normalize")
    }
}
