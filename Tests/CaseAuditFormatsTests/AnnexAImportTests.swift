import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

@Suite struct AnnexAImportTests {
    static let sample = "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx"

    @Test func readsTheOfstedSample() throws {
        let list = try AnnexAImport.read(file: Self.sample)
        let types = Dictionary(grouping: list.records, by: \.caseType).mapValues(\.count)
        #expect(list.records.count == 17)
        #expect(types == [.childInNeed: 5, .childProtection: 2, .lookedAfter: 4, .careLeaver: 6])
        #expect(list.records.first { $0.caseType == .careLeaver }?.team == "Care Leavers Team")
        // "#N/A" in the team column is no team.
        #expect(!list.records.filter { $0.caseType == .childInNeed }.isEmpty)
        #expect(list.records.filter { $0.caseType == .childInNeed }.allSatisfy { $0.team == nil })
        #expect(list.notes == [FormatMessages.AnnexA.closedRows(6)])
        #expect(try AnnexAImport.read(file: Self.sample, lists: [3, 6, 7, 8, 9]).records.count == 23)
        // The trail's digest is of the very bytes the list was read from.
        #expect(list.sha256 != nil)
        #expect(list.sha256 == ImportSource.sha256(ofFile: Self.sample))
    }

    @Test func readsExcelDatesAndKeepsNoPersonalDetails() throws {
        let list = try AnnexAImport.read(file: Self.sample)
        let child = try #require(list.records.first { $0.reference == "12598894" })
        #expect(child.opened?.description == "2010-06-09")  // serial 40338
        #expect(child.lastVisit?.description == "2021-01-21")  // serial 44217
        #expect(!"\(list.records)".contains("WBRI"))
    }

    /// The generator's workbook holds the same cases as its CSV: reading either gives the same
    /// population (a child on Lists 6 and 7 becomes one child protection case).
    @Test func theDemoWorkbookMatchesTheDemoCSV() throws {
        let fromWorkbook = try AnnexAImport.read(file: "\(Fixtures.packageRoot)/Samples/annex-a.xlsx").records
        let fromCSV = try CaseListCSVImport.read(file: "\(Fixtures.packageRoot)/Samples/cases.csv").records
            .sorted { $0.reference < $1.reference }
            .map { record -> CaseRecord in
                // List 9 (care leavers) carries no dates.
                var record = record
                if record.caseType == .careLeaver { (record.opened, record.lastVisit) = (nil, nil) }
                return record
            }
        #expect(fromWorkbook.count == 1500)
        let mismatches = zip(fromWorkbook, fromCSV).filter { $0.0 != $0.1 }
        #expect(mismatches.isEmpty, "first mismatch: \(mismatches.first.map { "\($0.0) vs \($0.1)" } ?? "")")
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (44197.0, "2021-01-01"),
        (44197.75, "2021-01-01"),
    ])
    func convertsExcelSerials(serial: Double, iso: String) {
        #expect(CheckedNumber.excelDate(serial)?.description == iso)
    }

    @Test func refusesTheFictionalLeapDayAndNonsense() {
        #expect(CheckedNumber.excelDate(60) == nil)
        #expect(CheckedNumber.excelDate(0) == nil)
        #expect(CheckedNumber.excelDate(-5) == nil)
    }

    func workbook(_ sheets: [XLSXWriter.Sheet], in folder: TemporaryDirectory) throws -> String {
        try folder.write("book.xlsx", try XLSXWriter.workbook(sheets))
    }

    @Test func namesTheSheetsWhenTheListsAreMissing() throws {
        let folder = try TemporaryDirectory()
        let path = try workbook(
            [.init(name: "Sheet1", rows: [[.text("x")]]), .init(name: "Summary", rows: [])], in: folder)
        let error = try #require(throws: InputError.self) { try AnnexAImport.read(file: path) }
        #expect(
            error.diagnostics.map(\.message) == [
                FormatMessages.AnnexA.noLists(["List 6", "List 7", "List 8", "List 9"], sheets: ["Sheet1", "Summary"])
            ])
    }

    @Test func reportsBadDatesAndDuplicatesWithSheetRowAndColumn() throws {
        let folder = try TemporaryDirectory()
        let path = try workbook(
            [
                .init(
                    name: "List 6",
                    rows: [
                        [.text("Child Unique ID"), .text("CIN Start Date"), .text("Allocated Team")],
                        [.text("A1"), .text("31/02/2025"), .text("Team A")],
                        [.text("A2"), .text("01/03/2025"), .text("Team A")],
                        [.text("A2"), .number(45000), .text("Team B")],
                    ])
            ], in: folder)
        let error = try #require(throws: InputError.self) { try AnnexAImport.read(file: path) }
        let found = error.diagnostics.map { "\($0.location.description) \($0.message)" }
        #expect(
            found == [
                "\(path)[List 6]:2:2 '31/02/2025' in 'CIN Start Date' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
                "\(path)[List 6]:4:1 case reference 'A2' appears twice (first on line 3)",
            ])
    }

    @Test func usesACellsCachedValueAndNeverAFormula() throws {
        let folder = try TemporaryDirectory()
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Child Unique ID</t></is></c><c r="B1" t="inlineStr"><is><t>CIN Start Date</t></is></c></row>
            <row r="2"><c r="A2" t="str"><f>CONCATENATE("A","9")</f><v>A9</v></c><c r="B2"><f>DATE(2025,1,1)</f><v>45658</v></c></row>
            </sheetData></worksheet>
            """
        let path = try folder.write("formula.xlsx", try Self.package(sheet: sheet))
        let list = try AnnexAImport.read(file: path, lists: [6])
        #expect(
            list.records == [
                CaseRecord(reference: "A9", caseType: .childInNeed, opened: CalendarDate(year: 2025, month: 1, day: 1))
            ])
    }

    @Test func refusesADoctypeInsideAPart() throws {
        let folder = try TemporaryDirectory()
        let sheet = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>
            """
        let path = try folder.write("doctype.xlsx", try Self.package(sheet: sheet))
        let error = try #require(throws: InputError.self) { try AnnexAImport.read(file: path, lists: [6]) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].location.file == "\(path)[xl/worksheets/sheet1.xml]")
        #expect(error.diagnostics[0].message.contains("DOCTYPE is not allowed"))
        #expect(!error.diagnostics[0].message.contains("root:"))
    }

    @Test func refusesFilesThatAreNotWorkbooks() throws {
        let folder = try TemporaryDirectory()
        let text = try folder.write("text.xlsx", "Case Reference,Case Type\n")
        let real = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let truncated = try folder.write("truncated.xlsx", real.prefix(real.count / 2))
        let notExcel = try folder.write("other.xlsx", try XLSXWriter.zip([("word/document.xml", Data("<w/>".utf8))]))
        for (path, says) in [(text, "is not a zip file"), (truncated, "zip"), (notExcel, "not an Excel workbook")] {
            let error = try #require(throws: InputError.self) { try AnnexAImport.read(file: path) }
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].message.contains(says), "\(error.diagnostics[0].message)")
        }
    }

    /// 30 MB of zeros deflates to a few kilobytes: the ratio gives it away before unpacking.
    @Test func refusesAZipBomb() throws {
        let folder = try TemporaryDirectory()
        let zeros = Data(count: 30 * 1024 * 1024)
        let bomb = try XLSXWriter.zip([
            ("[Content_Types].xml", Data("<Types/>".utf8)), ("xl/workbook.xml", zeros),
        ])
        #expect(bomb.count < 200_000)
        let path = try folder.write("bomb.xlsx", bomb)
        let error = try #require(throws: InputError.self) { try AnnexAImport.read(file: path) }
        #expect(error.diagnostics[0].message.contains("zip bomb"))
    }

    /// A one-sheet package around a worksheet written by hand.
    static func package(sheet: String) throws -> Data {
        return try XLSXWriter.zip([
            (
                "[Content_Types].xml",
                Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
            ),
            (
                "xl/workbook.xml",
                Data(
                    """
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List 6" sheetId="1" r:id="rId1"/></sheets></workbook>
                    """.utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Data(
                    """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                    """.utf8)
            ),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ])
    }
}
