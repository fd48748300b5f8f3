import CaseAudit

/// The two encodings council exports arrive in: UTF-8 (with or without a byte-order mark) and
/// Windows-1252 (Excel's "CSV" on Windows).
enum TextEncoding {
    /// Whether the bytes are UTF-8. Every byte of a character of more than one byte has its high
    /// bit set, so the text is UTF-8 when each run of such bytes is: ASCII is skipped four words
    /// at a time and only the runs are decoded. (Decoding every byte once any was not ASCII took a
    /// million-row export with one "ë" 65–120 ms, against 14 ms for the same file in ASCII;
    /// now 5 and 6 ms.)
    static func isValidUTF8(_ bytes: [UInt8], from start: Int = 0) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = start
            while let first = firstNonASCII(in: raw, from: offset) {
                var end = first + 1
                while end < raw.count, raw[end] >= 0x80 { end += 1 }
                var run = raw[first..<end].makeIterator()
                var decoder = UTF8()
                decoding: while true {
                    switch decoder.decode(&run) {
                    case .scalarValue: continue
                    case .emptyInput: break decoding
                    case .error: return false
                    }
                }
                offset = end
            }
            return true
        }
    }

    /// Where the first byte with its high bit set is, from `offset`: four words at a time while
    /// none has one, then a word at a time (byte by byte, the check was 5 % of a million-row
    /// import's CPU; a word at a time with a test for each, half as quick as four).
    static func firstNonASCII(in raw: UnsafeRawBufferPointer, from offset: Int) -> Int? {
        var offset = offset
        while offset + 32 <= raw.count {
            let words =
                raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
            if words & 0x8080_8080_8080_8080 != 0 { break }
            offset += 32
        }
        while offset + 8 <= raw.count {
            let high = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian & 0x8080_8080_8080_8080
            if high != 0 { return offset + high.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] >= 0x80 { return offset }
            offset += 1
        }
        return nil
    }

    /// Windows-1252 to UTF-8, from `start`. Bytes 0x80–0x9F map to the punctuation Excel puts
    /// there (curly quotes, dashes, the euro sign); the five undefined ones become U+FFFD. Runs
    /// of ASCII are copied whole, and each other byte's UTF-8 looked up (a byte at a time, with
    /// a String made for each accented letter, a million-row export with 120,000 of them took
    /// 0.32–0.34 s; now 0.11 s).
    static func windows1252ToUTF8(_ bytes: [UInt8], from start: Int = 0) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start + (bytes.count - start) / 8)
        bytes.withUnsafeBytes { raw in
            var offset = start
            while let next = firstNonASCII(in: raw, from: offset) {
                output.append(contentsOf: raw[offset..<next])
                output.append(contentsOf: windows1252High[Int(raw[next]) - 0x80])
                offset = next + 1
            }
            output.append(contentsOf: raw[offset...])
        }
        return output
    }

    /// The UTF-8 of each Windows-1252 byte from 0x80.
    private static let windows1252High: [[UInt8]] = (0x80...0xFF).map { byte -> [UInt8] in
        let punctuation: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        let scalar = byte < 0xA0 ? punctuation[byte - 0x80] : UInt32(byte)
        return Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    }
}
