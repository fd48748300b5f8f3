import CaseAudit

/// One message of `COPY … TO STDOUT (FORMAT binary)`, its fields read in turn from the bytes
/// libpq hands over: a 16-bit field count, then each field as a 32-bit length (-1 for NULL)
/// and that many bytes, all big-endian. The first message also carries the format's header,
/// and the last is the trailer (a count of -1).
struct PGBinaryRow {
    private let message: UnsafeBufferPointer<UInt8>
    private var offset = 0

    init(_ message: UnsafeBufferPointer<UInt8>) { self.message = message }

    /// "PGCOPY\n\377\r\n\0": the header's first 11 bytes.
    private static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    /// Steps over the header (the signature, 32 bits of flags, and an extension of the length
    /// given next); false when the message does not start with one.
    mutating func skipHeader() -> Bool {
        guard message.count >= 19, message.prefix(11).elementsEqual(Self.signature) else { return false }
        offset = 15
        guard let extensionLength = integer(bytes: 4), extensionLength >= 0 else { return false }
        offset += Int(extensionLength)
        return offset <= message.count
    }

    /// Reads the field count: false for the trailer, or a message too short to be a row.
    mutating func begin() -> Bool {
        guard let count = integer(bytes: 2) else { return false }
        return count >= 0
    }

    /// The next field's bytes (nil for NULL, or past the message's end).
    mutating func bytes() -> UnsafeBufferPointer<UInt8>? {
        guard let length = integer(bytes: 4), length >= 0, offset + Int(length) <= message.count else { return nil }
        defer { offset += Int(length) }
        return UnsafeBufferPointer(rebasing: message[offset..<(offset + Int(length))])
    }

    /// The next field as a 32-bit integer (nil for NULL, or a field of another width).
    mutating func int32() -> Int32? {
        guard let field = bytes(), field.count == 4 else { return nil }
        return Int32(bitPattern: field.reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// The next field as text (nil for NULL).
    mutating func text() -> String? { bytes().map { String(decoding: $0, as: UTF8.self) } }

    /// The next field, interned by its bytes (nil for NULL).
    mutating func interned(_ interner: inout StringInterner) -> String? { bytes().map { interner.intern($0) } }

    /// A signed big-endian integer of 2 or 4 bytes at the current offset, which moves past it.
    private mutating func integer(bytes width: Int) -> Int32? {
        guard offset + width <= message.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<(offset + width) { value = value << 8 | UInt32(message[index]) }
        offset += width
        return width == 2 ? Int32(Int16(truncatingIfNeeded: value)) : Int32(bitPattern: value)
    }
}
