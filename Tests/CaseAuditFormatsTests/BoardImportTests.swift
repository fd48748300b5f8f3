import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats
@testable import CaseAuditSynthetic

/// Importing a board's audit tool: the three forms of the demo board, layouts the detection
/// gets wrong, and every bad input the issue lists, each error naming its part, row and column.
@Suite struct BoardImportTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    func options(_ document: String = "board.xlsx", scale: ImportScale? = nil) -> BoardChecklist.Options {
        BoardChecklist.Options(
            id: "board", title: "Board tool", version: "1.0.0", scale: scale, issuer: "Test board", document: document,
            importedOn: Self.today)
    }

    func make(_ table: BoardTable, mapping: [BoardColumn: String] = [:], previous: Checklist? = nil) throws
        -> BoardChecklist.Result
    {
        try BoardChecklist.make(try BoardImport(table, mapping: mapping), options: options(), previous: previous)
    }

    func messages(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map { "\($0.location.description): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    /// What the refusal says would help, one per problem.
    func remedies(_ body: () throws -> Void) -> [Remedy?] {
        do {
            try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.remedy)
        } catch {
            return [nil]
        }
    }

    @Test func theDemoBoardReadsTheSameFromExcelWordAndCSV() throws {
        var results: [Checklist] = []
        for kind in ["xlsx", "docx", "csv"] {
            let path = try folder.write(
                "board.\(kind)",
                kind == "csv"
                    ? Data(SyntheticBoardTool.csv().utf8)
                    : kind == "xlsx" ? try SyntheticBoardTool.workbook() : try SyntheticBoardTool.document())
            let result = try BoardChecklist.make(
                try BoardImport(try BoardReader.read(path)), options: options("board.\(kind)", scale: .ynp))
            #expect(result.summary.hasPrefix("18 questions in 4 sections, 3 critical"), "\(kind)")
            results.append(result.loaded.checklist)
        }
        let first = try #require(results.first)
        for other in results.dropFirst() {
            #expect(other.items.map(\.id) == first.items.map(\.id))
            #expect(other.items.map(\.prompt) == first.items.map(\.prompt))
            #expect(other.items.map(\.guidance) == first.items.map(\.guidance))
            #expect(other.sections.map(\.title) == first.sections.map(\.title))
        }
        // The board's numbering and wording are kept; the title row becomes the title.
        #expect(first.items[0].reference == "1.1")
        #expect(first.items[14].reference == "a")
        #expect(first.items[0].prompt == "Is the case allocated to a named, qualified social worker?")
        #expect(first.sections[0].title == "1. Allocation and management oversight")
        #expect(first.items.count(where: \.critical) == 3)
        #expect(
            try BoardImport(BoardReader.read("\(folder.path)/board.xlsx")).title?.hasPrefix(
                "Multi-agency case file audit tool") == true)
    }

    @Test func choosesTheScaleAndSaysWhy() throws {
        let rag = try folder.write("rag.csv", "No.,Question,RAG\n1,Is it recorded?,Green\n2,Is it reviewed?,Red\n")
        #expect(
            try make(BoardReader.read(rag)).summary.hasSuffix(
                "scale rag from the values in the document's rating column"))
        let none = try folder.write("none.csv", "No.,Question\n1,Is it recorded?\n")
        let plain = try make(BoardReader.read(none))
        #expect(
            plain.summary == "1 question in 1 section, 0 critical; scale ynp assumed: the document has no rating column"
        )
        #expect(plain.loaded.checklist.sections[0].title == "Questions")
    }

    @Test func noQuestionColumnListsTheHeadersAndMapFixesIt() throws {
        let path = try folder.write(
            "odd.csv", "Area,Point to check,Look for\nAllocation,,\n,Is the case allocated?,The record\n")
        #expect(
            messages { _ = try make(BoardReader.read(path)) } == [
                "\(path):1: no column of questions found: the headers seen were 'Area', 'Point to check', 'Look for'"
            ])
        #expect(remedies { _ = try make(BoardReader.read(path)) } == [.mapBoardColumns])
        let mapping = try BoardColumn.mapping("prompt=B,guidance=Look for")
        let result = try make(BoardReader.read(path), mapping: mapping)
        #expect(result.loaded.checklist.items.map(\.prompt) == ["Is the case allocated?"])
        #expect(result.loaded.checklist.items[0].guidance == "The record")
        #expect(result.loaded.checklist.sections[0].title == "Allocation")
        #expect(
            messages { _ = try make(BoardReader.read(path), mapping: ["prompt": "Nowhere"].mapKeys()) }.first?.contains(
                "a column called 'Nowhere', and there is none") == true)
    }

    @Test func aMergedSectionTitleAndANumberInThePromptAreUnderstood() throws {
        // A merged cell keeps its text in its first cell only: a row with one filled cell.
        let path = try folder.write(
            "merged.csv",
            "Question,Guidance,Critical\n,Seeing the child,\n2.1 Was the child seen?,Visit record,x\na) Was the child seen alone?,,\n"
        )
        let checklist = try make(BoardReader.read(path)).loaded.checklist
        #expect(checklist.sections.map(\.title) == ["Seeing the child"])
        #expect(
            checklist.items.map { "\($0.reference ?? "-") \($0.prompt) \($0.critical)" } == [
                "2.1 Was the child seen? true", "a Was the child seen alone? false",
            ])
    }

    /// Excel keeps a merged range's text in its first cell: the section title row has one filled
    /// cell however wide the merge.
    @Test func aMergedSectionTitleInAWorkbook() throws {
        let path = try folder.write(
            "merged.xlsx",
            try AnnexAImportTests.package(
                sheet: """
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                    <row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Standard</t></is></c><c r="C1" t="inlineStr"><is><t>Evidence</t></is></c></row>
                    <row r="2"><c r="A2" t="inlineStr"><is><t>Planning</t></is></c><c r="B2"/><c r="C2"/></row>
                    <row r="3"><c r="A3" t="inlineStr"><is><t>3.1</t></is></c><c r="B3" t="inlineStr"><is><t>Is the plan up to date?</t></is></c></row>
                    </sheetData><mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells></worksheet>
                    """))
        let checklist = try make(BoardReader.read(path)).loaded.checklist
        #expect(checklist.sections.map(\.title) == ["Planning"])
        #expect(checklist.items.map { "\($0.reference ?? "") \($0.prompt)" } == ["3.1 Is the plan up to date?"])
    }

    @Test func aDamagedWorkbookIsRefused() throws {
        let whole = try SyntheticBoardTool.workbook()
        let path = try folder.write("damaged.xlsx", whole.prefix(whole.count / 2))
        let found = messages { _ = try BoardReader.read(path) }
        #expect(found.count == 1 && found[0].contains("zip"), "\(found)")
        let noSheet = try folder.write("sheets.xlsx", whole)
        #expect(
            messages { _ = try BoardReader.read(noSheet, sheet: "Tool") } == [
                "\(noSheet): has no sheet called 'Tool' (sheets: Audit tool)"
            ])
    }

    @Test func duplicateNumbersAndBadWeightsNameTheirRows() throws {
        let path = try folder.write(
            "dup.csv", "No.,Question,Weight\n1,Is it recorded?,2\n2,Is it reviewed?,heavy\n1,Is it signed?,1\n")
        #expect(
            messages { _ = try make(BoardReader.read(path)) } == [
                "\(path):3:3: '\("heavy")' is not a weight: expected a number above 0 and at most 1000",
                "\(path):4:1: question number '1' is used twice (first on row 2)",
            ])
    }

    @Test func anEmptySheetOrNoQuestionsIsRefused() throws {
        let empty = try folder.write(
            "empty.xlsx",
            try AnnexAImportTests.package(
                sheet: """
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>
                    """))
        #expect(
            messages { _ = try make(BoardReader.read(empty)) } == ["\(empty)[sheet 'List 6']:1: the sheet is empty"])
        let headerOnly = try folder.write("header.csv", "No.,Question\n\n")
        #expect(
            messages { _ = try make(BoardReader.read(headerOnly)) }.first?.hasSuffix(
                "the document has no questions under its header row") == true)
    }

    @Test func usesAFormulasCachedValueAndEvaluatesNothing() throws {
        let path = try folder.write(
            "formula.xlsx",
            try AnnexAImportTests.package(
                sheet: """
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                    <row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Question</t></is></c></row>
                    <row r="2"><c r="A2"><f>1+0</f><v>1</v></c><c r="B2" t="str"><f>CONCATENATE("Is it ","recorded?")</f><v>Is it recorded?</v></c></row>
                    </sheetData></worksheet>
                    """))
        let checklist = try make(BoardReader.read(path)).loaded.checklist
        #expect(checklist.items.map { "\($0.reference ?? "") \($0.prompt)" } == ["1 Is it recorded?"])
    }

    @Test func refusesFilesThatAreNotOfficeDocumentsAndHostileZips() throws {
        let text = try folder.write("text.xlsx", "No.,Question\n")
        // A password-protected workbook is an encrypted OLE file, not a zip.
        let protected = try folder.write(
            "protected.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)))
        let word = try folder.write("word.docx", try XLSXWriter.zip([("xl/workbook.xml", Data("<w/>".utf8))]))
        let doctype = try folder.write(
            "doctype.docx",
            try XLSXWriter.zip([
                (
                    "word/document.xml",
                    Data(
                        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>".utf8
                    )
                )
            ]))
        let bomb = try folder.write(
            "bomb.docx", try XLSXWriter.zip([("word/document.xml", Data(count: 30 * 1024 * 1024))]))
        let pdf = try folder.write("tool.pdf", "%PDF-1.4")
        for (path, says) in [
            (text, "is not a zip file"), (protected, "password-protected"), (word, "not a Word document"),
            (doctype, "DOCTYPE is not allowed"),
            (bomb, "zip bomb"), (pdf, "give an .xlsx workbook, a .docx document or a .csv file"),
        ] {
            let found = messages { _ = try BoardReader.read(path) }
            #expect(found.count == 1 && found[0].contains(says), "\(path): \(found)")
        }
        #expect(
            messages { _ = try BoardReader.read(doctype) }.first?.hasPrefix("\(doctype)[word/document.xml]") == true)
    }

    /// An entry named "../…" is read (or ignored) in memory: nothing is ever written.
    @Test func neverWritesAZipsEntriesAnywhere() throws {
        let escape = "caseaudit-escape-\(UUID().uuidString)"
        let path = try folder.write(
            "traversal.docx",
            try XLSXWriter.zip([
                ("../../../../tmp/\(escape)", Data("owned".utf8)),
                (
                    "word/document.xml",
                    Data(
                        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>1. Is it recorded?</w:t></w:r></w:p></w:body></w:document>"
                            .utf8)
                ),
            ]))
        let checklist = try make(BoardReader.read(path)).loaded.checklist
        #expect(checklist.items.map(\.prompt) == ["Is it recorded?"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(escape)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(escape) })
    }

    @Test func aNewVersionKeepsTheIdsOfUnchangedAndRewordedQuestions() throws {
        let first = try folder.write("v1.xlsx", try SyntheticBoardTool.workbook())
        let second = try folder.write("v2.xlsx", try SyntheticBoardTool.workbook(version: 2))
        let old = try make(BoardReader.read(first)).loaded.checklist
        let new = try make(BoardReader.read(second), previous: old)
        let matching = try #require(new.matching)
        #expect(matching.kept.count == 17)
        #expect(matching.kept.count { $0.similarity < 1 } == 2)
        #expect(matching.dropped == ["q2-4"])
        #expect(new.loaded.checklist.items.first { $0.reference == "1.3" }?.id == "q1-3")
        #expect(new.loaded.checklist.items.first { $0.reference == "3.6" }?.id == "q3-6")
        let diff = ChecklistDiff(old: old, new: new.loaded.checklist)
        #expect(diff.added.map(\.id) == ["q3-6"])
        #expect(diff.removed.map(\.id) == ["q2-4"])
    }
}

extension Dictionary where Key == String, Value == String {
    fileprivate func mapKeys() -> [BoardColumn: String] {
        Dictionary<BoardColumn, String>(
            uniqueKeysWithValues: compactMap { key, value in BoardColumn(rawValue: key).map { ($0, value) } })
    }
}
