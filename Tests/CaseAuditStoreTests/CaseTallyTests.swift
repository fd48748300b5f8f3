import CaseAudit
import Testing

@testable import CaseAuditStore

@Suite struct CaseTallyTests {
    @Test func countsEachTeamAndCaseTypeAndTheCasesWithoutATeam() {
        var tally = CaseTally()
        let rows: [(String?, CaseType)] = [
            ("North", .childInNeed), (nil, .childProtection), ("South", .childInNeed), ("North", .childInNeed),
            ("North", .careLeaver), (nil, .childProtection), ("Nörth", .childInNeed), (nil, .lookedAfter),
        ]
        for (team, type) in rows { tally.count(team: team, caseType: type) }
        #expect(tally.unallocatedCount == 3)
        let counted = tally.rows.map { "\($0.team ?? "-") \($0.caseType.rawValue) \($0.cases)" }
        #expect(counted == ["North CIN 2", "North CL 1", "South CIN 1", "Nörth CIN 1", "- CP 2", "- LAC 1"])
        // Every case counted once.
        #expect(tally.rows.map(\.cases).reduce(0, +) == rows.count)
    }

    @Test func countsAThousandTeams() {
        var tally = CaseTally()
        for index in 0..<5_000 { tally.count(team: "Team \(index % 1_000)", caseType: .childInNeed) }
        #expect(tally.rows.count == 1_000)
        #expect(tally.rows.allSatisfy { $0.cases == 5 })
        #expect(tally.unallocatedCount == 0)
    }
}
