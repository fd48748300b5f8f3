extension StringProtocol {
    /// The text, or nil when it is empty or only whitespace.
    public var nonBlank: String? { allSatisfy(\.isWhitespace) ? nil : String(self) }

    /// Without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        // Most fields start and end with an ASCII letter or digit: nothing to trim, and no
        // Unicode property to look up.
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    /// ASCII, and not a space or control character.
    @inline(__always) static func isPlainASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F
    }
}
