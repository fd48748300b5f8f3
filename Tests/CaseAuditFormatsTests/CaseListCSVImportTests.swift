import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

@Suite struct CaseListCSVImportTests {
    @Test func readsQuotedFieldsCRLFAndBothDateStyles() throws {
        let list = try CaseListCSVImport.read(file: Fixtures.population("cases-valid.csv"))
        #expect(list.records.map(\.reference) == ["C1", "C2", "C3"])
        #expect(list.records.map(\.caseType) == [.childInNeed, .lookedAfter, .careLeaver])
        #expect(list.records[0].worker == "Worker, Sue")
        #expect(list.records[1].worker == "Sal \"the\" Worker")
        #expect(list.records[0].opened?.description == "2025-02-01")
        #expect(list.records[0].lastVisit?.description == "2026-10-01")
        #expect(list.records[1].opened?.description == "2025-03-04")
        #expect(list.records[2].team == nil)
        #expect(list.unallocatedCount == 1)
        #expect(list.notes.isEmpty)
    }

    @Test func skipsAByteOrderMark() throws {
        let list = try CaseListCSVImport.read(file: Fixtures.population("cases-bom.csv"))
        #expect(list.records == [CaseRecord(reference: "C1", caseType: .childInNeed)])
    }

    /// A byte-order mark before UTF-8 that is not all ASCII, and before Windows-1252: the mark is
    /// skipped and the names read in their encoding, in the first row and the last.
    @Test func skipsAByteOrderMarkBeforeTextThatIsNotASCII() throws {
        let folder = try TemporaryDirectory()
        let header = "Case Reference,Case Type,Team,Worker\n"
        let rows = "C1,CIN,Tîm Gogledd,Siân Jones\nC2,CP,Équipe,Zoë Brown\n"
        let utf8 = try folder.write("utf8.csv", Data([0xEF, 0xBB, 0xBF] + Array((header + rows).utf8)))
        let list = try CaseListCSVImport.read(file: utf8)
        #expect(list.records.map(\.reference) == ["C1", "C2"])
        #expect(list.records.map(\.team) == ["Tîm Gogledd", "Équipe"])
        #expect(list.records.map(\.worker) == ["Siân Jones", "Zoë Brown"])
        #expect(list.notes.isEmpty)
        // "Zoë" in Windows-1252 (0xEB), after the same mark: not UTF-8, so read as Windows-1252.
        let latin = Array((header + "C1,CIN,North,Zo").utf8) + [0xEB] + Array(" Brown\n".utf8)
        let windows = try folder.write("windows.csv", Data([0xEF, 0xBB, 0xBF] + latin))
        let read = try CaseListCSVImport.read(file: windows)
        #expect(read.records.map(\.worker) == ["Zoë Brown"])
        #expect(read.records.map(\.reference) == ["C1"])
        #expect(read.notes == [FormatMessages.Cases.readAsWindows1252])
    }

    @Test func readsWindows1252AndSaysSo() throws {
        let list = try CaseListCSVImport.read(file: Fixtures.population("cases-windows-1252.csv"))
        #expect(list.records.first?.team == "Equipe été – Nord")
        #expect(list.notes == [FormatMessages.Cases.readAsWindows1252])
    }

    @Test func mapsColumnsTheUserNames() throws {
        let path = Fixtures.population("cases-custom-headers.csv")
        #expect(throws: InputError.self) { try CaseListCSVImport.read(file: path) }
        let list = try CaseListCSVImport.read(file: path, mapping: [.caseType: "Kind", .team: "3"])
        #expect(list.records == [CaseRecord(reference: "C1", caseType: .childInNeed, team: "Assessment")])
    }

    @Test func reportsEveryBadRowWithLineAndColumn() throws {
        let path = Fixtures.population("cases-bad-rows.csv")
        let error = try #require(throws: InputError.self) { try CaseListCSVImport.read(file: path) }
        let found = error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(
            found == [
                "2:4 '2025-02-30' in 'Opened' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
                "3:2 " + FormatMessages.Cases.unknownCaseType("Adoption"),
                "4:1 case reference 'C1' appears twice (first on line 2)",
                "5:1 the case reference is empty",
            ])
    }

    @Test func namesTheMissingColumnAndTheHeadersItSaw() throws {
        let error = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: Fixtures.population("cases-missing-type.csv"))
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains("no column for the case-type"))
        #expect(error.diagnostics[0].message.contains("'Case Reference', 'Team', 'Worker'"))
        #expect(!error.diagnostics[0].message.contains("--map"))
        #expect(error.diagnostics[0].remedy == .mapColumn(field: "case-type"))
    }

    @Test func refusesADuplicatedColumn() throws {
        let error = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: Fixtures.population("cases-duplicated-column.csv"))
        }
        #expect(error.diagnostics.map(\.message).contains("the column 'Team' appears twice (columns 3 and 4)"))
    }

    @Test(arguments: [
        ("cases-empty.csv", "the file is empty"), ("cases-header-only.csv", "header row but no data rows"),
        ("cases-unclosed-quote.csv", "a quoted field is never closed"),
    ])
    func refusesFilesWithNothingToImport(file: String, says: String) throws {
        let error = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: Fixtures.population(file))
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains(says))
    }

    /// The file is read a record at a time: the first rows go to the store before the rest is
    /// read, and a syntax error further on is reported after the rows' problems before it (the
    /// store keeps nothing of an import that throws).
    @Test func handsOverRowsBeforeTheEndIsReadAndReportsASyntaxErrorAfterRowProblems() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "late-quote.csv",
            "Case Reference,Case Type\nC1,CIN\nC2,CP\nC3,Adoption\nC4,\"LAC\nC5,CIN\n")
        var delivered: [[String]] = []
        let error = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: path, batchSize: 2) { delivered.append($0.map(\.reference)) }
        }
        #expect(delivered == [["C1", "C2"]])
        let found = error.diagnostics.map { "\($0.location.line) \($0.message)" }
        #expect(
            found == [
                "4 " + FormatMessages.Cases.unknownCaseType("Adoption"), "5 " + FormatMessages.CSV.unclosedQuote,
            ])
    }

    /// A first check that always suspects a repeat, as two references' hashes agreeing would.
    struct Suspicious: ReferenceCheck {
        init(lines: Int) {}
        mutating func see(_ bytes: UnsafeRawBufferPointer, line: Int) -> Int? { nil }
        func mayHaveMissedARepeat() -> Bool { true }
    }

    /// A repeat suspected and not there: every row handed over once, and the list kept.
    @Test func aSuspectedRepeatThatIsNoneKeepsEveryRowOnce() throws {
        var delivered: [String] = []
        let notes = try CaseListCSVImport.read(
            file: Fixtures.population("cases-valid.csv"), mapping: [:], batchSize: 2, checkingFirst: Suspicious.init
        ) { delivered += $0.map(\.reference) }
        #expect(delivered == ["C1", "C2", "C3"])
        #expect(notes.isEmpty)
    }

    /// Repeats are said on their lines among the other problems, and before a syntax error
    /// that ends the file, whichever check goes first.
    @Test func aRepeatIsSaidInItsPlaceBeforeASyntaxError() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "repeat.csv", "Case Reference,Case Type\nC1,CIN\nC2,Adoption\nC1,CP\nC4,CIN\nC5,\"LAC\nC6,CIN\n")
        let expected = [
            "3 " + FormatMessages.Cases.unknownCaseType("Adoption"),
            "4 case reference 'C1' appears twice (first on line 2)", "6 " + FormatMessages.CSV.unclosedQuote,
        ]
        let error = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: path, batchSize: 1) { _ in }
        }
        #expect(error.diagnostics.map { "\($0.location.line) \($0.message)" } == expected)
        let suspected = try #require(throws: InputError.self) {
            try CaseListCSVImport.read(file: path, mapping: [:], batchSize: 1, checkingFirst: Suspicious.init) { _ in }
        }
        #expect(suspected.diagnostics.map { "\($0.location.line) \($0.message)" } == expected)
    }

    @Test func parsesMappingArguments() throws {
        let mapping = try CSVMapping.parse(["team=Where", "case-type=Kind"], as: CaseListCSVImport.Field.self)
        #expect(mapping == [.team: "Where", .caseType: "Kind"])
        #expect(throws: CSVMapping.Failure.self) {
            try CSVMapping.parse(["colour=X"], as: CaseListCSVImport.Field.self)
        }
        #expect(throws: CSVMapping.Failure.self) { try CSVMapping.parse(["team"], as: CaseListCSVImport.Field.self) }
    }
}
