import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

@Suite struct OrgChartImportTests {
    @Test func readsPeopleTeamsAndLines() throws {
        let chart = try OrgChartImport.read(file: Fixtures.population("org-valid.csv"))
        #expect(chart.people.count == 7)
        #expect(chart.teams.map(\.name) == ["Assessment", "Care"])
        #expect(chart.managementLine(ofTeam: "Assessment").map(\.id) == ["tm1", "sm1", "ad1", "dcs"])
        #expect(chart.teamsOverseen(by: "sm1") == ["Assessment", "Care"])
        #expect(chart.teamsOverseen(by: "tm2") == ["Care"])
        #expect(chart.teamsOverseen(by: "sw1").isEmpty)
    }

    /// For the trail: the chart with the file's name and the SHA-256 of the very bytes read.
    @Test func anImportsSourceIsTheDigestOfTheBytesRead() throws {
        let path = Fixtures.population("org-valid.csv")
        let read = try OrgChartImport.readForImport(file: path)
        #expect(read.chart.people == (try OrgChartImport.read(file: path)).people)
        #expect(read.source.name == path)
        #expect(read.source.sha256 != nil)
        #expect(read.source.sha256 == ImportSource.sha256(ofFile: path))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var file: String
        var errors: [(line: Int, column: Int, says: String)]
        var testDescription: String { file }
    }

    static let badFiles: [Bad] = [
        Bad(file: "org-duplicate-id.csv", errors: [(5, 1, "the id 'tm1' is used twice (first on line 4)")]),
        Bad(file: "org-cycle.csv", errors: [(3, 6, "reporting lines go round in a circle: sm1 → tm1 → sm1")]),
        Bad(
            file: "org-unknown-manager-and-level.csv",
            errors: [
                (3, 3, "'Boss' is not a level"), (4, 6, "'tm1' reports to 'sm9', who is not in the org chart"),
            ]),
        Bad(file: "org-team-without-manager.csv", errors: [(5, 4, "team 'Duty' (lines 5) has no manager")]),
        Bad(
            file: "org-missing-columns.csv",
            errors: [
                (1, 0, "no column for the id"), (1, 0, "no column for the level"),
                (1, 0, "no column for the reports_to"),
            ]),
    ]

    @Test(arguments: badFiles)
    func reportsEachProblemWithItsRowAndColumn(bad: Bad) throws {
        let path = Fixtures.population(bad.file)
        let error = try #require(throws: InputError.self) { try OrgChartImport.read(file: path) }
        #expect(error.diagnostics.count == bad.errors.count, "\(error.diagnostics.map(\.message))")
        for (diagnostic, expected) in zip(error.diagnostics, bad.errors) {
            #expect(diagnostic.location == SourceLocation(file: path, line: expected.line, column: expected.column))
            #expect(diagnostic.message.contains(expected.says), "\(diagnostic.message)")
        }
    }

    @Test func refusesALineThatDoesNotReachTheDirector() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "org.csv",
            "id,name,level,team,manages,reports_to\nsm1,Sid (demo),SM,,,\ntm1,Tam (demo),TM,A,A,sm1\n")
        let error = try #require(throws: InputError.self) { try OrgChartImport.read(file: path) }
        #expect(
            error.diagnostics.map(\.message) == [
                "team 'A' rolls up to 'sm1' (SM), who reports to no one: every team must roll up to the DCS"
            ])
    }
}
