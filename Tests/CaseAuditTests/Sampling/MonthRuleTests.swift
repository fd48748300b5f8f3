import CaseAudit
import Testing

/// Which month may be drawn, and which allocation of a case is scored: the library's rules,
/// without a store.
@Suite struct MonthRuleTests {
    let today = CalendarDate(year: 2026, month: 12, day: 1)!

    @Test func thisMonthOrNextAndEarlierOnlyAsACatchUp() throws {
        #expect(try MonthlyDraw.checkMonth(AuditMonth("2026-12")!, today: today, backdated: false) == false)
        #expect(try MonthlyDraw.checkMonth(AuditMonth("2027-01")!, today: today, backdated: false) == false)
        #expect(throws: SampleDrawError.self) {
            try MonthlyDraw.checkMonth(AuditMonth("2027-02")!, today: today, backdated: true)
        }
        let past = #expect(throws: SampleDrawError.self) {
            try MonthlyDraw.checkMonth(AuditMonth("2026-10")!, today: today, backdated: false)
        }
        #expect(past?.message == "2026-10 is past: draw this month's or next month's sample (2026-12 or 2027-01)")
        #expect(try MonthlyDraw.checkMonth(AuditMonth("2026-10")!, today: today, backdated: true) == true)
    }

    func allocation(_ sample: SampleID, _ auditor: String, _ status: AuditAllocation.Status) -> AuditAllocation {
        AuditAllocation(
            sampleID: sample, month: AuditMonth("2026-12")!, checklistID: "c", caseReference: "C1",
            caseType: .childInNeed,
            team: "A", worker: nil, auditorID: auditor, status: status)
    }

    /// An audit under way is what a file shows, before any submitted version (an amendment
    /// under way on a submitted audit); with neither, the file is only allocated.
    @Test func aFilesProgressIsItsOpenAuditElseItsSubmittedOne() {
        #expect(AuditAllocation.progress(open: nil, submitted: nil) == (.allocated, nil))
        #expect(AuditAllocation.progress(open: 4, submitted: nil) == (.inProgress, 4))
        #expect(AuditAllocation.progress(open: nil, submitted: 3) == (.submitted, 3))
        #expect(AuditAllocation.progress(open: 5, submitted: 3) == (.inProgress, 5))
    }

    @Test func aCaseInTwoSamplesIsNamedNotGuessed() {
        let two = [allocation(1, "tm1", .allocated), allocation(2, "tm1", .inProgress)]
        #expect(AllocationChoice.choose(two, auditor: "tm1", sample: nil) == .ambiguous(two))
        #expect(AllocationChoice.choose(two, auditor: "tm1", sample: 2) == .chosen(two[1]))
        let oneDone = [allocation(1, "tm1", .submitted), allocation(2, "tm1", .allocated)]
        #expect(AllocationChoice.choose(oneDone, auditor: "tm1", sample: nil) == .chosen(oneDone[1]))
        let bothDone = [allocation(1, "tm1", .submitted), allocation(3, "tm1", .submitted)]
        #expect(AllocationChoice.choose(bothDone, auditor: "tm1", sample: nil) == .chosen(bothDone[1]))
        #expect(AllocationChoice.choose(two, auditor: "tm2", sample: nil) == .someoneElse(two))
        #expect(AllocationChoice.choose(two, auditor: "tm1", sample: 9) == .notAllocated)
        #expect(AllocationChoice.choose([], auditor: "tm1", sample: nil) == .notAllocated)
    }
}
