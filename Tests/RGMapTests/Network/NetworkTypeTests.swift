import Testing
@testable import RGMap

/// ``NetworkType``: WGCNA's adjacency bases |r|, (1 + r)/2 and max(r, 0) (`adjacency`'s
/// "unsigned", "signed" and "signed hybrid"), by hand.
@Suite struct NetworkTypeTests {
    @Test func basesAreWGCNAs() {
        let r: [Double] = [-1, -0.5, 0, 0.25, 1]
        #expect(r.map(NetworkType.unsigned.base) == [1, 0.5, 0, 0.25, 1])
        #expect(r.map(NetworkType.signed.base) == [0, 0.25, 0.5, 0.625, 1])
        #expect(r.map(NetworkType.signedHybrid.base) == [0, 0, 0, 0.25, 1])
    }

    @Test func missingCorrelationsStayMissing() {
        #expect(NetworkType.allCases.allSatisfy { $0.base(.nan).isNaN })
    }

    @Test func namesAreTheCommandLineValues() {
        #expect(NetworkType.allCases.map(\.rawValue) == ["unsigned", "signed", "signed-hybrid"])
        #expect(NetworkType(rawValue: "signed-hybrid") == .signedHybrid && NetworkType(rawValue: "signed hybrid") == nil)
    }
}
