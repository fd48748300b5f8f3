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
        // Opened once, for the records and the digest: the trail's SHA-256 is of the bytes read.
        let file = try CSVInput.open(path)
        var records: [CaseRecord] = []
        let notes = try read(file: path, opened: file, mapping: mapping, batchSize: Int.max) { records += $0 }
        let digest: String
        do throws(FileContents.Failure) {
            digest = try ImportSource.sha256(of: file)
        } catch {
            throw FileContents.input(error, path)
        }
        return CaseList(records: records, format: .csv, notes: notes, sha256: digest)
    }

    /// Reads the file and hands over its records in batches as they are made, so that a caller
    /// can store them while the rest is read. Once a row is wrong no more batches are sent;
    /// reading goes on to report every problem, then throws. Returns notes for the user.
    /// `opened`, when given, is the file at `path` opened already (its digest is taken from
    /// the same opening).
    public static func read(
        file path: String, opened: FileContents.OpenFile? = nil, mapping: [Field: String] = [:], batchSize: Int,
        deliver: ([CaseRecord]) -> Void
    ) throws(InputError) -> [String] {
        try read(
            file: path, opened: opened, mapping: mapping, batchSize: batchSize, checkingFirst: HashedReferences.init,
            deliver: deliver)
    }

    /// The same, with the references checked first by `first` (made for a file of so many lines).
    /// References are checked for repeats by their hashes once the file is read; when two
    /// agree, the file is read again (nothing more delivered: the store is told of the
    /// problems, or already has every row) with each reference looked up as it comes, which
    /// says exactly which repeats, on which lines, as the other problems are said.
    static func read<First: ReferenceCheck>(
        file path: String, opened: FileContents.OpenFile? = nil, mapping: [Field: String], batchSize: Int,
        checkingFirst first: (_ lines: Int) -> First, deliver: ([CaseRecord]) -> Void
    ) throws(InputError) -> [String] {
        let text = try CSVInput.text(path, opened: opened)
        var checked = first(text.lines)
        if let notes = try read(text, path, mapping, batchSize, references: &checked, deliver: deliver) { return notes }
        var indexed = IndexedReferences(capacity: text.lines)
        return try read(text, path, mapping, batchSize, references: &indexed) { _ in } ?? []
    }

    /// One reading of the file; nil when `references` may have missed a repeat.
    private static func read(
        _ text: CSVInput.Text, _ path: String, _ mapping: [Field: String],
        _ batchSize: Int,
        references: inout some ReferenceCheck, deliver: ([CaseRecord]) -> Void
    ) throws(InputError) -> [String]? {
        var reader = FieldReader(cursor: CSVCursor(bytes: text.bytes, from: text.start))
        guard try reader.next(in: path) else { throw CSVInput.empty(path) }
        let columns = try CSVColumns<Field>.resolve(header: reader.header, mapping: mapping, path: path)
        guard try reader.next(in: path) else {
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
        let referenceColumn = columns.index[.reference]
        let typeColumn = columns.index[.caseType]
        let teamColumn = columns.index[.team]
        let workerColumn = columns.index[.worker]
        let openedColumn = columns.index[.opened]
        let visitColumn = columns.index[.lastVisit]
        // Case types by their spelling in the file, nil for a spelling that is none.
        var spellings = ByteIndex(capacity: 16)
        var caseTypes: [CaseType?] = []
        func date(_ column: Int?, _ field: Field, _ line: Int) -> CalendarDate? {
            guard let column, let bytes = reader.trimmed(column), !bytes.isEmpty else { return nil }
            guard let date = CalendarDate(bytes: bytes) else {
                problem(
                    line, field,
                    FormatMessages.Cases.badDate(reader.text(column) ?? "", column: columns.headers[column]))
                return nil
            }
            return date
        }

        // About how many rows there are (one a line), to make room once.
        let expected = text.lines
        var records: [CaseRecord] = []
        records.reserveCapacity(min(batchSize, expected))
        do {
            repeat {
                let line = reader.line
                guard let referenceColumn, let referenceBytes = reader.trimmed(referenceColumn), !referenceBytes.isEmpty
                else {
                    problem(line, .reference, FormatMessages.Cases.missingReference)
                    continue
                }
                let reference = String(decoding: referenceBytes, as: UTF8.self)
                if let firstLine = referenceBytes.withUnsafeBytes({ references.see($0, line: line) }) {
                    problem(line, .reference, FormatMessages.Cases.duplicateReference(reference, firstLine: firstLine))
                    continue
                }
                let typeBytes = typeColumn.flatMap { reader.trimmed($0) } ?? []
                let spelling = typeBytes.withUnsafeBytes { spellings.number($0) }
                if spelling.isNew { caseTypes.append(CaseType(spelling: String(decoding: typeBytes, as: UTF8.self))) }
                guard let caseType = caseTypes[spelling.number] else {
                    problem(
                        line, .caseType,
                        FormatMessages.Cases.unknownCaseType(String(decoding: typeBytes, as: UTF8.self)))
                    continue
                }
                records.append(
                    CaseRecord(
                        reference: reference, caseType: caseType, team: teamColumn.flatMap { reader.interned($0) },
                        worker: workerColumn.flatMap { reader.interned($0) },
                        opened: date(openedColumn, .opened, line),
                        lastVisit: date(visitColumn, .lastVisit, line)))
                if records.count >= batchSize {
                    if problems.isEmpty { deliver(records) }
                    records.removeAll(keepingCapacity: true)
                }
            } while try reader.next(in: path, problems: &problems)
        } catch {
            // A syntax error ends the reading, and is said after the rows' problems: repeats
            // among them too, so a reading that may have missed one goes again.
            if references.mayHaveMissedARepeat() { return nil }
            throw error
        }
        if problems.isEmpty && !records.isEmpty { deliver(records) }
        if references.mayHaveMissedARepeat() { return nil }
        guard problems.isEmpty else { throw InputError(problems) }
        var notes: [String] = []
        if text.encoding == .windows1252 { notes.append(FormatMessages.Cases.readAsWindows1252) }
        return notes
    }
}

/// How a reading finds a case reference given twice.
protocol ReferenceCheck {
    /// The line a reference was first seen on, when it was seen before.
    mutating func see(_ bytes: UnsafeRawBufferPointer, line: Int) -> Int?
    /// Whether a repeat may have gone unseen, once every reference is in.
    func mayHaveMissedARepeat() -> Bool
}

/// Each reference looked up as it comes, with the line it was first seen on.
private struct IndexedReferences: ReferenceCheck {
    private var index: ByteIndex
    private var firstLines: [Int] = []

    init(capacity: Int) {
        index = ByteIndex(capacity: capacity)
        firstLines.reserveCapacity(capacity)
    }

    mutating func see(_ bytes: UnsafeRawBufferPointer, line: Int) -> Int? {
        let seen = index.number(bytes)
        guard seen.isNew else { return firstLines[seen.number] }
        firstLines.append(line)
        return nil
    }

    func mayHaveMissedARepeat() -> Bool { false }
}

/// Each reference's hash kept, and compared once the file is read.
struct HashedReferences: ReferenceCheck {
    private var hashes: HashRepeats

    init(capacity: Int) {
        hashes = HashRepeats(capacity: capacity)
    }

    mutating func see(_ bytes: UnsafeRawBufferPointer, line: Int) -> Int? {
        hashes.add(bytes)
        return nil
    }

    func mayHaveMissedARepeat() -> Bool { hashes.mayRepeat() }
}

/// Reads a CSV text record by record, each field as trimmed bytes, and as a String only when
/// asked, interning repeats.
private struct FieldReader {
    private var cursor: CSVCursor
    private var interner = StringInterner()

    init(cursor: CSVCursor) {
        self.cursor = cursor
    }

    /// The line the current record starts on.
    var line: Int { cursor.recordLine }

    /// The current record's fields as header names.
    var header: [String] { (0..<cursor.fields.count).map { cursor.field($0)?.trimmingWhitespace ?? "" } }

    /// Moves to the next record; false at the end. A syntax error ends the file's reading.
    mutating func next(in path: String) throws(InputError) -> Bool {
        do {
            return try cursor.next()
        } catch {
            throw CSVInput.syntaxError(error, in: path)
        }
    }

    /// The same, a syntax error reported after the problems rows had before it.
    mutating func next(in path: String, problems: inout [Diagnostic]) throws(InputError) -> Bool {
        do throws(InputError) {
            return try next(in: path)
        } catch {
            throw InputError(problems + error.diagnostics)
        }
    }

    /// The field's bytes without surrounding whitespace; nil past the end of the record.
    func trimmed(_ column: Int) -> ArraySlice<UInt8>? {
        guard column < cursor.fields.count else { return nil }
        guard !cursor.doubledQuotes[column] else {
            // Doubled quotes to collapse: the rare slow path.
            return cursor.field(column).map { ArraySlice(Array($0.trimmingWhitespace.utf8)) }
        }
        return Self.trim(cursor.bytes[cursor.fields[column]])
    }

    /// The field as text, nil when empty.
    func text(_ column: Int) -> String? {
        guard let bytes = trimmed(column), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same, with equal values sharing one String.
    mutating func interned(_ column: Int) -> String? {
        guard let bytes = trimmed(column), !bytes.isEmpty else { return nil }
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
