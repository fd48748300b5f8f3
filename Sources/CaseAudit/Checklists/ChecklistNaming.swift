/// The shapes the checklist schema gives an id and a version, checked before a checklist is
/// written, so that a name given by hand is refused in words rather than by the schema's pattern.
public enum ChecklistNaming {
    /// What an id may be, for a refusal.
    public static let idRule = "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64"
    /// What a version may be, for a refusal.
    public static let versionRule = "one to three numbers joined by dots, e.g. 1.2.0"

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`, at most 64 characters (the schema's `Id`).
    public static func isID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy(isIDByte)
    }

    /// A byte an id may hold: an ASCII letter or digit, '.', '_' or '-' (a condition's item
    /// names are read by the same rule).
    static func isIDByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `[0-9]+(\.[0-9]+){0,2}` (the schema's `Version`).
    public static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count)
            && parts.allSatisfy {
                !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
