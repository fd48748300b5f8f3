import CaseAudit

/// Reads CSV text held in memory one record at a time: RFC 4180 (quoted fields with commas,
/// doubled quotes and line breaks), LF or CRLF line ends. Each field is a range of the text;
/// a blank line is no record. `CSVTable` keeps every record's fields; the case-list import
/// reads a million-row export record by record with it, and so stores the first rows while the
/// rest is still to be read (parsing the whole file first took 170 ms before a row went out).
struct CSVCursor {
    let bytes: [UInt8]
    /// Where the next record starts, and its line.
    private var index = 0
    private var line = 1
    /// The record read last: each field's range of `bytes`, whether it holds doubled quotes to
    /// collapse, and the 1-based line it starts on (records can span lines inside quotes).
    private(set) var fields: [Range<Int>] = []
    private(set) var doubledQuotes: [Bool] = []
    private(set) var recordLine = 1

    /// A cursor over `bytes` from `start` (past a byte-order mark).
    init(bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        index = start
    }

    /// Field `column` (0-based) of the record read last, unquoted; nil past the record's end.
    func field(_ column: Int) -> String? {
        guard column < fields.count else { return nil }
        return Self.text(bytes, fields[column], doubledQuotes: doubledQuotes[column])
    }

    /// The text of a field's range, each doubled quote collapsed to one when it has any.
    static func text(_ bytes: [UInt8], _ range: Range<Int>, doubledQuotes: Bool) -> String {
        guard doubledQuotes else { return String(decoding: bytes[range], as: UTF8.self) }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(range.count)
        var skipNext = false
        for index in range {
            if skipNext {
                skipNext = false
                continue
            }
            unquoted.append(bytes[index])
            if bytes[index] == UInt8(ascii: "\""), index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "\"")
            {
                skipNext = true
            }
        }
        return String(decoding: unquoted, as: UTF8.self)
    }

    /// Reads the next record into `fields`; false when there is none.
    mutating func next() throws(CSVTable.Failure) -> Bool {
        while index < bytes.count {
            try readRecord()
            // A blank line is not a record.
            if fields.count == 1, fields[0].isEmpty { continue }
            return true
        }
        return false
    }

    private mutating func readRecord() throws(CSVTable.Failure) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        fields.removeAll(keepingCapacity: true)
        doubledQuotes.removeAll(keepingCapacity: true)
        recordLine = line
        var endOfRecord = false
        while !endOfRecord {
            if index < count, bytes[index] == quote {
                let startLine = line
                index += 1
                let start = index
                var doubled = false
                while true {
                    guard index < count else {
                        throw CSVTable.Failure(line: startLine, message: FormatMessages.CSV.unclosedQuote)
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count, bytes[index + 1] == quote {
                            doubled = true
                            index += 2
                            continue
                        }
                        break
                    }
                    if byte == lf { line += 1 }
                    index += 1
                }
                if index - start > InputLimits.field {
                    throw CSVTable.Failure(line: startLine, message: FormatMessages.CSV.fieldTooLong(index - start))
                }
                doubledQuotes.append(doubled)
                fields.append(start..<index)
                index += 1  // the closing quote
                // Anything between the closing quote and the separator is kept out.
                while index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr { index += 1 }
            } else {
                let start = index
                while index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr { index += 1 }
                if index - start > InputLimits.field {
                    throw CSVTable.Failure(line: line, message: FormatMessages.CSV.fieldTooLong(index - start))
                }
                doubledQuotes.append(false)
                fields.append(start..<index)
            }
            if fields.count > InputLimits.columns {
                throw CSVTable.Failure(line: line, message: FormatMessages.CSV.tooManyColumns(fields.count))
            }
            if index >= count {
                endOfRecord = true
            } else if bytes[index] == comma {
                index += 1
                if index >= count {
                    doubledQuotes.append(false)
                    fields.append(count..<count)
                    endOfRecord = true
                }
            } else {
                if bytes[index] == cr { index += 1 }
                if index < count, bytes[index] == lf { index += 1 }
                line += 1
                endOfRecord = true
            }
        }
    }
}
