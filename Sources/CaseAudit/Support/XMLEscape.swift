/// Text made safe to write inside XML (and HTML/SVG) content or a double-quoted attribute.
package enum XMLEscape {
    package static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n", "\r", "\t": escaped.append(" ")
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
