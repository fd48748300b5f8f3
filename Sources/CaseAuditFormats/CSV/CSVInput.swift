import CaseAudit

/// Reading a CSV input file with the product's usual errors.
enum CSVInput {
    /// Case lists can be large exports; the limit only bounds memory for absurd inputs.
    static let sizeLimit = 2 * 1024 * 1024 * 1024

    static func table(_ path: String) throws(InputError) -> CSVTable {
        let bytes = try FileContents.readInput(path, limit: sizeLimit, lineLimit: InputLimits.line)
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
        } catch {
            throw InputError(.syntax, at: SourceLocation(file: path, line: error.line), error.message)
        }
        guard table.recordCount > 0 else {
            throw InputError(.file, at: SourceLocation(file: path), FormatMessages.CSV.empty)
        }
        return table
    }

    static func header(_ table: CSVTable) -> [String] {
        (0..<table.fieldCount(ofRecord: 0)).map { table.field($0, ofRecord: 0)?.trimmingWhitespace ?? "" }
    }
}
