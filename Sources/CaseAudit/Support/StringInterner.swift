#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives equal byte strings one shared String, looked up by the bytes themselves: a million
/// cases name a few hundred teams and a few thousand workers.
///
/// A `ByteIndex` and the String of each of its keys: a name seen before costs no allocation and no String.
public struct StringInterner {
    private var index = ByteIndex()
    private var texts: [String] = []

    public init() {}

    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        intern(UnsafeRawBufferPointer(bytes))
    }

    public mutating func intern(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { intern($0) }
    }

    /// The one copy of `text` (read in place: a native string's bytes are not copied to look it up).
    public mutating func intern(_ text: String) -> String {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    private mutating func intern(_ bytes: UnsafeRawBufferPointer) -> String {
        let (number, isNew) = index.number(bytes)
        if isNew { texts.append(String(decoding: bytes, as: UTF8.self)) }
        return texts[number]
    }

    /// A multiply-rotate hash over eight bytes at a time (names are 10 to 40 bytes; the table
    /// only needs a good spread, not resistance to chosen collisions).
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
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

    package static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
        return memcmp(leftStart, rightStart, left.count) == 0
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
