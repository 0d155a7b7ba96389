/// Finds where bytes stop being valid UTF-8, for error messages about labels.
enum UTF8Check {
    /// The offset and value of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, byte: UInt8)? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return (offset, bytes[offset])
            case .emptyInput: return nil
            }
        }
    }
}
