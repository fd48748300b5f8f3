import CaseAudit

/// A CSV file read into memory as fields: RFC 4180 (quoted fields with commas, doubled quotes
/// and line breaks), LF or CRLF line ends, a UTF-8 byte-order mark ignored.
///
/// Written for the case-list import, which must read a million-row export in a fraction of a
/// second (see Benchmarks/): yaslab/CSV.swift took 3.1 s to read 1,000,000 rows here, three
/// times the whole budget. This reader works on bytes and keeps every field as a range.
public struct CSVTable: Sendable {
    /// The text, UTF-8 (converted from Windows-1252 when the file was not valid UTF-8).
    public let bytes: [UInt8]
    /// Field ranges of each record, flattened; `recordStarts[r]` indexes into it.
    private var fieldRanges: [Range<Int>] = []
    private var recordStarts: [Int] = []
    /// 1-based line where each record starts (records can span lines inside quotes).
    private var recordLines: [Int] = []
    /// Per field: whether it holds doubled quotes to collapse (parallel to `fieldRanges`).
    private var doubledQuotes: [Bool] = []

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    public let encoding: Encoding

    public struct Failure: Error, Sendable, Hashable {
        public var line: Int
        public var message: String
    }

    public init(bytes raw: [UInt8]) throws(Failure) {
        var text = raw
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        if TextEncoding.isValidUTF8(text) {
            encoding = .utf8
        } else {
            text = TextEncoding.windows1252ToUTF8(text)
            encoding = .windows1252
        }
        bytes = text
        try parse()
    }

    public var recordCount: Int { recordStarts.count }

    /// The 1-based line where record `index` starts.
    public func line(ofRecord index: Int) -> Int { recordLines[index] }

    public func fieldCount(ofRecord index: Int) -> Int {
        let end = index + 1 < recordStarts.count ? recordStarts[index + 1] : fieldRanges.count
        return end - recordStarts[index]
    }

    /// Field `column` (0-based) of record `index`, unquoted; nil past the record's end.
    public func field(_ column: Int, ofRecord index: Int) -> String? {
        guard column < fieldCount(ofRecord: index) else { return nil }
        let position = recordStarts[index] + column
        let range = fieldRanges[position]
        guard doubledQuotes[position] else { return String(decoding: bytes[range], as: UTF8.self) }
        // Collapse each doubled quote to one.
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

    /// Calls `body` with the raw bytes of a field (quotes already removed, doubled quotes not
    /// yet collapsed) without building a String: for the fast import path.
    public func withFieldBytes<T>(_ column: Int, ofRecord index: Int, _ body: (ArraySlice<UInt8>, Bool) -> T) -> T? {
        guard column < fieldCount(ofRecord: index) else { return nil }
        let position = recordStarts[index] + column
        return body(bytes[fieldRanges[position]], doubledQuotes[position])
    }

    private mutating func parse() throws(Failure) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var index = 0
        var line = 1
        let count = bytes.count
        fieldRanges.reserveCapacity(count / 8)
        doubledQuotes.reserveCapacity(count / 8)
        while index < count {
            // A record.
            recordStarts.append(fieldRanges.count)
            recordLines.append(line)
            var endOfRecord = false
            while !endOfRecord {
                if index < count, bytes[index] == quote {
                    let startLine = line
                    index += 1
                    let start = index
                    var doubled = false
                    while true {
                        guard index < count else {
                            throw Failure(line: startLine, message: FormatMessages.CSV.unclosedQuote)
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
                        throw Failure(line: startLine, message: FormatMessages.CSV.fieldTooLong(index - start))
                    }
                    doubledQuotes.append(doubled)
                    fieldRanges.append(start..<index)
                    index += 1  // the closing quote
                    // Anything between the closing quote and the separator is kept out.
                    while index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr { index += 1 }
                } else {
                    let start = index
                    while index < count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr { index += 1 }
                    if index - start > InputLimits.field {
                        throw Failure(line: line, message: FormatMessages.CSV.fieldTooLong(index - start))
                    }
                    doubledQuotes.append(false)
                    fieldRanges.append(start..<index)
                }
                if fieldRanges.count - recordStarts[recordStarts.count - 1] > InputLimits.columns {
                    throw Failure(
                        line: line,
                        message: FormatMessages.CSV.tooManyColumns(
                            fieldRanges.count - recordStarts[recordStarts.count - 1]))
                }
                if index >= count {
                    endOfRecord = true
                } else if bytes[index] == comma {
                    index += 1
                    if index >= count {
                        doubledQuotes.append(false)
                        fieldRanges.append(count..<count)
                        endOfRecord = true
                    }
                } else {
                    if bytes[index] == cr { index += 1 }
                    if index < count, bytes[index] == lf { index += 1 }
                    line += 1
                    endOfRecord = true
                }
            }
            // A blank line is not a record.
            if fieldCount(ofRecord: recordStarts.count - 1) == 1, fieldRanges[fieldRanges.count - 1].isEmpty {
                fieldRanges.removeLast()
                doubledQuotes.removeLast()
                recordStarts.removeLast()
                recordLines.removeLast()
            }
        }
    }
}
