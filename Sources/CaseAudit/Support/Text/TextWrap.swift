/// Wraps prose to a width for an 80-column terminal, indenting every line.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int, indent: String, firstIndent: String? = nil) -> String {
        var lines: [String] = []
        var current = firstIndent ?? indent
        var currentIsEmpty = true
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !currentIsEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
                currentIsEmpty = true
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
