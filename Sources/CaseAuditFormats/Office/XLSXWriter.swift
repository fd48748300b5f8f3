import CaseAudit
import Foundation
import ZIPFoundation

/// Writes a minimal .xlsx workbook in memory: sheets of text and number cells (text inline,
/// no styles). The same sheets give the same bytes: entries carry a fixed date.
public enum XLSXWriter {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]

        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// 1980-01-01, the earliest date a zip entry can carry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public struct Failure: Error, Sendable {
        public var reason: String
    }

    public static func workbook(_ sheets: [Sheet]) throws(Failure) -> Data {
        var parts: [(String, String)] = []
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        parts.append(
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\(overrides)</Types>
                """
            ))
        parts.append(
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """
            ))
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        parts.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
                """
            ))
        let relationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
                """
            ))
        for (index, sheet) in sheets.enumerated() {
            var body = ""
            for (rowIndex, row) in sheet.rows.enumerated() {
                body += "<row r=\"\(rowIndex + 1)\">"
                for (column, cell) in row.enumerated() {
                    let reference = XLSXWorkbook.columnName(column) + String(rowIndex + 1)
                    switch cell {
                    case .text(let text):
                        body += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                    case .number(let number): body += "<c r=\"\(reference)\"><v>\(Number.format(number))</v></c>"
                    case .empty: break
                    }
                }
                body += "</row>"
            }
            parts.append(
                (
                    "xl/worksheets/sheet\(index + 1).xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(body)</sheetData></worksheet>
                    """
                ))
        }
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A zip of the given parts, deflated, in memory.
    public static func zip(_ parts: [(String, Data)]) throws(Failure) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(reason: "no archive data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: String(describing: error))
        }
    }

    package static func escape(_ text: String) -> String { XMLEscape.escape(text) }
}
