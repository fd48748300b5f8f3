#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers byte strings in the order they are first seen, looked up by the bytes themselves:
/// an open-addressing table keyed by a word-at-a-time hash, the keys kept end to end in one
/// buffer and compared in place. A caller keeps what goes with each number in an array of its
/// own. Reading a million-row case list asks it four times a row (the reference: seen before?;
/// the case type's spelling; the team's and the worker's names), where a Dictionary keyed by
/// String or by a byte slice hashed every key with SipHash and allocated a String to ask.
package struct ByteIndex {
    private struct Entry {
        let hash: Int
        let offset: Int
        let count: Int
    }

    /// Every key's bytes, end to end.
    private var keys: [UInt8] = []
    private var entries: [Entry] = []
    /// Indices into `entries`, -1 for empty; the count is a power of two, at most half full.
    private var slots: [Int32]

    /// An index that holds `capacity` keys before it grows.
    package init(capacity: Int = 128) {
        var count = 256
        while count < capacity * 2 { count *= 2 }
        slots = [Int32](repeating: -1, count: count)
        entries.reserveCapacity(capacity)
    }

    /// How many keys it holds.
    package var count: Int { entries.count }

    /// The number of `bytes`, and whether they are new (numbered by this call: `count` before it).
    package mutating func number(_ bytes: UnsafeRawBufferPointer) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = hash & mask
        let found = keys.withUnsafeBytes { stored -> Int? in
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                let entry = entries[index]
                if entry.hash == hash, entry.count == bytes.count,
                    Self.equal(
                        UnsafeRawBufferPointer(rebasing: stored[entry.offset..<entry.offset + entry.count]), bytes)
                {
                    return index
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
        if let found { return (found, false) }
        let number = entries.count
        slots[slot] = Int32(number)
        entries.append(Entry(hash: hash, offset: keys.count, count: bytes.count))
        keys.append(contentsOf: bytes)
        if entries.count * 2 > slots.count { grow() }
        return (number, true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = entry.hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A multiply-rotate hash over eight bytes at a time (names are 10 to 40 bytes; the table
    /// only needs a good spread, not resistance to chosen collisions).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = ((hash ^ word) &* 0x9e37_79b9_7f4a_7c15).rotatedLeft(by: 31)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9e37_79b9_7f4a_7c15
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
        return memcmp(leftStart, rightStart, left.count) == 0
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
