import CaseAudit
import CaseAuditXML

/// A spreadsheet read from an .xlsx package: its sheets by name, each as rows of cells. Formulas
/// are never evaluated: a cell's cached value is what is read.
struct XLSXWorkbook {
    enum Cell: Equatable {
        case text(String)
        case number(Double)
    }

    struct Row {
        /// 1-based, as Excel numbers rows.
        var number: Int
        /// By 0-based column index.
        var cells: [Int: Cell]
    }

    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var package: OfficePackage
    /// Sheet names in workbook order, with their part paths.
    let sheets: [(name: String, part: String)]
    private let sharedStrings: [String]
    /// The SHA-256 of the workbook's file, as read.
    var sha256: String { package.sha256 }

    init(path: String) throws(InputError) {
        package = try OfficePackage(path: path)
        guard let workbookBytes = try package.part("xl/workbook.xml") else {
            throw InputError(.file, at: SourceLocation(file: path), FormatMessages.Office.notAWorkbook)
        }
        let workbook = try Self.parse(workbookBytes, part: "xl/workbook.xml", in: path)
        var targets: [String: String] = [:]
        if let relsBytes = try package.part("xl/_rels/workbook.xml.rels") {
            let rels = try Self.parse(relsBytes, part: "xl/_rels/workbook.xml.rels", in: path)
            for relationship in rels.rootElement?.children(named: "Relationship") ?? [] {
                if let id = relationship.attribute("Id"), let target = relationship.attribute("Target") {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        sheets = (workbook.rootElement?.firstChild(named: "sheets")?.children(named: "sheet") ?? []).compactMap {
            sheet in
            guard let name = sheet.attribute("name"), let id = sheet.attribute("id", namespace: Self.relationships),
                let part = targets[id]
            else { return nil }
            return (name, part)
        }
        var strings: [String] = []
        if let sharedBytes = try package.part("xl/sharedStrings.xml") {
            let shared = try Self.parse(sharedBytes, part: "xl/sharedStrings.xml", in: path)
            for item in shared.rootElement?.children(named: "si") ?? [] {
                strings.append(Self.text(of: item))
            }
        }
        sharedStrings = strings
    }

    /// The rows of the sheet called `name` (nil when there is no such sheet).
    mutating func rows(ofSheet name: String) throws(InputError) -> [Row]? {
        guard let sheet = sheets.first(where: { $0.name == name }) else { return nil }
        guard let bytes = try package.part(sheet.part) else { return [] }
        let document = try Self.parse(bytes, part: sheet.part, in: package.path)
        var rows: [Row] = []
        for row in document.rootElement?.firstChild(named: "sheetData")?.children(named: "row") ?? [] {
            var cells: [Int: Cell] = [:]
            var nextColumn = 0
            let rowNumber = try Self.rowNumber(row, after: rows.last?.number ?? 0, part: sheet.part, in: package.path)
            for cell in row.children(named: "c") {
                let column = cell.attribute("r").flatMap(Self.columnIndex) ?? nextColumn
                guard column < Self.columnLimit else {
                    throw InputError(
                        .rules, at: SourceLocation(file: "\(package.path)[\(name)]", line: rowNumber),
                        FormatMessages.Office.beyondLastColumn(cell.attribute("r") ?? Self.columnName(column)))
                }
                nextColumn = column + 1
                let type = cell.attribute("t")
                let value = cell.firstChild(named: "v")?.text
                switch type {
                case "s":
                    if let index = value.flatMap({ Int($0) }), index >= 0, index < sharedStrings.count {
                        cells[column] = .text(sharedStrings[index])
                    }
                case "inlineStr":
                    if let inline = cell.firstChild(named: "is") { cells[column] = .text(Self.text(of: inline)) }
                case "str", "e":
                    if let value { cells[column] = .text(value) }
                case "b":
                    if let value { cells[column] = .text(value == "1" ? "TRUE" : "FALSE") }
                default:
                    if let value, let number = CheckedNumber.finite(text: value) {
                        cells[column] = .number(number)
                    } else if let value {
                        cells[column] = .text(value)
                    }
                }
                // Excel's own limit: a longer cell was not written by a spreadsheet.
                if case .text(let text) = cells[column], text.utf8.count > InputLimits.cell,
                    text.utf16.count > InputLimits.cell
                {
                    throw InputError(
                        .rules,
                        at: SourceLocation(file: "\(package.path)[\(name)]", line: rowNumber, column: column + 1),
                        FormatMessages.Office.cellTooLong(text.utf16.count))
                }
            }
            rows.append(Row(number: rowNumber, cells: cells))
        }
        return rows
    }

    /// Excel's last column (XFD) and row: no workbook has a cell beyond them.
    static let columnLimit = 16_384
    static let rowLimit = 1_048_576

    /// "AB12" → 27; nil when the reference does not start with a letter. A column past XFD
    /// gives `columnLimit`, which no cell may have.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return columnLimit }
            index = index * 26 + Int(scalar.value) - 64
        }
        return letters > 0 ? min(index - 1, columnLimit) : nil
    }

    /// A row's number: its `r`, else the one after the row before; within Excel's rows.
    private static func rowNumber(_ row: XMLElementRef, after previous: Int, part: String, in path: String)
        throws(InputError) -> Int
    {
        let number =
            row.attribute("r").map { CheckedNumber.integer(text: $0, in: 1...rowLimit) }
            ?? (previous < rowLimit ? previous + 1 : nil)
        guard let number else {
            throw InputError(
                .rules, at: SourceLocation(file: "\(path)[\(part)]", line: row.line),
                FormatMessages.Office.badRowNumber(row.attribute("r") ?? String(previous + 1)))
        }
        return number
    }

    /// 27 → "AB".
    static func columnName(_ index: Int) -> String {
        var name = ""
        var value = index + 1
        while value > 0 {
            let remainder = (value - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            value = (value - 1) / 26
        }
        return name
    }

    private static func text(of element: XMLElementRef) -> String {
        // Rich text keeps its runs in r/t; plain text in t. Phonetic runs (rPh) are left out.
        var text = ""
        for child in element.childElements {
            if child.isNamed("t") {
                text += child.text
            } else if child.isNamed("r") {
                text += child.firstChild(named: "t")?.text ?? ""
            }
        }
        return text
    }

    private static func parse(_ bytes: [UInt8], part: String, in path: String) throws(InputError) -> XMLDocumentHandle {
        do {
            return try SafeXMLParser.parse(bytes, name: part)
        } catch {
            throw InputError(
                error.diagnostics.map {
                    Diagnostic(
                        .syntax, at: SourceLocation(file: "\(path)[\(part)]", line: $0.line, column: $0.column),
                        $0.message)
                })
        }
    }
}
