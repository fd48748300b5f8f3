import CaseAudit

/// Reading a CSV input file with the product's usual errors.
enum CSVInput {
    /// Case lists can be large exports; the limit only bounds memory for absurd inputs.
    static let sizeLimit = 2 * 1024 * 1024 * 1024

    static func table(_ path: String) throws(InputError) -> CSVTable {
        try table(bytes: FileContents.readInput(path, limit: sizeLimit, lineLimit: InputLimits.line), path)
    }

    /// The same, with the SHA-256 of the very bytes the table was read from.
    static func tableAndDigest(_ path: String) throws(InputError) -> (table: CSVTable, sha256: String) {
        let bytes = try FileContents.readInput(path, limit: sizeLimit, lineLimit: InputLimits.line)
        return (try table(bytes: bytes, path), ImportSource.sha256(of: bytes))
    }

    private static func table(bytes: [UInt8], _ path: String) throws(InputError) -> CSVTable {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
        } catch {
            throw syntaxError(error, in: path)
        }
        guard table.recordCount > 0 else { throw empty(path) }
        return table
    }

    /// The file's text, `bytes` from `start`, to be read a record at a time (`CSVCursor`), and
    /// how many lines it has; `opened`, when given, is the file opened already (`open`).
    static func text(_ path: String, opened: FileContents.OpenFile? = nil) throws(InputError) -> Text {
        let file = try FileContents.readInputLines(path, opened: opened, limit: sizeLimit, lineLimit: InputLimits.line)
        let text = CSVTable.textInPlace(file.bytes)
        return Text(bytes: text.bytes, start: text.start, encoding: text.encoding, lines: file.lines)
    }

    /// The file at `path` opened to be read, within the size a case list may have.
    static func open(_ path: String) throws(InputError) -> FileContents.OpenFile {
        try FileContents.openInput(path, limit: sizeLimit)
    }

    /// A file's text: `bytes` from `start`, in UTF-8, read from `encoding`; `lines` lines.
    struct Text {
        let bytes: [UInt8]
        let start: Int
        let encoding: CSVTable.Encoding
        let lines: Int
    }

    static func syntaxError(_ failure: CSVTable.Failure, in path: String) -> InputError {
        InputError(.syntax, at: SourceLocation(file: path, line: failure.line), failure.message)
    }

    static func empty(_ path: String) -> InputError {
        InputError(.file, at: SourceLocation(file: path), FormatMessages.CSV.empty)
    }

    static func header(_ table: CSVTable) -> [String] {
        (0..<table.fieldCount(ofRecord: 0)).map { table.field($0, ofRecord: 0)?.trimmingWhitespace ?? "" }
    }
}
