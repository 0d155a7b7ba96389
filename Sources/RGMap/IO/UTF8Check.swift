/// Labels must be UTF-8 exactly: a repaired label would no longer match the same sample or
/// gene in another table. Shared by the text readers and the HDF5 label decoder.
enum UTF8Check {
    /// The first byte that starts an invalid UTF-8 sequence, and its 0-based position.
    struct InvalidByte: Error, Equatable {
        var offset: Int
        var byte: UInt8
    }

    /// `bytes` as a string.
    /// - Throws: ``InvalidByte`` when they are not UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidByte) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw firstInvalidByte(in: bytes)!
    }

    /// The first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> InvalidByte? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return InvalidByte(offset: offset, byte: bytes[offset])
            case .emptyInput: return nil
            }
        }
    }
}
