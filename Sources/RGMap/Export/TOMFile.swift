import CHDF5

/// `network/tom.h5` (``NetworkSettings/saveTOM``): dataset `tom`, genes x genes in the network's precision
/// (float64, or float32 in single precision), 1 on the diagonal, and `genes`, the
/// network's genes in row order. Laid out by HDF5 (contiguous, aligned), the rows written
/// straight to their offset a block at a time from the packed triangle.
public enum TOMFile {
    public static func write(_ tom: NetworkTOM, genes: [String], to output: OutputDirectory, path: String = "network/tom.h5") throws {
        switch tom {
        case .double(let values): try write(values, genes: genes, to: output, path: path)
        case .single(let values): try write(values, genes: genes, to: output, path: path)
        }
    }

    static func write<Scalar: NetworkScalar>(_ tom: PackedLowerTriangle<Scalar>, genes: [String], to output: OutputDirectory,
                                             path: String) throws {
        let n = tom.count
        precondition(genes.count == n, "one name per gene of the TOM")
        try output.writeByName(path) { temporary in
            let offset = try HDF5Library.serialized { () -> Int in
                let writer = try HDF5Writer(path: temporary, alignment: DirectFileWriter.alignment)
                let type = Scalar.self == Double.self ? HDF5Library.nativeDouble : HDF5Library.nativeFloat
                let offset = try writer.reserveMatrix("/tom", rows: n, columns: n, fileType: type)
                try writer.writeStrings("/genes", genes)
                try writer.flush()
                return offset
            }
            try writeRows(tom, to: temporary, at: offset)
        }
    }

    /// The square matrix, a block of rows at a time, at `offset` of the laid-out file (closed on return).
    private static func writeRows<Scalar: NetworkScalar>(_ tom: PackedLowerTriangle<Scalar>, to path: String, at offset: Int) throws {
        let n = tom.count
        let data = try DirectFileWriter(path: path)
        let rowsPerBlock = max(1, min(n, (1 << 24) / max(n, 1)))
        var block = [Scalar](repeating: 0, count: rowsPerBlock * n)
        try tom.values.withUnsafeBufferPointer { packed in
            try block.withUnsafeMutableBufferPointer { block in
                var start = 0
                while start < n {
                    let end = min(n, start + rowsPerBlock)
                    fill(block.baseAddress!, rows: start..<end, from: packed.baseAddress!, count: n)
                    try data.write(UnsafeRawBufferPointer(start: block.baseAddress!, count: (end - start) * n * MemoryLayout<Scalar>.stride),
                                   at: offset + start * n * MemoryLayout<Scalar>.stride)
                    start = end
                }
            }
        }
    }

    /// Rows `rows` of the square matrix into `target`: the lower part from each row's packed
    /// run, the upper part from the runs of the rows below (read a segment at a time).
    private static func fill<Scalar: NetworkScalar>(_ target: UnsafeMutablePointer<Scalar>, rows: Range<Int>,
                                                    from packed: UnsafePointer<Scalar>, count n: Int) {
        for i in rows {
            let row = target + (i - rows.lowerBound) * n
            let run = packed + PackedLowerTriangle<Scalar>.offset(row: i)
            for j in 0..<i { row[j] = run[j] }
            row[i] = 1
        }
        for j in (rows.lowerBound + 1)..<n {
            let run = packed + PackedLowerTriangle<Scalar>.offset(row: j)
            for i in rows.lowerBound..<min(rows.upperBound, j) { target[(i - rows.lowerBound) * n + j] = run[i] }
        }
    }
}
