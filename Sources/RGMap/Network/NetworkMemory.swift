/// How much memory building a network takes, so a run too big for the machine stops before
/// it starts instead of being killed hours in.
public enum NetworkMemory {
    /// Peak bytes of ``ModuleDetection``: for its largest block, the full adjacency (genes²
    /// values) and the packed TOM (genes² / 2) in the chosen precision; plus the expression
    /// and its standardized copy, and the soft-threshold table's correlation block (256 MiB).
    public static func peakBytes(genes: Int, samples: Int, precision: NetworkPrecision, maxBlockSize: Int?) -> UInt64 {
        let block = UInt64(min(genes, maxBlockSize ?? genes))
        let scalar: UInt64 = precision == .single ? 4 : 8  // bytes of a Float, a Double
        // Adjacency (1) + packed TOM (1/2) = 3/2 block^2 values; the expression and its
        // standardized copy, 2 x 8 bytes a value; the soft-threshold block, 2^25 doubles = 256 MiB
        // (``SoftThreshold``).
        return block * block * scalar * 3 / 2 + UInt64(genes) * UInt64(samples) * 16 + (256 << 20)
    }

    /// The largest block (genes in one network) whose peak fits in `available` bytes.
    public static func largestBlock(fitting available: UInt64, genes: Int, samples: Int, precision: NetworkPrecision) -> Int {
        var low = 0, high = genes
        while low < high {
            let middle = (low + high + 1) / 2
            if peakBytes(genes: genes, samples: samples, precision: precision, maxBlockSize: middle) <= available {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
