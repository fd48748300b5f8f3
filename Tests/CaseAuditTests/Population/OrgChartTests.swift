import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditSynthetic

@Suite struct OrgChartTests {
    /// All teams' lines at once, which share the people above each manager, are the lines
    /// each team's walk finds alone.
    @Test func everyTeamsLineIsItsOwnWalk() {
        let chart = SyntheticCouncil(.demo(asOf: CalendarDate(year: 2026, month: 11, day: 1)!)).chart
        let lines = chart.managementLines()
        #expect(lines.count == chart.teams.count)
        #expect(lines.values.contains { $0.count == 4 })
        for team in chart.teams {
            #expect(lines[team.name]?.map(\.id) == chart.managementLine(ofTeam: team.name).map(\.id), "\(team.name)")
        }
    }

    /// A chart whose line turns back on itself ends each line at the person met again, whichever
    /// team's line was walked first.
    @Test func aCycleEndsEachLineWhereItTurnsBack() {
        let people = [
            Person(id: "tm1", displayName: "TM 1", level: .teamManager, reportsTo: "sm1"),
            Person(id: "tm2", displayName: "TM 2", level: .teamManager, reportsTo: "ad1"),
            Person(id: "sm1", displayName: "SM 1", level: .serviceManager, reportsTo: "ad1"),
            Person(id: "ad1", displayName: "AD 1", level: .assistantDirector, reportsTo: "sm1"),
        ]
        let chart = OrgChart(
            people: people, teams: [Team(name: "A", managerID: "tm1"), Team(name: "B", managerID: "tm2")])
        let lines = chart.managementLines()
        #expect(lines["A"]?.map(\.id) == ["tm1", "sm1", "ad1"])
        #expect(lines["B"]?.map(\.id) == ["tm2", "ad1", "sm1"])
        #expect(chart.managementLine(ofTeam: "B").map(\.id) == ["tm2", "ad1", "sm1"])
    }
}
