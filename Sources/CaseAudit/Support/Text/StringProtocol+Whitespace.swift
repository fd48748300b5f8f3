extension StringProtocol {
    /// The text, or nil when it is empty or only whitespace.
    public var nonBlank: String? { allSatisfy(\.isWhitespace) ? nil : String(self) }

    /// Without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}
