/// Gives equal byte strings one shared String, looked up by the bytes themselves: a million
/// cases name a few hundred teams and a few thousand workers.
///
/// A `ByteIndex` and the String of each of its keys: a name seen before costs no allocation
/// and no String.
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
}
