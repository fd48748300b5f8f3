import CaseAudit

/// Turns a board's audit tool into a checklist: the header row found by its names, section rows
/// (a row with one filled cell, or a Word heading), blank rows skipped, the board's numbering
/// ("1.", "1.2", "a)") and wording kept.
public struct BoardImport: Sendable {
    public struct Question: Sendable, Hashable {
        public var line: Int
        public var number: String?
        public var prompt: String
        public var guidance: String?
        public var weight: Double
        public var critical: Bool
        public var rating: String?
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var questions: [Question]
    }

    public var sections: [Section]
    /// A title row above the header (a row with one filled cell), if there is one.
    public var title: String?
    /// Whether the table had a rating column (a RAG or grade column): it decides the scale when
    /// none is given.
    public var ratingValues: [String]
    public var hadRatingColumn: Bool
    /// The rating column's header, e.g. "RAG".
    public var ratingHeader: String?

    public var questionCount: Int { sections.reduce(0) { $0 + $1.questions.count } }
    public var criticalCount: Int { sections.reduce(0) { $0 + $1.questions.count(where: \.critical) } }

    public init(_ table: BoardTable, mapping: [BoardColumn: String] = [:]) throws(InputError) {
        guard table.rows.contains(where: { !$0.filled.isEmpty }) else {
            throw InputError(.rules, at: table.location(1), FormatMessages.BoardImport.emptySheet)
        }
        let layout = try BoardLayout.detect(table, mapping: mapping)
        let columns = layout.columns
        var problems: [Diagnostic] = []
        var sections: [Section] = []
        var current = Section(title: "", questions: [])
        var numbers: [String: Int] = [:]
        var ratings: [String] = []
        let start = table.rows.firstIndex { $0.line == layout.headerLine }.map { $0 + 1 } ?? 0
        let header = start > 0 ? table.rows[start - 1] : nil
        let headerNames = header.map { $0.cells.map(BoardColumn.normalise) }
        let above = table.rows[..<start]
        title =
            (above.first { $0.heading == 0 } ?? above.first { $0.filled.count == 1 && $0.heading == nil })?.filled
            .first?.trimmingWhitespace
        // A Word heading just above the first table is that table's section.
        if let heading = above.last(where: { ($0.heading ?? 0) > 0 })?.filled.first {
            current.title = heading.trimmingWhitespace
        }
        for row in table.rows[start...] {
            let filled = row.filled
            if filled.isEmpty { continue }
            // A table that repeats its header (a Word document with a table per section).
            if let headerNames, row.cells.map(BoardColumn.normalise) == headerNames { continue }
            let promptCell = row.cell(columns[.prompt]).trimmingWhitespace
            if row.heading != nil || (promptCell.isEmpty && filled.count == 1) {
                if !current.questions.isEmpty || !current.title.isEmpty { sections.append(current) }
                current = Section(title: filled[0].trimmingWhitespace, questions: [])
                continue
            }
            guard !promptCell.isEmpty else { continue }
            let sectionCell = row.cell(columns[.section]).trimmingWhitespace
            if !sectionCell.isEmpty, sectionCell != current.title {
                if !current.questions.isEmpty || !current.title.isEmpty { sections.append(current) }
                current = Section(title: sectionCell, questions: [])
            }
            var number = row.cell(columns[.number]).trimmingWhitespace
            var prompt = promptCell
            if number.isEmpty, let split = Self.leadingNumber(prompt) {
                number = split.number
                prompt = split.rest
            }
            number = Self.cleanNumber(number)
            if !number.isEmpty {
                if let first = numbers[number] {
                    problems.append(
                        Diagnostic(
                            .rules, at: table.location(row.line, column: columns[.number] ?? columns[.prompt]),
                            FormatMessages.BoardImport.duplicateNumber(number, firstLine: first)))
                    continue
                }
                numbers[number] = row.line
            }
            var weight = 1.0
            let weightCell = row.cell(columns[.weight]).trimmingWhitespace
            if !weightCell.isEmpty {
                if let value = CheckedNumber.finite(text: weightCell), value > 0, value <= ChecklistRules.numberLimit {
                    weight = value
                } else {
                    problems.append(
                        Diagnostic(
                            .rules, at: table.location(row.line, column: columns[.weight]),
                            FormatMessages.BoardImport.badWeight(weightCell)))
                }
            }
            let rating = row.cell(columns[.rating]).trimmingWhitespace
            if !rating.isEmpty { ratings.append(rating) }
            let guidance = row.cell(columns[.guidance]).trimmingWhitespace
            for (text, column, limit) in [
                (prompt, columns[.prompt], InputLimits.prompt), (guidance, columns[.guidance], InputLimits.guidance),
            ]
            where text.count > limit {
                problems.append(
                    Diagnostic(
                        .rules, at: table.location(row.line, column: column),
                        FormatMessages.BoardImport.tooLong(text.count, limit: limit)))
            }
            current.questions.append(
                Question(
                    line: row.line, number: number.isEmpty ? nil : number, prompt: prompt,
                    guidance: guidance.isEmpty ? nil : guidance,
                    weight: weight, critical: Self.isYes(row.cell(columns[.critical])),
                    rating: rating.isEmpty ? nil : rating))
        }
        if !current.questions.isEmpty { sections.append(current) }
        sections = sections.filter { !$0.questions.isEmpty }
        guard problems.isEmpty else {
            throw InputError(
                problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        guard !sections.isEmpty else {
            throw InputError(.rules, at: table.location(layout.headerLine ?? 1), FormatMessages.BoardImport.noQuestions)
        }
        self.sections = sections
        ratingValues = ratings
        hadRatingColumn = columns[.rating] != nil
        ratingHeader = columns[.rating].flatMap { header?.cell($0) }
    }

    /// "1.2 Is the…" → ("1.2", "Is the…"); also "1.", "a)", "(iv)", "Q3".
    static func leadingNumber(_ text: String) -> (number: String, rest: String)? {
        guard let space = text.firstIndex(where: \.isWhitespace) else { return nil }
        let head = String(text[..<space])
        let rest = String(text[space...]).trimmingWhitespace
        guard !rest.isEmpty, head.count <= 8 else { return nil }
        let core = cleanNumber(head)
        guard !core.isEmpty else { return nil }
        let isNumbering =
            core.allSatisfy { $0.isNumber || $0 == "." }
            || (core.count <= 4 && core.allSatisfy { $0.isLetter } && (head.hasSuffix(")") || head.hasSuffix("."))
                && core == core.lowercased())
            || (head.hasPrefix("Q") && core.dropFirst().allSatisfy(\.isNumber) && core.count > 1)
        return isNumbering ? (core, rest) : nil
    }

    /// "1." → "1"; "a)" → "a"; "(iv)" → "iv".
    static func cleanNumber(_ text: String) -> String {
        var core = text.trimmingWhitespace
        while let last = core.last, last == "." || last == ")" || last == ":" { core.removeLast() }
        if core.hasPrefix("(") { core.removeFirst() }
        return core
    }

    static func isYes(_ text: String) -> Bool {
        ["yes", "y", "true", "x", "✓", "✔", "critical", "key", "1", "mandatory"].contains(
            text.trimmingWhitespace.lowercased())
    }
}
