/// How sample IDs are compared across tables.
public enum IDNormalization: String, Sendable, CaseIterable, Codable {
    /// IDs must be equal as written.
    case exact
    /// TCGA barcodes cut to the participant (12 characters: `TCGA-XX-XXXX`).
    case tcgaPatient = "tcga-patient"
    /// TCGA barcodes cut to participant and sample type (15 characters: `TCGA-XX-XXXX-01`).
    case tcgaSample = "tcga-sample"

    /// The comparison key of `id`.
    ///
    /// In the TCGA modes, `.` and `_` read as `-` (R's `make.names` turns
    /// `TCGA-AB-1234` into `TCGA.AB.1234`) and letters are upper-cased before the
    /// barcode is cut. An ID that is not a TCGA barcode, or too short to cut, is
    /// kept exactly as written.
    public func key(for id: String) -> String {
        guard self != .exact else { return id }
        // TCGA barcodes: "TCGA-XX-XXXX" (participant, 12 characters) and "-01" (sample type, to 15).
        let length = self == .tcgaPatient ? 12 : 15
        var bytes = Array(id.utf8)
        guard bytes.count >= length else { return id }
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: "."), UInt8(ascii: "_"): bytes[i] = UInt8(ascii: "-")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes[i] -= 32
            default: break
            }
        }
        guard Self.looksLikeTCGABarcode(bytes, length: length) else { return id }
        return String(decoding: bytes[0..<length], as: UTF8.self)
    }

    /// `TCGA-XX-XXXX` (alphanumerics), followed for samples by `-NN` (digits).
    private static func looksLikeTCGABarcode(_ b: [UInt8], length: Int) -> Bool {
        func alnum(_ c: UInt8) -> Bool {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
        }
        func digit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
        let dash = UInt8(ascii: "-")
        guard b.starts(with: Array("TCGA-".utf8)), b[7] == dash,
              alnum(b[5]), alnum(b[6]), (8..<12).allSatisfy({ alnum(b[$0]) }) else { return false }
        if length == 15 { return b[12] == dash && digit(b[13]) && digit(b[14]) }
        return b.count == 12 || b[12] == dash
    }
}
