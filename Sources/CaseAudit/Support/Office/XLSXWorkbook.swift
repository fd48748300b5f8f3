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

    init(path: String) throws(InputError) {
        package = try OfficePackage(path: path)
        guard let workbookBytes = try package.part("xl/workbook.xml") else {
            throw InputError(.file, at: SourceLocation(file: path), Messages.Office.notAWorkbook)
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
        sheets = (workbook.rootElement?.firstChild(named: "sheets")?.children(named: "sheet") ?? []).compactMap { sheet in
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
            for cell in row.children(named: "c") {
                let column = cell.attribute("r").flatMap(Self.columnIndex) ?? nextColumn
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
                    if let value, let number = Double(value) { cells[column] = .number(number) } else if let value {
                        cells[column] = .text(value)
                    }
                }
            }
            let number = row.attribute("r").flatMap { Int($0) } ?? (rows.last?.number ?? 0) + 1
            rows.append(Row(number: number, cells: cells))
        }
        return rows
    }

    /// "AB12" → 27.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
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
            throw InputError(error.diagnostics.map {
                Diagnostic(.syntax, at: SourceLocation(file: "\(path)[\(part)]", line: $0.line, column: $0.column), $0.message)
            })
        }
    }
}
