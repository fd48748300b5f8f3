import CaseAudit

/// Reads a paper audit from CSV:
///
///     item,answer,note,who,due
///     seen,partly,Seen at school; not at home,,
///     plan,yes,,,
///     #judgement,requires-improvement,The plan is not reviewed,,
///     #action,Review the plan with the family,,TM-04,2026-12-15
///
/// (`#`, not `=`, `+`, `-` or `@`, so that spreadsheets do not take a row kind for a formula.)
/// A cell that a CSV export neutralised with a leading apostrophe (`'-…`) is read without it.
/// `#judgement` rows give the grade in `answer` and the reason in `note`; `#action` rows give
/// what is to be done in `answer`, and `who` and `due` (YYYY-MM-DD). Only item, answer and
/// note are needed when the sheet has no actions.
public enum AnswerSheetCSV {
    public enum Column: String, CSVField {
        case item, answer, note, who, due

        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .item: ["item", "item id", "question"]
            case .answer: ["answer", "value"]
            case .note: ["note", "notes", "comment", "reason"]
            case .who: ["who", "owner"]
            case .due: ["due", "due date", "by"]
            }
        }
        public var isRequired: Bool { self == .item || self == .answer }
    }

    public static let judgementRow = "#judgement"
    public static let actionRow = "#action"

    public static func read(file path: String) throws(InputError) -> AnswerSheet {
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<Column>.resolve(
            header: CSVInput.header(table), mapping: [:], mappable: false, path: path)
        var sheet = AnswerSheet(path: path)
        func value(_ column: Column, _ record: Int) -> String? {
            columns.value(column, record, in: table).map { text in
                let characters = Array(text.prefix(2))
                return characters.count == 2 && characters[0] == "'" && "=+-@".contains(characters[1])
                    ? String(text.dropFirst()) : text
            }
        }
        func place(_ line: Int, _ fields: [AnswerSheet.Field: Column]) -> AnswerSheet.Place {
            AnswerSheet.Place(line: line, columns: fields.mapValues { columns.column(of: $0) })
        }
        if table.recordCount < 2 { sheet.problem(place(1, [.item: .item]), .item, FormatMessages.CSV.headerOnly) }
        for record in 1..<max(table.recordCount, 1) {
            let line = table.line(ofRecord: record)
            guard let kind = value(.item, record) else {
                sheet.problem(place(line, [.item: .item]), .item, FormatMessages.Org.missing("item"))
                continue
            }
            switch kind {
            case judgementRow:
                let at = place(line, [.grade: .answer, .reason: .note])
                guard let grade = value(.answer, record) else {
                    sheet.problem(at, .grade, FormatMessages.Org.missing("grade (the answer column)"))
                    continue
                }
                sheet.judgements.append(
                    .init(value: AuditJudgement(grade: grade, reason: value(.note, record)), place: at))
            case actionRow:
                let at = place(line, [.what: .answer, .who: .who, .due: .due])
                let text = AnswerSheet.ActionText(
                    what: value(.answer, record) ?? "", who: value(.who, record) ?? "", due: value(.due, record) ?? "")
                sheet.actions.append(.init(value: text, place: at))
            default:
                if kind.hasPrefix("#") {
                    sheet.problem(place(line, [.item: .item]), .item, Messages.Scoring.unknownRow(kind))
                    continue
                }
                let at = place(line, [.item: .item, .answer: .answer, .note: .note])
                guard let answer = value(.answer, record) else {
                    sheet.problem(at, .answer, FormatMessages.Org.missing("answer"))
                    continue
                }
                sheet.answers.append(
                    .init(value: ItemAnswer(itemID: kind, value: answer, note: value(.note, record)), place: at))
            }
        }
        return sheet
    }
}
