import CaseAudit

/// Reads a case-management system's CSV export. Columns are found by common header names or
/// named with `--map FIELD=HEADER`; every bad row is reported with its line and column.
public enum CaseListCSVImport {
    public enum Field: String, CSVField {
        case reference, caseType = "case-type", team, worker, opened
        case lastVisit = "last-visit"

        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .reference:
                [
                    "case reference", "case ref", "ref", "reference", "case no", "case number", "case id", "caseid",
                    "child id", "child unique id",
                    "la child id", "person id", "client id", "id",
                ]
            case .caseType: ["case type", "type", "category", "case category", "legal status", "status"]
            case .team: ["team", "allocated team", "team name", "current team"]
            case .worker: ["worker", "allocated worker", "social worker", "key worker", "caseworker"]
            case .opened: ["opened", "open date", "start date", "case start", "case start date", "referral date"]
            case .lastVisit: ["last visit", "last seen", "date last seen", "last visit date"]
            }
        }
        public var isRequired: Bool { self == .reference || self == .caseType }
    }

    public static func read(file path: String, mapping: [Field: String] = [:]) throws(InputError) -> CaseList {
        var records: [CaseRecord] = []
        let notes = try read(file: path, mapping: mapping, batchSize: Int.max) { records += $0 }
        return CaseList(records: records, format: .csv, notes: notes)
    }

    /// Reads the file and hands over its records in batches as they are made, so that a caller
    /// can store them while the rest is read. Once a row is wrong no more batches are sent;
    /// reading goes on to report every problem, then throws. Returns notes for the user.
    public static func read(
        file path: String, mapping: [Field: String] = [:], batchSize: Int, deliver: ([CaseRecord]) -> Void
    ) throws(InputError) -> [String] {
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<Field>.resolve(header: CSVInput.header(table), mapping: mapping, path: path)
        guard table.recordCount > 1 else {
            throw InputError(.file, at: SourceLocation(file: path, line: 1), FormatMessages.CSV.headerOnly)
        }
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ field: Field, _ message: String) {
            guard problems.count < 200 else { return }
            problems.append(
                Diagnostic(
                    .rules, at: SourceLocation(file: path, line: line, column: columns.column(of: field)), message))
        }
        // Fields are read as bytes: a council's export can have a million rows, and most values
        // repeat (a few case-type spellings, hundreds of teams, thousands of workers).
        var reader = FieldReader(table: table)
        let referenceColumn = columns.index[.reference]
        let typeColumn = columns.index[.caseType]
        let teamColumn = columns.index[.team]
        let workerColumn = columns.index[.worker]
        let openedColumn = columns.index[.opened]
        let visitColumn = columns.index[.lastVisit]
        var caseTypes: [ByteKey: CaseType] = [:]
        func date(_ column: Int?, _ field: Field, _ record: Int, _ line: Int) -> CalendarDate? {
            guard let column, let bytes = reader.trimmed(column, record), !bytes.isEmpty else { return nil }
            guard let date = CalendarDate(bytes: bytes) else {
                problem(
                    line, field,
                    FormatMessages.Cases.badDate(reader.text(column, record) ?? "", column: columns.headers[column]))
                return nil
            }
            return date
        }

        var records: [CaseRecord] = []
        records.reserveCapacity(min(batchSize, table.recordCount - 1))
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.recordCount)
        for record in 1..<table.recordCount {
            let line = table.line(ofRecord: record)
            guard let referenceColumn, let reference = reader.text(referenceColumn, record) else {
                problem(line, .reference, FormatMessages.Cases.missingReference)
                continue
            }
            if let first = firstLine.updateValue(line, forKey: reference) {
                firstLine[reference] = first
                problem(line, .reference, FormatMessages.Cases.duplicateReference(reference, firstLine: first))
                continue
            }
            let typeBytes = typeColumn.flatMap { reader.trimmed($0, record) } ?? []
            var caseType = caseTypes[ByteKey(typeBytes)]
            if caseType == nil {
                caseType = CaseType(spelling: String(decoding: typeBytes, as: UTF8.self))
                if let caseType { caseTypes[ByteKey(typeBytes)] = caseType }
            }
            guard let caseType else {
                problem(
                    line, .caseType, FormatMessages.Cases.unknownCaseType(String(decoding: typeBytes, as: UTF8.self)))
                continue
            }
            records.append(
                CaseRecord(
                    reference: reference, caseType: caseType, team: teamColumn.flatMap { reader.interned($0, record) },
                    worker: workerColumn.flatMap { reader.interned($0, record) },
                    opened: date(openedColumn, .opened, record, line),
                    lastVisit: date(visitColumn, .lastVisit, record, line)))
            if records.count >= batchSize {
                if problems.isEmpty { deliver(records) }
                records.removeAll(keepingCapacity: true)
            }
        }
        if problems.isEmpty && !records.isEmpty { deliver(records) }
        guard problems.isEmpty else { throw InputError(problems) }
        var notes: [String] = []
        if table.encoding == .windows1252 { notes.append(FormatMessages.Cases.readAsWindows1252) }
        return notes
    }
}

/// Reads CSV fields as trimmed bytes, and as Strings only when asked, interning repeats.
private struct FieldReader {
    let table: CSVTable
    private var interner = StringInterner()

    init(table: CSVTable) {
        self.table = table
    }

    /// The field's bytes without surrounding whitespace; nil past the end of the record.
    func trimmed(_ column: Int, _ record: Int) -> ArraySlice<UInt8>? {
        switch table.withFieldBytes(
            column, ofRecord: record, { bytes, doubledQuotes in doubledQuotes ? nil : Self.trim(bytes) })
        {
        case .none: return nil  // past the end of the record
        case .some(.some(let bytes)): return bytes
        case .some(.none):
            // Doubled quotes to collapse: the rare slow path.
            return table.field(column, ofRecord: record).map { ArraySlice(Array($0.trimmingWhitespace.utf8)) }
        }
    }

    /// The field as text, nil when empty.
    func text(_ column: Int, _ record: Int) -> String? {
        guard let bytes = trimmed(column, record), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same, with equal values sharing one String.
    mutating func interned(_ column: Int, _ record: Int) -> String? {
        guard let bytes = trimmed(column, record), !bytes.isEmpty else { return nil }
        return interner.intern(bytes)
    }

    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
