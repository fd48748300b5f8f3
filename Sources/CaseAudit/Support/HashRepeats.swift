/// Keys' hashes, kept as they come, and told at the end whether any two agree: a check for a
/// key given twice that costs a pass over an array, where an index looked up as each key
/// comes makes one read of memory nowhere near the last (a million case references: 0.19 s
/// of an import's reading, in `ByteIndex`, against about 20 ms here). Agreeing hashes do not
/// prove a repeat (two keys in a million share a 64-bit hash about once in thirty million
/// lists), so a caller told of one checks the keys themselves.
package struct HashRepeats {
    private var hashes: [UInt64] = []

    package init(capacity: Int) {
        hashes.reserveCapacity(capacity)
    }

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        hashes.append(UInt64(truncatingIfNeeded: ByteIndex.hash(bytes)))
    }

    /// Whether two of the keys added have the same hash. The hashes are dealt into buckets by
    /// their top bits, a few hundred to a bucket, and each bucket is sorted where it lies.
    package func mayRepeat() -> Bool {
        guard hashes.count > 1 else { return false }
        let bits = max(0, Int.bitWidth - hashes.count.leadingZeroBitCount - 8)
        let buckets = 1 << bits
        func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }
        // Where each bucket starts, then the hashes dealt into place.
        var starts = [Int](repeating: 0, count: buckets + 1)
        for hash in hashes { starts[bucket(hash) + 1] += 1 }
        for index in 0..<buckets { starts[index + 1] += starts[index] }
        var next = starts
        var dealt = [UInt64](repeating: 0, count: hashes.count)
        for hash in hashes {
            let target = bucket(hash)
            dealt[next[target]] = hash
            next[target] += 1
        }
        for index in 0..<buckets where starts[index + 1] - starts[index] > 1 {
            dealt[starts[index]..<starts[index + 1]].sort()
            for position in starts[index] + 1..<starts[index + 1] where dealt[position] == dealt[position - 1] {
                return true
            }
        }
        return false
    }
}
