/// Sorting positions by a score without generic closures: the generator runs in debug builds of
/// the tests, where a closure-based sort of a few thousand rows is the slowest thing it does.
enum Ordering {
    /// Positions `0..<values.count` in ascending order of value; ties keep position order.
    /// Values must be finite; fewer than 65,536 of them.
    static func ascending(_ values: [Double]) -> [Int] {
        precondition(values.count < 1 << 16, "too many values to order")
        var keys = [UInt64](repeating: 0, count: values.count)
        for position in 0..<values.count {
            let bits = values[position].bitPattern
            let sortable = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
            keys[position] = (sortable & ~0xFFFF) | UInt64(position)
        }
        sort(&keys, 0, keys.count - 1)
        var order = [Int](repeating: 0, count: keys.count)
        for index in 0..<keys.count { order[index] = Int(keys[index] & 0xFFFF) }
        return order
    }

    /// Positions in descending order of value; ties keep position order.
    static func descending(_ values: [Double]) -> [Int] {
        var negated = [Double](repeating: 0, count: values.count)
        for position in 0..<values.count { negated[position] = -values[position] }
        return ascending(negated)
    }

    private static func sort(_ keys: inout [UInt64], _ low: Int, _ high: Int) {
        var low = low
        var high = high
        while high - low > 16 {
            let pivot = keys[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while keys[i] < pivot { i += 1 }
                while keys[j] > pivot { j -= 1 }
                if i <= j {
                    keys.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller part, loop on the larger.
            if j - low < high - i {
                sort(&keys, low, j)
                low = i
            } else {
                sort(&keys, i, high)
                high = j
            }
        }
        if high <= low { return }
        for index in (low + 1)...high {
            let key = keys[index]
            var slot = index
            while slot > low && keys[slot - 1] > key {
                keys[slot] = keys[slot - 1]
                slot -= 1
            }
            keys[slot] = key
        }
    }
}
