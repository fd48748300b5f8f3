import CaseAudit
import CaseAuditTestSupport
import Testing

extension StoreConformance {
    /// A reallocated file is the new auditor's: the first auditor's begun audit can no longer be
    /// submitted, the new one starts afresh, and once submitted the file cannot move again.
    public static func aReallocatedFileIsTheNewAuditors(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let first = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "yes"), audit: first.id)

        try store.reallocate(sample: sample.id, caseReference: "C1", to: "dcs", by: "qa", reason: "tm1 is on leave")
        let now = try store.allocations(auditor: nil, caseReference: "C1", today: nil)
        #expect(now.count == 1 && now.first?.auditorID == "dcs" && now.first?.status == .allocated)
        #expect(
            throws: StoreError.notAllocated(sample: sample.id, caseReference: "C1", auditor: "tm1")
        ) {
            try store.submitAudit(
                first.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade, outcomes: [])
        }
        let second = try engine.connectAgain(store).startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "dcs", checklist: ConformanceCouncil.pinned)
        #expect(second.id != first.id)
        try store.submitAudit(
            second.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade,
            outcomes: [ItemOutcome(item: "seen", compliant: true)])
        #expect(throws: StoreError.submitted(audit: second.id)) {
            try store.reallocate(sample: sample.id, caseReference: "C1", to: "tm1", by: "qa", reason: "back")
        }
        #expect(try store.allocations(auditor: "dcs", caseReference: "C1", today: nil).first?.status == .submitted)
    }
}
