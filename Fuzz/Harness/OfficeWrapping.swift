import CaseAudit
import Foundation
import CaseAuditFormats

/// Mutating a zip mostly breaks its checksums, so a fuzzer that feeds whole workbooks rarely
/// reaches the sheet parser. An input that is not a zip is therefore taken as the XML of the
/// document's main part (a worksheet, or word/document.xml) and packed into a real workbook or
/// document first; an input that is a zip is read as it is, so the package reader is fuzzed too.
enum OfficeWrapping {
    static func isZip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    /// A workbook whose sheets (named `sheets`) all hold `sheetXML`, with a shared-strings part.
    static func workbook(sheetXML: Data, sheets: [String]) -> Data? {
        let sheetList = sheets.enumerated().map { "<sheet name=\"\($1)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        let relationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        }.joined()
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>".utf8)),
            ("xl/sharedStrings.xml", Data("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Child Unique ID</t></si><si><t>Allocated team</t></si><si><t>Question</t></si><si><r><t>CIN start </t></r><r><t>date</t></r></si></sst>".utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        return try? XLSXWriter.zip(parts)
    }

    static func document(documentXML: Data) -> Data? {
        try? XLSXWriter.zip([("word/document.xml", documentXML)])
    }
}
