import CaseAudit

/// A board's audit tool as rows of cells, whatever it came in (a sheet, a Word table or its
/// headings and numbered paragraphs, a CSV), with where each row is for error messages.
public struct BoardTable: Sendable {
    public struct Row: Sendable {
        /// The row's number in its part (1-based, as the user sees it).
        public var line: Int
        /// By 0-based column; "" for an empty cell.
        public var cells: [String]
        /// A Word heading (its level): always a section title.
        public var heading: Int?

        public init(line: Int, cells: [String], heading: Int? = nil) {
            self.line = line
            self.cells = cells
            self.heading = heading
        }

        public func cell(_ column: Int?) -> String {
            guard let column, column < cells.count else { return "" }
            return cells[column]
        }

        var filled: [String] { cells.filter { !$0.isEmpty } }
    }

    /// The most columns a board's table may use: a tool has a handful.
    static let columnLimit = 256

    /// The file, and the part of it ("sheet 'Audit tool'", "word/document.xml").
    public var file: String
    public var part: String?
    public var rows: [Row]

    public init(file: String, part: String?, rows: [Row]) {
        self.file = file
        self.part = part
        self.rows = rows
    }

    /// "file[part]" for diagnostics.
    var place: String { part.map { "\(file)[\($0)]" } ?? file }

    func location(_ line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: place, line: line, column: column.map { $0 + 1 } ?? 0)
    }
}

/// What each column of a board's table holds.
public enum BoardColumn: String, Sendable, CaseIterable {
    case number, prompt, guidance, section, weight, critical, rating

    /// Header texts that name the column (compared lower-case, without punctuation).
    var aliases: [String] {
        switch self {
        case .number: ["no", "ref", "reference", "number", "item", "q", "qno", "question number", "standard no", "id"]
        case .prompt:
            [
                "question", "questions", "standard", "standards", "criteria", "criterion", "audit question",
                "requirement",
                "indicator", "prompt", "audit standard", "quality standard",
            ]
        case .guidance:
            [
                "guidance", "evidence", "evidence to look for", "what to look for", "notes for auditors", "prompts",
                "guidance notes",
                "auditor guidance",
            ]
        case .section: ["section", "area", "theme", "domain", "category", "heading"]
        case .weight: ["weight", "weighting", "points"]
        case .critical: ["critical", "key", "key standard", "mandatory", "must"]
        case .rating: ["rag", "rating", "scale", "score", "grade", "judgement", "rag rating"]
        }
    }

    static func normalise(_ header: String) -> String {
        var words: [String] = []
        var word = ""
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The column a header names: exactly, else by its first words ("Guidance / evidence to
    /// look for" is guidance).
    static func matching(_ header: String) -> BoardColumn? {
        let name = normalise(header)
        guard !name.isEmpty else { return nil }
        if let exact = allCases.first(where: { $0.aliases.contains(name) }) { return exact }
        return allCases.first { column in column.aliases.contains { name.hasPrefix($0 + " ") } }
    }
}
