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
