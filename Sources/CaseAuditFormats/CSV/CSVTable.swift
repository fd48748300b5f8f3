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
        (bytes, encoding) = Self.text(raw)
        try parse()
    }

    /// The text of a file's bytes, as UTF-8: a byte-order mark dropped, and bytes that are not
    /// UTF-8 read as Windows-1252.
    static func text(_ raw: [UInt8]) -> (bytes: [UInt8], encoding: Encoding) {
        let text = textInPlace(raw)
        return (text.start == 0 ? text.bytes : Array(text.bytes[text.start...]), text.encoding)
    }

    /// The same, the byte-order mark skipped rather than copied out: the text is `bytes` from
    /// `start` (copying a million-row export to drop three bytes took longer than checking it).
    static func textInPlace(_ raw: [UInt8]) -> (bytes: [UInt8], start: Int, encoding: Encoding) {
        let start = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if TextEncoding.isValidUTF8(raw, from: start) { return (raw, start, .utf8) }
        return (TextEncoding.windows1252ToUTF8(raw, from: start), 0, .windows1252)
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
        return CSVCursor.text(bytes, fieldRanges[position], doubledQuotes: doubledQuotes[position])
    }

    private mutating func parse() throws(Failure) {
        var cursor = CSVCursor(bytes: bytes)
        fieldRanges.reserveCapacity(bytes.count / 8)
        doubledQuotes.reserveCapacity(bytes.count / 8)
        while try cursor.next() {
            recordStarts.append(fieldRanges.count)
            recordLines.append(cursor.recordLine)
            fieldRanges += cursor.fields
            doubledQuotes += cursor.doubledQuotes
        }
    }
}
