#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers byte strings in the order they are first seen, looked up by the bytes themselves:
/// an open-addressing table keyed by a word-at-a-time hash, the keys kept end to end in one
/// buffer and compared in place. A caller keeps what goes with each number in an array of its
/// own. Reading a million-row case list asks it three times a row (the case type's spelling;
/// the team's and the worker's names; and the reference, seen before?, only when `HashRepeats`
/// suspects a repeat), where a Dictionary keyed by String or by a byte slice hashed every key
/// with SipHash and allocated a String to ask.
package struct ByteIndex {
    private struct Entry {
        let offset: Int
        let count: Int
    }

    /// Every key's bytes, end to end.
    private var keys: [UInt8] = []
    private var entries: [Entry] = []
    /// One word a slot, 0 for empty: the key's number plus one in the low half, the top half of
    /// its hash in the high half. A probe compares the hash here and reads the entry and its
    /// bytes only when the hashes agree, so a key not yet seen (most references of a case
    /// list) costs one read of the table, not three reads from three places in memory. The
    /// count is a power of two, at most half full.
    private var slots: [UInt64]

    /// An index that holds `capacity` keys before it grows.
    package init(capacity: Int = 128) {
        var count = 256
        while count < capacity * 2 { count *= 2 }
        slots = [UInt64](repeating: 0, count: count)
        entries.reserveCapacity(capacity)
    }

    /// How many keys it holds.
    package var count: Int { entries.count }

    /// The number of `bytes`, and whether they are new (numbered by this call: `count` before it).
    package mutating func number(_ bytes: UnsafeRawBufferPointer) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        let tag = Self.tag(hash)
        let mask = slots.count - 1
        var slot = hash & mask
        let found = keys.withUnsafeBytes { stored in
            entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeBufferPointer { slots -> Int? in
                    while slots[slot] != 0 {
                        let word = slots[slot]
                        if word & Self.tagMask == tag {
                            let index = Int(word & 0xFFFF_FFFF) - 1
                            let entry = entries[index]
                            if entry.count == bytes.count,
                                Self.equal(
                                    UnsafeRawBufferPointer(rebasing: stored[entry.offset..<entry.offset + entry.count]),
                                    bytes)
                            {
                                return index
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return (found, false) }
        let number = entries.count
        slots[slot] = tag | UInt64(number + 1)
        entries.append(Entry(offset: keys.count, count: bytes.count))
        keys.append(contentsOf: bytes)
        if entries.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The number of a string's UTF-8 bytes, read in place when the string keeps them together.
    package mutating func number(_ text: String) -> (number: Int, isNew: Bool) {
        text.utf8.withContiguousStorageIfAvailable { number(UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes { number($0) }
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// What a slot keeps of a key's hash: its top half.
    private static func tag(_ hash: Int) -> UInt64 { UInt64(truncatingIfNeeded: hash) & tagMask }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        keys.withUnsafeBytes { stored in
            for (index, entry) in entries.enumerated() {
                let hash = Self.hash(
                    UnsafeRawBufferPointer(rebasing: stored[entry.offset..<entry.offset + entry.count]))
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Self.tag(hash) | UInt64(index + 1)
            }
        }
    }

    /// A folded-multiply hash over eight bytes at a time (the full 128-bit product of the state
    /// and a constant, its halves xored): every bit of a word reaches every bit of the hash.
    /// Names and references are 4 to 40 bytes; the index only needs a good spread, not
    /// resistance to chosen collisions. (A multiply-rotate hash before it, whose products
    /// carried a word's top byte no lower, gave two of the first 80,000 references of the
    /// benchmarks' case list the same hash.)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        func folded(_ value: UInt64, _ constant: UInt64) -> UInt64 {
            let product = value.multipliedFullWidth(by: constant)
            return product.high ^ product.low
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = folded(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0x9e37_79b9_7f4a_7c15)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return Int(truncatingIfNeeded: folded(hash ^ tail, 0xbf58_476d_1ce4_e5b9))
    }

    static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
        return memcmp(leftStart, rightStart, left.count) == 0
    }
}
