import Testing
@testable import RGMap

@Suite struct InputErrorTests {
    @Test func rendersFileLineColumnOrObjectThenTheMessage() {
        let located = InputError(file: "t.tsv", line: 3, column: 2, value: "2.5x", message: "expected a number, found '2.5x'")
        #expect(located.description == "t.tsv:3:2: expected a number, found '2.5x'" && located.value == "2.5x")
        #expect(InputError(file: "t.tsv", line: 1, message: "header only").description == "t.tsv:1: header only")
        #expect(InputError(file: "t.tsv", message: "empty file").description == "t.tsv: empty file")
        let hdf5 = InputError(file: "x.h5", object: "/matrix", message: "no such dataset (give the matrix with \(setting: .dataset, "MATRIX"))")
        #expect(hdf5.rendered { "--" + $0.rawValue } == "x.h5: /matrix: no such dataset (give the matrix with --dataset MATRIX)")
        #expect(hdf5.description == "x.h5: /matrix: no such dataset (give the matrix with dataset MATRIX)")
    }
}
