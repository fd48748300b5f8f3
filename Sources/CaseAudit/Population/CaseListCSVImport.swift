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
                ["case reference", "case ref", "ref", "reference", "case no", "case number", "case id", "caseid",
                    "child id", "child unique id",
                    "la child id", "person id", "client id", "id"]
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
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<Field>.resolve(header: CSVInput.header(table), mapping: mapping, path: path)
        guard table.recordCount > 1 else {
            throw InputError(.file, at: SourceLocation(file: path, line: 1), Messages.CSV.headerOnly)
        }
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ field: Field, _ message: String) {
            guard problems.count < 200 else { return }
            let column = columns.index[field].map { $0 + 1 } ?? 0
            problems.append(Diagnostic(.rules, at: SourceLocation(file: path, line: line, column: column), message))
        }
        func value(_ field: Field, _ record: Int) -> String? {
            guard let column = columns.index[field], let text = table.field(column, ofRecord: record) else { return nil }
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        func date(_ field: Field, _ record: Int, _ line: Int) -> CalendarDate? {
            guard let text = value(field, record) else { return nil }
            guard let date = CalendarDate(parsing: text) else {
                problem(line, field, Messages.Cases.badDate(text, column: columns.headers[columns.index[field] ?? 0]))
                return nil
            }
            return date
        }

        var records: [CaseRecord] = []
        records.reserveCapacity(table.recordCount - 1)
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.recordCount)
        for record in 1..<table.recordCount {
            let line = table.line(ofRecord: record)
            guard let reference = value(.reference, record) else {
                problem(line, .reference, Messages.Cases.missingReference)
                continue
            }
            if let first = firstLine.updateValue(line, forKey: reference) {
                firstLine[reference] = first
                problem(line, .reference, Messages.Cases.duplicateReference(reference, firstLine: first))
                continue
            }
            let typeText = value(.caseType, record) ?? ""
            guard let caseType = CaseType(spelling: typeText) else {
                problem(line, .caseType, Messages.Cases.unknownCaseType(typeText))
                continue
            }
            records.append(
                CaseRecord(
                    reference: reference, caseType: caseType, team: value(.team, record), worker: value(.worker, record),
                    opened: date(.opened, record, line), lastVisit: date(.lastVisit, record, line)))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        var notes: [String] = []
        if table.encoding == .windows1252 { notes.append(Messages.Cases.readAsWindows1252) }
        return CaseList(records: records, format: .csv, notes: notes)
    }
}
