import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

@Suite struct CINCensusImportTests {
    static let xsd = "\(Fixtures.sharedDirectory)/formats/cin-census-2024.xsd"

    @Test func readsOpenEpisodesAsCasesAndPlansAsChildProtection() throws {
        let list = try CINCensusImport.read(
            file: Fixtures.population("census-small.xml"), schema: Self.xsd,
            teams: Fixtures.population("census-teams.csv"))
        #expect(
            list.records == [
                CaseRecord(
                    reference: "TEST001", caseType: .childProtection, team: "Child Protection 1",
                    worker: "Robin Example (demo)",
                    opened: CalendarDate(year: 2025, month: 6, day: 1)),
                CaseRecord(
                    reference: "TEST002", caseType: .childInNeed, opened: CalendarDate(year: 2025, month: 2, day: 1)),
            ])
        #expect(list.format == .cin)
        #expect(list.notes == [FormatMessages.Census.closedChildren(1), FormatMessages.Census.unknownInTeams(1)])
    }

    @Test func readsTheDfESampleOf332Children() throws {
        let list = try CINCensusImport.read(
            file: "\(Fixtures.sharedDirectory)/formats/cin-census-fake-332-children.xml", schema: Self.xsd, teams: nil)
        #expect(list.records.count == 150)
        #expect(list.unallocatedCount == 150)
        #expect(list.notes.contains(FormatMessages.Census.closedChildren(182)))
        #expect(Set(list.records.map(\.reference)).count == 150)
    }

    @Test func reportsSchemaViolationsWithTheirLines() throws {
        let path = Fixtures.population("census-schema-violation.xml")
        let error = try #require(throws: InputError.self) {
            try CINCensusImport.read(file: path, schema: Self.xsd, teams: nil)
        }
        #expect(error.diagnostics.first?.location.line == 17)
        #expect(error.diagnostics.first?.message.contains("Colour") == true)
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { $0.stage == .schema })
    }

    @Test func refusesADuplicateChild() throws {
        let path = Fixtures.population("census-duplicate-id.xml")
        let error = try #require(throws: InputError.self) {
            try CINCensusImport.read(file: path, schema: nil, teams: nil)
        }
        #expect(error.diagnostics.map(\.message) == ["case reference 'TEST001' appears twice (first on line 7)"])
    }

    @Test func refusesWhatIsNotACensus() throws {
        let error = try #require(throws: InputError.self) {
            try CINCensusImport.read(file: Fixtures.checklist("valid-minimal.xml"), schema: nil, teams: nil)
        }
        #expect(error.diagnostics.map(\.message) == [FormatMessages.Census.notACensus])
    }

    @Test func storesNoPersonalDetails() throws {
        let list = try CINCensusImport.read(file: Fixtures.population("census-small.xml"), schema: nil, teams: nil)
        #expect(list.sha256 == ImportSource.sha256(ofFile: Fixtures.population("census-small.xml")))
        let everything = "\(list.records)"
        for detail in ["2015-01-01", "WBRI", "PersonBirthDate"] {
            #expect(!everything.contains(detail))
        }
    }
}
