import CaseAudit

/// A small JSON writer for the report's tables, which can run to thousands of rows: the same
/// pretty, stable layout as `JSONOutput`, without going through `Encodable` for every cell.
struct JSONText {
    private(set) var text = ""
    private var depth = 0

    mutating func string(_ value: String) {
        text.append("\"")
        // Most cells need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text.append(value)
            text.append("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    mutating func raw(_ value: String) { text.append(value) }

    /// An object whose members `body` writes with `member`.
    mutating func object(_ body: (inout JSONText) -> Void) {
        text.append("{")
        depth += 1
        var inner = self
        inner.text = ""
        inner.first = true
        body(&inner)
        text.append(inner.text)
        depth -= 1
        text.append(inner.first ? "}" : "\n" + indent + "}")
    }

    /// An array of `count` elements, each written by `element`.
    mutating func array(_ count: Int, _ element: (inout JSONText, Int) -> Void) {
        guard count > 0 else {
            text.append("[]")
            return
        }
        text.append("[")
        depth += 1
        for index in 0..<count {
            text.append(index == 0 ? "\n" : ",\n")
            text.append(indent)
            element(&self, index)
        }
        depth -= 1
        text.append("\n" + indent + "]")
    }

    private var first = true

    mutating func member(_ key: String, _ value: (inout JSONText) -> Void) {
        text.append(first ? "\n" : ",\n")
        first = false
        text.append(indent)
        string(key)
        text.append(" : ")
        value(&self)
    }

    private var indent: String { String(repeating: "  ", count: depth) }
}
