/// An append-only buffer of `Double` for hot parsing loops: no per-append
/// uniqueness or bounds checks, geometric growth, handed over as an `Array` once.
struct DoubleAccumulator: ~Copyable {
    private var storage: UnsafeMutablePointer<Double>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always)
    mutating func append(_ value: Double) {
        if count == capacity { grow(to: capacity * 2) }
        storage[count] = value
        count += 1
    }

    /// Makes room for at least `total` values without further growth.
    mutating func reserve(_ total: Int) {
        if total > capacity { grow(to: total) }
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    /// The values as an array (one copy).
    consuming func toArray() -> [Double] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }
}
