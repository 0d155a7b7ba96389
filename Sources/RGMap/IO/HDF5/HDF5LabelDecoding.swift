/// Turns the raw bytes of HDF5 string datasets into labels, refusing text that is not UTF-8
/// (``UTF8Check``).
enum HDF5LabelDecoding {
    /// A label whose bytes are not UTF-8.
    struct InvalidLabel: Error, Equatable {
        /// Index of the label in the dataset.
        var index: Int
        /// 0-based position of the first bad byte inside the label, and the byte.
        var offset: Int
        var byte: UInt8

        var message: String {
            String(format: "label %d has byte 0x%02X at position %d, which is not UTF-8: expected UTF-8 text", index + 1, byte, offset + 1)
        }
    }

    /// Fixed-length strings of `width` bytes each, null-terminated or null- or space-padded
    /// (HDF5's three padding kinds): each ends at its first null byte, trailing spaces dropped.
    /// A trailing partial element (fewer than `width` bytes) is ignored.
    /// - Throws: ``InvalidLabel`` for the first label that is not UTF-8.
    static func fixedWidth(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) throws -> [String] {
        guard width > 0 else { return [] }
        let count = bytes.count / width
        var labels: [String] = []
        labels.reserveCapacity(count)
        for index in 0..<count {
            var end = index * width
            let limit = end + width
            let start = end
            while end < limit && bytes[end] != 0 { end += 1 }
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            labels.append(try label(UnsafeBufferPointer(rebasing: bytes[start..<end]), index: index))
        }
        return labels
    }

    /// One label from its bytes (a variable-length string up to its null byte, or a fixed-width slot).
    /// - Throws: ``InvalidLabel``.
    static func label(_ bytes: UnsafeBufferPointer<UInt8>, index: Int) throws -> String {
        do {
            return try UTF8Check.decode(bytes)
        } catch {
            throw InvalidLabel(index: index, offset: error.offset, byte: error.byte)
        }
    }
}
