import Testing

@testable import CaseAudit

@Suite struct AuditMonthTests {
    @Test func readsExactlyYearDashMonth() {
        #expect(AuditMonth("2026-12")?.description == "2026-12")
        #expect(AuditMonth("2026-01")! < AuditMonth("2026-12")!)
        for bad in ["2026-13", "2026-00", "26-12", "2026-1", "2026/12", "December", "", "2026-12-01"] {
            #expect(AuditMonth(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct AuditMonthFollowingTests {
    @Test func theMonthAfterADate() {
        #expect(AuditMonth.following(CalendarDate(year: 2026, month: 11, day: 21)!).description == "2026-12")
        #expect(AuditMonth.following(CalendarDate(year: 2026, month: 12, day: 31)!).description == "2027-01")
    }

    @Test func readsStrataLists() {
        #expect(SampleParameters.Stratum.list("team") == [.team])
        #expect(SampleParameters.Stratum.list("team, case-type") == [.team, .caseType])
        #expect(SampleParameters.Stratum.list("team,worker") == [.team, .worker])
        #expect(SampleParameters.Stratum.list("team,colour") == nil)
        #expect(SampleParameters.Stratum.list("") == nil)
    }
}
