/// XML whitespace (space, tab, CR, LF) handling on UTF-8 bytes: no Unicode tables needed, since
/// XML defines whitespace as exactly these four ASCII bytes.
public enum XMLWhitespace {
    @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Trims and collapses each run of whitespace to one space.
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count)) }
    }

    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if isSpace(byte) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
