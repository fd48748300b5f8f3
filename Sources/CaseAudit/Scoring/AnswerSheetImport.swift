/// Reads a paper audit's answers from CSV and checks the whole sheet against the checklist
/// before anything is kept:
///
///     item,answer,note
///     seen,partly,Seen at school; not at home
///     plan,yes,
///
/// Refused, each naming its row: an item the checklist does not have, an item answered twice,
/// an answer the item's scale does not have, a missing note where the checklist asks for one,
/// and an answer to an item that the sheet's other answers skip.
public enum AnswerSheetImport {
    public enum Field: String, CSVField {
        case item, answer, note

        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .item: ["item", "item id", "question"]
            case .answer: ["answer", "value"]
            case .note: ["note", "notes", "comment"]
            }
        }
        public var isRequired: Bool { self != .note }
    }

    /// The session with the sheet's answers applied (in checklist order, so skip logic sees
    /// earlier items first), and the answers in sheet order.
    public static func read(file path: String, into session: ScoringSession) throws(InputError)
        -> (session: ScoringSession, answers: [ItemAnswer])
    {
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<Field>.resolve(header: CSVInput.header(table), mapping: [:], path: path)
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ field: Field, _ message: String) {
            problems.append(Diagnostic(.rules, at: SourceLocation(file: path, line: line, column: columns.column(of: field)), message))
        }
        func value(_ field: Field, _ record: Int) -> String? { columns.value(field, record, in: table) }
        if table.recordCount < 2 { problem(1, .item, Messages.CSV.headerOnly) }

        let order = Dictionary(session.checklist.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [(answer: ItemAnswer, line: Int)] = []
        var lineOf: [String: Int] = [:]
        for record in 1..<max(table.recordCount, 1) {
            let line = table.line(ofRecord: record)
            guard let item = value(.item, record) else {
                problem(line, .item, Messages.Org.missing("item"))
                continue
            }
            guard order[item] != nil else {
                problem(line, .item, Messages.Scoring.unknownItem(item))
                continue
            }
            if let first = lineOf[item] {
                problem(line, .item, Messages.Scoring.answeredTwice(item, firstLine: first))
                continue
            }
            lineOf[item] = line
            guard let answer = value(.answer, record) else {
                problem(line, .answer, Messages.Org.missing("answer"))
                continue
            }
            rows.append((ItemAnswer(itemID: item, value: answer, note: value(.note, record)), line))
        }

        var result = session
        for row in rows.sorted(by: { order[$0.answer.itemID, default: 0] < order[$1.answer.itemID, default: 0] }) {
            do throws(ScoringError) {
                try result.answer(row.answer.itemID, value: row.answer.value, note: row.answer.note)
            } catch {
                let field: Field =
                    switch error {
                    case .unknownItem, .hidden: .item
                    case .unknownAnswer: .answer
                    case .noteRequired: .note
                    }
                problem(row.line, field, error.message)
            }
        }
        guard problems.isEmpty else {
            throw InputError(problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        return (result, rows.map(\.answer))
    }
}
