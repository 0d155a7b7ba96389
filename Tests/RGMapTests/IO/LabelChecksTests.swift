import Testing
@testable import RGMap

@Suite struct LabelChecksTests {
    @Test func acceptsUniqueLabels() throws {
        try LabelChecks.requireUnique(["a", "b", "A"], file: "t.tsv", what: "column label") { (1, $0 + 1) }
    }

    @Test func namesTheSecondOccurrenceAndTheFirstOnTheSameLine() {
        let error = inputError {
            try LabelChecks.requireUnique(["g", "S1", "S2", "S1", "S2"], file: "t.tsv", what: "column label") { (1, $0 + 1) }
        }
        #expect(error == InputError(file: "t.tsv", line: 1, column: 4,
                                    message: "duplicated column label 'S1' (also at column 2): labels must be unique"))
    }

    @Test func namesTheFirstOccurrencesLineWhenLabelsAreOnSeveralLines() {
        let lines = [2, 3, 5, 9]
        let error = inputError {
            try LabelChecks.requireUnique(["x", "y", "z", "y"], file: "t.tsv", what: "row label") { (lines[$0], 1) }
        }
        #expect(error?.line == 9 && error?.column == 1)
        #expect(error?.message == "duplicated row label 'y' (also at line 3): labels must be unique")
    }
}
