import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

/// Each limit of `InputLimits` refuses what is past it with an error that names the limit and
/// the place, and accepts what is at it.
@Suite struct InputLimitsTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    func messages(_ body: () throws(InputError) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.description): \($0.message)" }
        }
    }

    @Test func aCSVLineOfMoreThanAMebibyteIsRefusedBeforeTheRestIsRead() throws {
        // The long line comes first and the file goes on for 12 MiB: the reader stops in its
        // first 4 MiB chunk.
        var text = "reference,case type\n" + String(repeating: "x", count: InputLimits.line + 1) + "\n"
        text += String(repeating: "C1,CIN\n", count: 12 * 1024 * 1024 / 7)
        let path = try folder.write("long-line.csv", text)
        #expect(
            messages { () throws(InputError) in _ = try CaseListCSVImport.read(file: path) } == [
                "\(path): has a line longer than 1048576 bytes, far more than any CSV row: is it a CSV file? (refused without reading the rest)"
            ])
    }

    @Test func aLineAtTheLimitIsRead() throws {
        let reference = String(repeating: "R", count: InputLimits.field)
        let path = try folder.write("at-limit.csv", "reference,case type\n\(reference),CIN\n")
        let list = try CaseListCSVImport.read(file: path)
        #expect(list.records.map(\.reference) == [reference])
    }

    @Test func aFieldLongerThanACellIsRefusedWithItsLine() throws {
        let long = String(repeating: "y", count: InputLimits.field + 1)
        let plain = try folder.write("long-field.csv", "reference,case type\nC1,CIN\nC2,\(long)\n")
        #expect(
            messages { () throws(InputError) in _ = try CaseListCSVImport.read(file: plain) } == [
                "\(plain):3: a field is 32768 bytes long, more than the 32767 a spreadsheet cell can hold: is this a CSV file?"
            ])
        let quoted = try folder.write("long-quoted.csv", "reference,case type\n\"\(long)\",CIN\n")
        #expect(
            messages { () throws(InputError) in _ = try CaseListCSVImport.read(file: quoted) }.first?.hasPrefix(
                "\(quoted):2: a field is 32768 bytes") == true)
    }

    @Test func aMillionColumnsAreRefused() throws {
        let path = try folder.write(
            "wide.csv", "reference,case type" + String(repeating: ",", count: 1_000_000) + "\nC1,CIN\n")
        #expect(
            messages { () throws(InputError) in _ = try OrgChartImport.read(file: path) } == [
                "\(path):1: a row has more than 16384 fields (the most a spreadsheet has): is this a CSV file?"
            ])
    }

    @Test func aNoteReasonOrActionPastTheLimitIsRefused() throws {
        var session = ScoringSession(checklist: ChecklistSamples.scoring)
        let long = String(repeating: "n", count: InputLimits.note + 1)
        #expect(throws: ScoringError.tooLong(.note, length: 4001)) {
            try session.answer("seen", value: "no", note: long)
        }
        try session.answer("seen", value: "no", note: String(repeating: "n", count: InputLimits.note))
        #expect(throws: ScoringError.tooLong(.reason, length: 4001)) { try session.judge("good", reason: long) }
        let today = CalendarDate(year: 2026, month: 11, day: 21)!
        #expect(throws: ScoringError.tooLong(.what, length: 4001)) {
            try session.addAction(AuditAction(what: long, who: "sw1", due: today), today: today)
        }
        #expect(
            ScoringError.tooLong(.note, length: 4001).message
                == "the note is 4001 characters long; at most 4000 are kept")
    }

    @Test func aLongNoteOnAPaperSheetNamesItsLineAndColumn() throws {
        let long = String(repeating: "n", count: InputLimits.note + 1)
        let path = try folder.write("sheet.csv", "item,answer,note,who,due\nseen,no,\(long),,\n")
        let sheet = try AnswerSheetCSV.read(file: path)
        #expect(
            messages { () throws(InputError) in
                _ = try sheet.check(
                    against: ScoringSession(checklist: ChecklistSamples.scoring),
                    today: CalendarDate(year: 2026, month: 11, day: 21)!)
            } == ["\(path):2:3: the note is 4001 characters long; at most 4000 are kept"])
    }

    @Test func aPromptPastTheLimitFailsTheSchemaWithItsPlace() throws {
        let source = try String(contentsOfFile: Fixtures.checklist("valid-minimal.xml"), encoding: .utf8)
        guard let start = source.range(of: "<prompt>"), let end = source.range(of: "</prompt>") else {
            Issue.record("the fixture has no prompt")
            return
        }
        let long = source.replacingCharacters(
            in: start.upperBound..<end.lowerBound, with: String(repeating: "Is it so? ", count: 101))
        let path = try folder.write("long-prompt.xml", long)
        do {
            _ = try ChecklistLoader().load(file: path)
            Issue.record("a 1,010-character prompt was accepted")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.location.line ?? 0 > 0)
            #expect(error.diagnostics.first?.message.contains("1000") == true)
        }
    }

    @Test func aCellLongerThanExcelAllowsIsRefusedWithSheetRowAndColumn() throws {
        let sheet = XLSXWriter.Sheet(
            name: "List 6",
            rows: [
                [.text("Child Unique ID"), .text("Allocated team")],
                [.text("C1"), .text(String(repeating: "t", count: InputLimits.cell + 1))],
            ])
        let path = try folder.write("long-cell.xlsx", try XLSXWriter.workbook([sheet]))
        #expect(
            messages { () throws(InputError) in _ = try AnnexAImport.read(file: path) } == [
                "\(path)[List 6]:2:2: the cell holds 32768 characters, more than the 32767 a spreadsheet cell can"
            ])
    }

    @Test func aCellBeyondTheLastColumnOrRowIsRefused() throws {
        func workbook(_ name: String, sheetXML: String) throws -> String {
            try folder.write(
                name,
                try XLSXWriter.zip([
                    (
                        "xl/workbook.xml",
                        Data(
                            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Tool\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
                                .utf8)
                    ),
                    (
                        "xl/_rels/workbook.xml.rels",
                        Data(
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                                .utf8)
                    ),
                    (
                        "xl/worksheets/sheet1.xml",
                        Data(
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(sheetXML)</sheetData></worksheet>"
                                .utf8)
                    ),
                ]))
        }
        let column = try workbook(
            "far-column.xlsx",
            sheetXML: "<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>Question</t></is></c></row>")
        #expect(
            messages { () throws(InputError) in _ = try BoardReader.read(column) } == [
                "\(column)[Tool]:1: the cell 'ZZZZZZZZZZZZZZ1' is beyond column XFD, the last column a workbook can have"
            ])
        let row = try workbook("far-row.xlsx", sheetXML: "<row r=\"9223372036854775807\"/><row/>")
        #expect(
            messages { () throws(InputError) in _ = try BoardReader.read(row) } == [
                "\(row)[xl/worksheets/sheet1.xml]:1: '9223372036854775807' is not a row number: rows are numbered 1 to 1048576"
            ])
        let wide = try workbook(
            "wide.xlsx",
            sheetXML:
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Question</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        )
        #expect(
            messages { () throws(InputError) in _ = try BoardReader.read(wide) } == [
                "\(wide)[Tool]:1:16384: the sheet has a cell in column XFD: a board's audit tool uses at most 256 columns (clear the cells far to the right)"
            ])
    }

    @Test func aBoardQuestionPastTheLimitNamesItsRow() throws {
        let path = try folder.write(
            "board.csv", "No.,Question\n1,Is the child seen?\n2,\(String(repeating: "Why? ", count: 201))\n")
        #expect(
            messages { () throws(InputError) in _ = try BoardImport(try BoardReader.read(path)) } == [
                "\(path):3:2: the cell is 1004 characters long; a checklist keeps at most 1000 here"
            ])
    }
}
