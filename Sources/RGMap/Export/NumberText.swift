/// Numbers as rgmap's tables write them: Swift's shortest round-trip form, `NA` for NaN.
public enum NumberText {
    @inline(__always)
    static func append(_ value: Double, to buffer: inout [UInt8]) {
        var text = self.text(value)
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    public static func text(_ value: Double) -> String { value.isNaN ? "NA" : value.description }

    @inline(__always)
    static func append(_ value: Int, to buffer: inout [UInt8]) {
        var text = String(value)
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    static func append(_ text: String, to buffer: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { buffer.append(contentsOf: $0) }
    }
}
