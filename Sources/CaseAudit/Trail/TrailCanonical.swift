internal import Crypto

/// The bytes an event is hashed over, the same on both stores (the server computes them in
/// SQL, `caseaudit_trail_hash`): each field in a fixed order, a missing one as `-`, any other as
/// its UTF-8 length in decimal, `:`, and its bytes, so no two events share an encoding.
/// `row_hash = SHA-256(prev_hash's 32 bytes ‖ canonical bytes)`.
public enum TrailCanonical {
    /// The previous hash of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The fields in hashing order.
    public static func fields(
        seq: Int64, at: String, actorLogin: String, actorID: String?, onBehalfOf: String?, action: String,
        entity: String, entityID: String?, payload: String, reason: String?
    ) -> [String?] {
        [String(seq), at, actorLogin, actorID, onBehalfOf, action, entity, entityID, payload, reason]
    }

    /// The canonical bytes of `event`, appended to `out`.
    public static func append(of event: TrailEvent, to out: inout [UInt8]) {
        for field in fields(
            seq: event.seq, at: event.at, actorLogin: event.actorLogin, actorID: event.actorID,
            onBehalfOf: event.onBehalfOf, action: event.action, entity: event.entity, entityID: event.entityID,
            payload: event.payload, reason: event.reason)
        {
            append(field, to: &out)
        }
    }

    /// A field's canonical form from its bytes (nil: missing), as a store reads them.
    public static func append(bytes field: UnsafeRawBufferPointer?, to out: inout [UInt8]) {
        guard let field else {
            out.append(UInt8(ascii: "-"))
            return
        }
        appendDecimal(field.count, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: field)
    }

    /// `value` in decimal digits, without making a string.
    public static func appendDecimal(_ value: some BinaryInteger, to out: inout [UInt8]) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = UInt64(value)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    static func append(_ field: String?, to out: inout [UInt8]) {
        guard let field else {
            out.append(UInt8(ascii: "-"))
            return
        }
        appendDecimal(field.utf8.count, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: field.utf8)
    }

    /// The sequence number's field: its decimal digits, as a field.
    public static func appendNumber(_ value: Int64, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        appendDecimal(value, to: &digits)
        appendDecimal(digits.count, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: digits)
    }

    /// The hash an event with these fields has after `prevHash` (hex).
    public static func hash(prevHash: String, fields: [String?]) -> String {
        var bytes: [UInt8] = []
        for field in fields { append(field, to: &bytes) }
        return hash(prevHash: prevHash, canonical: bytes)
    }

    public static func hash(prevHash: String, canonical: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: HexBytes.decode(prevHash) ?? [])
        hasher.update(data: canonical)
        return HexBytes.encode(hasher.finalize())
    }
}

/// Lower-case hexadecimal, both ways.
public enum HexBytes {
    static let digits = Array("0123456789abcdef".utf8)
    /// Each byte's value as a hex digit, 0xff for a byte that is not one.
    static let table: [UInt8] = (0..<256).map { byte in value(UInt8(byte)) ?? 0xff }

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil unless `text` is an even number of hex digits.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
