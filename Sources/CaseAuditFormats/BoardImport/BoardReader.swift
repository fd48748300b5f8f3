import CaseAudit
import CaseAuditXML

/// Reads a board's document into a table: an .xlsx workbook (first sheet, or the one named),
/// a .docx document (its tables, or its numbered paragraphs; headings become sections) or a
/// .csv file. Office files go through the same limits and safe XML parsing as everything else:
/// the zip is read in memory part by part, never unpacked to disk.
public enum BoardReader {
    public static func read(_ path: String, sheet: String? = nil) throws(InputError) -> BoardTable {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return try csv(path) }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return try workbook(path, sheet: sheet) }
        if lower.hasSuffix(".docx") { return try document(path) }
        throw InputError(.file, at: SourceLocation(file: path), FormatMessages.Office.unknownKind)
    }

    static func csv(_ path: String) throws(InputError) -> BoardTable {
        let table = try CSVInput.table(path)
        let rows = (0..<table.recordCount).map { record in
            BoardTable.Row(
                line: table.line(ofRecord: record),
                cells: (0..<table.fieldCount(ofRecord: record)).map {
                    table.field($0, ofRecord: record)?.trimmingWhitespace ?? ""
                })
        }
        return BoardTable(file: path, part: nil, rows: rows)
    }

    static func workbook(_ path: String, sheet: String?) throws(InputError) -> BoardTable {
        var workbook = try XLSXWorkbook(path: path)
        guard let name = sheet ?? workbook.sheets.first?.name else {
            throw InputError(.file, at: SourceLocation(file: path), FormatMessages.Office.notAWorkbook)
        }
        guard let rows = try workbook.rows(ofSheet: name) else {
            throw InputError(
                .file, at: SourceLocation(file: path),
                FormatMessages.Office.noSheet(name, sheets: workbook.sheets.map(\.name)))
        }
        // Rows are made dense below: a cell far to the right would cost memory for every row.
        if let far = rows.first(where: { ($0.cells.keys.max() ?? 0) >= BoardTable.columnLimit }) {
            let column = far.cells.keys.max() ?? 0
            throw InputError(
                .rules, at: SourceLocation(file: "\(path)[\(name)]", line: far.number, column: column + 1),
                FormatMessages.BoardImport.tooWide(XLSXWorkbook.columnName(column)))
        }
        let table = rows.map { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            return BoardTable.Row(
                line: row.number,
                cells: (0..<width).map { column in
                    switch row.cells[column] {
                    case .text(let text): text.trimmingWhitespace
                    case .number(let number): Number.format(number)
                    case nil: ""
                    }
                })
        }
        return BoardTable(file: path, part: "sheet '\(name)'", rows: table)
    }

    static func document(_ path: String) throws(InputError) -> BoardTable {
        var package = try OfficePackage(path: path)
        let part = "word/document.xml"
        guard let bytes = try package.part(part) else {
            throw InputError(.file, at: SourceLocation(file: path), FormatMessages.Office.notADocument)
        }
        let document: XMLDocumentHandle
        do {
            document = try SafeXMLParser.parse(bytes, name: part)
        } catch {
            throw InputError(
                error.diagnostics.map {
                    Diagnostic(
                        .syntax, at: SourceLocation(file: "\(path)[\(part)]", line: $0.line, column: $0.column),
                        $0.message)
                })
        }
        guard let body = document.rootElement?.firstChild(named: "body") else {
            return BoardTable(file: path, part: part, rows: [])
        }
        var rows: [BoardTable.Row] = []
        var numbered: [BoardTable.Row] = []
        var hasTable = false
        var counter = 0
        var questions = 0  // numbered paragraphs so far (a running count: documents can be long)
        for element in body.childElements {
            if element.isNamed("p") {
                let text = paragraphText(element).trimmingWhitespace
                guard !text.isEmpty else { continue }
                counter += 1
                let properties = element.firstChild(named: "pPr")
                let style =
                    properties?.firstChild(named: "pStyle").flatMap { $0.attribute("val", namespace: wordNamespace) }
                    ?? ""
                if let level = headingLevel(style) {
                    let heading = BoardTable.Row(line: counter, cells: [text], heading: level)
                    rows.append(heading)
                    numbered.append(heading)
                } else if properties?.firstChild(named: "numPr") != nil || BoardImport.leadingNumber(text) != nil {
                    let number = BoardImport.leadingNumber(text)
                    questions += 1
                    let sequence = questions
                    numbered.append(
                        BoardTable.Row(
                            line: counter, cells: [number?.number ?? String(sequence), number?.rest ?? text]))
                }
            } else if element.isNamed("tbl") {
                hasTable = true
                for row in element.children(named: "tr") {
                    counter += 1
                    let cells = row.children(named: "tc").map { cell in
                        cell.children(named: "p").map(paragraphText).joined(separator: " ").trimmingWhitespace
                    }
                    rows.append(BoardTable.Row(line: counter, cells: cells))
                }
            }
        }
        if hasTable { return BoardTable(file: path, part: part, rows: rows) }
        // No table: the numbered paragraphs are the questions, under their headings.
        return BoardTable(
            file: path, part: part, rows: [BoardTable.Row(line: 0, cells: ["No.", "Question"])] + numbered)
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// "Heading1", "heading 2", "Title" → a level; nil for body text.
    static func headingLevel(_ style: String) -> Int? {
        let lower = style.lowercased()
        if lower == "title" { return 0 }
        guard lower.hasPrefix("heading") else { return nil }
        return Int(String(lower.dropFirst("heading".count)).trimmingWhitespace) ?? 1
    }

    /// A paragraph's text: its runs' w:t, tabs as spaces.
    static func paragraphText(_ paragraph: XMLElementRef) -> String {
        var text = ""
        func walk(_ element: XMLElementRef) {
            for child in element.childElements {
                if child.isNamed("t") {
                    text += child.text
                } else if child.isNamed("tab") {
                    text += " "
                } else if child.isNamed("r") || child.isNamed("hyperlink") || child.isNamed("ins")
                    || child.isNamed("smartTag")
                {
                    walk(child)
                }
            }
        }
        walk(paragraph)
        return text
    }
}
