/// Average ranks (ties get the mean of their positions), as R's `rank(ties.method = "average")`.
enum Ranking {
    /// The indices of the present (non-NaN) values of `values[0..<count]`, sorted ascending
    /// by value (ties in index order).
    static func order(_ values: UnsafePointer<Double>, count: Int) -> [Int32] {
        var indices = (0..<Int32(count)).filter { !values[Int($0)].isNaN }
        indices.sort { a, b in
            let x = values[Int(a)], y = values[Int(b)]
            return x < y || (x == y && a < b)
        }
        return indices
    }

    /// Writes the average ranks (1-based) of the samples in `subset` into `ranks`, walking the
    /// precomputed ascending `order`; other positions get 0. Returns how many were ranked.
    /// O(n): restricting an existing order to a subset needs no new sort.
    @discardableResult
    static func averageRanks(_ values: UnsafePointer<Double>, order: [Int32], subset: UnsafePointer<Bool>?,
                             into ranks: UnsafeMutablePointer<Double>, count: Int) -> Int {
        ranks.update(repeating: 0, count: count)
        var position = 0
        var runStart = 0
        var run: [Int32] = []
        run.reserveCapacity(8)  // a run of ties is usually short; the array grows when it is not
        var previous = Double.nan
        func flush() {
            // Positions runStart+1 ... runStart+run.count share their mean rank.
            let rank = Double(2 * runStart + run.count + 1) / 2
            for index in run { ranks[Int(index)] = rank }
        }
        for index in order {
            if let subset, !subset[Int(index)] { continue }
            let value = values[Int(index)]
            if value != previous {
                if !run.isEmpty { flush() }
                run.removeAll(keepingCapacity: true)
                runStart = position
                previous = value
            }
            run.append(index)
            position += 1
        }
        if !run.isEmpty { flush() }
        return position
    }
}
