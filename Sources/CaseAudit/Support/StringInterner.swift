/// Gives equal byte strings one shared String, looked up by the bytes themselves: a million
/// cases name a few hundred teams and a few thousand workers.
public struct StringInterner {
    private var known: [ByteKey: String] = [:]

    public init() {}

    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let key = ByteKey(ArraySlice(bytes))
        if let text = known[key] { return text }
        let text = String(decoding: bytes, as: UTF8.self)
        known[key] = text
        return text
    }

    public mutating func intern(_ bytes: ArraySlice<UInt8>) -> String {
        let key = ByteKey(bytes)
        if let text = known[key] { return text }
        let text = String(decoding: bytes, as: UTF8.self)
        known[key] = text
        return text
    }
}

/// A slice of bytes as a dictionary key, hashed in one call rather than byte by byte.
struct ByteKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.elementsEqual(rhs.bytes)
    }
}
