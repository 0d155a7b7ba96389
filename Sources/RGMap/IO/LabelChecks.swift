/// Checks on row, column and set labels shared by the loaders.
enum LabelChecks {
    /// Throws at the second occurrence of the first repeated label.
    /// `location` maps an index to its (line, column) in `file`.
    static func requireUnique(_ labels: [String], file: String, what: String,
                              location: (Int) -> (line: Int, column: Int)) throws {
        var firstIndex = [String: Int](minimumCapacity: labels.count)
        for (index, label) in labels.enumerated() {
            if let earlier = firstIndex.updateValue(index, forKey: label) {
                let here = location(index), there = location(earlier)
                let place = here.line == there.line ? "column \(there.column)" : "line \(there.line)"
                throw InputError(file: file, line: here.line, column: here.column,
                                 message: "duplicated \(what) \(label.quotedForMessage()) (also at \(place)): labels must be unique")
            }
        }
    }
}
