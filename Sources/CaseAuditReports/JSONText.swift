import CaseAudit

/// A small JSON writer for the report's tables, which can run to thousands of rows: the same
/// pretty, stable layout as `JSONOutput`, without going through `Encodable` for every cell.
/// It writes UTF-8 bytes into one buffer: an object's members go straight into it, where
/// each object used to be written apart and copied into its parent.
struct JSONText {
    private var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the object being written has no member yet.
    private var first = true

    init() { bytes.reserveCapacity(1 << 16) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most cells need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case let control where control < 0x20:
                let hex = String(control, radix: 16)
                raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func raw(_ value: String) { bytes.append(contentsOf: value.utf8) }

    /// An object whose members `body` writes with `member`.
    mutating func object(_ body: (inout JSONText) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = first
        first = true
        depth += 1
        body(&self)
        depth -= 1
        if !first {
            newline()
        }
        bytes.append(UInt8(ascii: "}"))
        first = outer
    }

    /// An array of `count` elements, each written by `element`.
    mutating func array(_ count: Int, _ element: (inout JSONText, Int) -> Void) {
        guard count > 0 else {
            raw("[]")
            return
        }
        bytes.append(UInt8(ascii: "["))
        depth += 1
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            element(&self, index)
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) { array(values.count) { $0.string(values[$1]) } }

    /// A report's table: its headers, name, rows and title, the keys sorted as the encoder sorts them.
    mutating func table(_ table: ReportTable) {
        object { object in
            object.member("headers") { $0.strings(table.headers) }
            object.member("name") { $0.string(table.name) }
            object.member("rows") { value in value.array(table.rows.count) { $0.strings(table.rows[$1]) } }
            object.member("title") { $0.string(table.title) }
        }
    }

    mutating func member(_ key: String, _ value: (inout JSONText) -> Void) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        newline()
        string(key)
        raw(" : ")
        value(&self)
    }

    /// A new line, indented two spaces a level.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }
}
