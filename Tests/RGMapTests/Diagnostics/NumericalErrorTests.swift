import Testing
@testable import RGMap

@Suite struct NumericalErrorTests {
    @Test func saysWhichRoutineFailedHowAndForWhat() {
        #expect(NumericalError(routine: "dsyevr", status: 3, purpose: "the eigengene of module 2").description
                == "the eigengene of module 2: LAPACK dsyevr failed (info 3, did not converge or is singular)")
        #expect(NumericalError(routine: "dgeqp3", status: -4, purpose: "the QR factor").description
                == "the QR factor: LAPACK dgeqp3 failed (info -4, argument 4 illegal)")
    }

    @Test func checkPassesZeroAndThrowsAnythingElse() throws {
        try NumericalError.check(0, "dorgqr", "unused")
        let error = try #require(throws: NumericalError.self) { try NumericalError.check(-1010, "dorgqr", "the basis") }
        #expect(error.routine == "dorgqr" && error.status == -1010 && error.purpose == "the basis")
    }
}
