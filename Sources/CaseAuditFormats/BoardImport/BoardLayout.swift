import CaseAudit

/// Where the header row is and which column holds what: found from the header's names, or
/// given with `--map prompt=B,guidance=C` (letters or header names).
public struct BoardLayout: Sendable {
    public var headerLine: Int?
    public var columns: [BoardColumn: Int]

    /// The first row, among the first 40, that names a question column.
    static func detect(_ table: BoardTable, mapping: [BoardColumn: String]) throws(InputError) -> BoardLayout {
        for (index, row) in table.rows.prefix(40).enumerated() where row.heading == nil {
            var columns: [BoardColumn: Int] = [:]
            for (column, text) in row.cells.enumerated() {
                if let role = BoardColumn.matching(text), columns[role] == nil { columns[role] = column }
            }
            guard columns[.prompt] != nil || (!mapping.isEmpty && columns.count >= 1) else { continue }
            var layout = BoardLayout(headerLine: table.rows[index].line, columns: columns)
            try layout.apply(mapping, header: row, table: table)
            return layout
        }
        // No header names a question column: a mapping by letters can still say where it is.
        if !mapping.isEmpty, mapping.values.allSatisfy({ Self.letterIndex($0) != nil }) {
            var layout = BoardLayout(headerLine: nil, columns: [:])
            try layout.apply(mapping, header: nil, table: table)
            if layout.columns[.prompt] != nil { return layout }
        }
        let header = table.rows.first { $0.heading == nil && $0.filled.count >= 2 }
        let seen = header.map { $0.filled.map { "'\($0)'" }.joined(separator: ", ") } ?? "none"
        throw InputError([
            Diagnostic(
                .rules, at: table.location(header?.line ?? 1), FormatMessages.BoardImport.noQuestionColumn(seen: seen),
                remedy: .mapBoardColumns)
        ])
    }

    private mutating func apply(_ mapping: [BoardColumn: String], header: BoardTable.Row?, table: BoardTable)
        throws(InputError)
    {
        for (role, target) in mapping {
            if let index = Self.letterIndex(target) {
                columns[role] = index
            } else if let index = header?.cells.firstIndex(where: {
                BoardColumn.normalise($0) == BoardColumn.normalise(target)
            }) {
                columns[role] = index
            } else {
                throw InputError(
                    .rules, at: table.location(header?.line ?? 1),
                    FormatMessages.BoardImport.unknownMapTarget(target, role: role.rawValue))
            }
        }
    }

    /// "B" → 1; nil when `text` is not a column letter.
    static func letterIndex(_ text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isUppercase && $0.isLetter }),
            let index = XLSXWorkbook.columnIndex(text), index < XLSXWorkbook.columnLimit
        else { return nil }
        return index
    }
}

extension BoardColumn {
    /// A mapping that is not ROLE=COLUMN pairs.
    public struct MappingError: Error, Sendable {
        public var message: String
    }

    /// `prompt=B,guidance=C` (the command line's `--map`).
    public static func mapping(_ text: String) throws(MappingError) -> [BoardColumn: String] {
        var mapping: [BoardColumn: String] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard pieces.count == 2, let role = BoardColumn(rawValue: pieces[0].lowercased()), !pieces[1].isEmpty else {
                throw MappingError(message: FormatMessages.BoardImport.badMap(String(part)))
            }
            mapping[role] = pieces[1]
        }
        return mapping
    }
}
