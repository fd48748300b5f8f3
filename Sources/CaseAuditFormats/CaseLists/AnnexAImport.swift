import CaseAudit

/// Reads Ofsted's Annex A workbook: List 6 (children in need), 7 (child protection plans),
/// 8 (looked-after children) and 9 (care leavers), and Lists 3–5 (referrals, assessments,
/// section 47 enquiries) when asked. Rows whose closure or plan end date is filled are no longer
/// open and are left out. A child on several lists is one case, whose type is the first of
/// CP, LAC, CL, CIN it appears as (the most intensive involvement); its team and worker come from
/// that list, or from any other list that has them. Only the child's id, the case type, team,
/// worker and dates are kept: no gender, ethnicity or date of birth.
public enum AnnexAImport {
    public static let defaultLists = [6, 7, 8, 9]

    struct ListSpecification {
        var caseType: CaseType
        var opened: [String]
        var lastVisit: [String]
        var closed: [String]
    }

    static let lists: [Int: ListSpecification] = [
        3: ListSpecification(caseType: .childInNeed, opened: ["date of referral"], lastVisit: [], closed: []),
        4: ListSpecification(
            caseType: .childInNeed, opened: ["assessment start date", "date of assessment start"],
            lastVisit: [], closed: []),
        5: ListSpecification(
            caseType: .childInNeed, opened: ["strategy discussion initiating section 47 enquiry start date"],
            lastVisit: [], closed: []),
        6: ListSpecification(
            caseType: .childInNeed, opened: ["cin start date"], lastVisit: ["date child was last seen"],
            closed: ["cin closure date"]),
        7: ListSpecification(
            caseType: .childProtection, opened: ["child protection plan start date"],
            lastVisit: ["date of the last statutory visit"], closed: ["child protection plan end date"]),
        8: ListSpecification(
            caseType: .lookedAfter, opened: ["date started to be looked after"],
            lastVisit: ["date of last social work visit"], closed: ["date ceased to be looked after"]),
        9: ListSpecification(
            caseType: .careLeaver, opened: [], lastVisit: ["date of latest contact", "date of last contact"],
            closed: []),
    ]

    /// CP first: a child on a plan and in need is audited as a child protection case.
    static let precedence: [CaseType] = [.childProtection, .lookedAfter, .careLeaver, .childInNeed]

    /// Whole numbers up to this print as integers (a Double holds every one exactly).
    static let exactWhole = 999_999_999_999_999

    static let noValue: Set<String> = ["", "#n/a", "n/a", "na", "none", "unallocated", "not allocated", "-"]

    public static func read(file path: String, lists wanted: [Int] = defaultLists) throws(InputError) -> CaseList {
        var workbook = try XLSXWorkbook(path: path)
        var problems: [Diagnostic] = []
        var notes: [String] = []
        var found: [String: CaseRecord] = [:]
        var foundRank: [String: Int] = [:]
        var closed = 0
        var missing: [String] = []
        for number in wanted.sorted() {
            guard let specification = lists[number] else { continue }
            let sheet = "List \(number)"
            guard let rows = try workbook.rows(ofSheet: sheet) else {
                missing.append(sheet)
                continue
            }
            let place = "\(path)[\(sheet)]"
            guard
                let headerIndex = rows.prefix(10).firstIndex(where: { row in
                    row.cells.values.contains { Self.normalise($0) == "child unique id" }
                })
            else {
                problems.append(
                    Diagnostic(
                        .schema, at: SourceLocation(file: place, line: 1), FormatMessages.AnnexA.noChildColumn(sheet)))
                continue
            }
            var columns: [String: Int] = [:]
            for (column, cell) in rows[headerIndex].cells { columns[Self.normalise(cell)] = column }
            func column(_ names: [String]) -> Int? { names.lazy.compactMap { columns[$0] }.first }
            let reference = columns["child unique id"] ?? 0
            let team = column(["allocated team"])
            let worker = column(["allocated worker"])
            let opened = column(specification.opened)
            let visited = column(specification.lastVisit)
            let closure = column(specification.closed)
            var seenHere: [String: Int] = [:]
            for row in rows[(headerIndex + 1)...] {
                func text(_ column: Int?) -> String? {
                    guard let column, let cell = row.cells[column] else { return nil }
                    let value: String
                    switch cell {
                    case .text(let text): value = text.trimmingWhitespace
                    case .number(let number):
                        value =
                            CheckedNumber.wholeNumber(number, in: -Self.exactWhole...Self.exactWhole).map(String.init)
                            ?? Number.format(number)
                    }
                    return noValue.contains(value.lowercased()) ? nil : value
                }
                func date(_ column: Int?) -> CalendarDate? {
                    guard let column, let cell = row.cells[column] else { return nil }
                    switch cell {
                    case .number(let serial):
                        if let date = CheckedNumber.excelDate(serial) { return date }
                    case .text(let value):
                        let trimmed = value.trimmingWhitespace
                        if noValue.contains(trimmed.lowercased()) { return nil }
                        if let date = CalendarDate(parsing: trimmed) { return date }
                    }
                    let header = rows[headerIndex].cells[column].map(Self.display) ?? XLSXWorkbook.columnName(column)
                    let message: String
                    if case .number = cell {
                        message = FormatMessages.Cases.badSerialDate(Self.display(cell), column: header)
                    } else {
                        message = FormatMessages.Cases.badDate(Self.display(cell), column: header)
                    }
                    problems.append(
                        Diagnostic(
                            .rules, at: SourceLocation(file: place, line: row.number, column: column + 1), message))
                    return nil
                }
                guard let id = text(reference) else { continue }  // blank rows at the foot of a list
                if let first = seenHere.updateValue(row.number, forKey: id) {
                    seenHere[id] = first
                    problems.append(
                        Diagnostic(
                            .rules, at: SourceLocation(file: place, line: row.number, column: reference + 1),
                            FormatMessages.Cases.duplicateReference(id, firstLine: first)))
                    continue
                }
                if date(closure) != nil {
                    closed += 1
                    continue
                }
                let record = CaseRecord(
                    reference: id, caseType: specification.caseType, team: text(team), worker: text(worker),
                    opened: date(opened), lastVisit: date(visited))
                let rank = precedence.firstIndex(of: specification.caseType) ?? precedence.count
                if let existing = found[id], let existingRank = foundRank[id] {
                    var merged = rank < existingRank ? record : existing
                    let other = rank < existingRank ? existing : record
                    if merged.team == nil {
                        merged.team = other.team
                        merged.worker = merged.worker ?? other.worker
                    }
                    merged.lastVisit = [merged.lastVisit, other.lastVisit].compactMap { $0 }.max()
                    found[id] = merged
                    foundRank[id] = min(rank, existingRank)
                } else {
                    found[id] = record
                    foundRank[id] = rank
                }
            }
        }
        if missing.count == wanted.count {
            throw InputError(
                .schema, at: SourceLocation(file: path),
                FormatMessages.AnnexA.noLists(missing, sheets: workbook.sheets.map(\.name)))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        if !missing.isEmpty { notes.append(FormatMessages.AnnexA.missingLists(missing)) }
        if closed > 0 { notes.append(FormatMessages.AnnexA.closedRows(closed)) }
        let records = found.values.sorted { $0.reference < $1.reference }
        return CaseList(records: records, format: .annexA, notes: notes, sha256: workbook.sha256)
    }

    static func normalise(_ cell: XLSXWorkbook.Cell) -> String {
        display(cell).lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }).joined(
            separator: " ")
    }

    static func display(_ cell: XLSXWorkbook.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let number): Number.format(number)
        }
    }
}
