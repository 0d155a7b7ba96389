/// Reads the `gene` and `module` columns of a `network/modules.tsv` an earlier `rgmap modules` wrote.
public enum ModuleTableReader {
    /// Genes with their module numbers (0 = unassigned), in file order.
    public static func read(path: String) throws -> (genes: [String], modules: [Int]) {
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: Delimiter.tab.rawValue)
        let header = try reader.readHeader()
        guard header.count >= 2, header[0] == "gene", header[1] == "module" else {
            throw InputError(file: path, line: reader.lineNumber, column: 1, message: "expected a header starting gene<TAB>module")
        }
        var genes: [String] = [], modules: [Int] = []
        while try reader.next() {
            guard reader.fieldCount >= 2, let module = Int(reader.string(1)), module >= 0 else {
                throw InputError(file: path, line: reader.lineNumber, column: 2, message: "expected a module number (0 or more)")
            }
            genes.append(reader.string(0))
            modules.append(module)
        }
        return (genes, modules)
    }
}
