import CaseAudit
import CaseAuditTestSupport
import GRDB
import Testing

@testable import CaseAuditStore

@Suite struct AuditStoreTests {
    static let pinned = PinnedChecklist(id: "test", version: "1", hash: "sha256:abc", xml: Array("<checklist/>".utf8))

    /// A store with one drawn file, C1, allocated to tm1.
    static func storeWithAllocation(_ folder: TemporaryDirectory) throws -> (SQLiteStore, sampleID: Int64) {
        let store = try SQLiteStore(path: "\(folder.path)/audits.sqlite")
        let snapshot = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "C1", caseType: .childInNeed, team: "A")], format: .csv), source: "a.csv")
        let parameters = SampleParameters(
            month: AuditMonth("2026-12")!, checklistID: "test", size: .perStratum(1), strata: [.team], caseTypes: [.childInNeed], seed: 1)
        let sample = try store.addSample(
            parameters, snapshot: snapshot.id,
            cases: [SampledCase(reference: "C1", stratum: "A", inclusionProbability: 1, caseType: .childInNeed, team: "A", auditorID: "tm1")])
        return (store, sample.id)
    }

    @Test func keepsEachAnswerAsItIsGivenAndResumesTheSameAudit() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        let audit = try store.startOrResumeAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: Self.pinned)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "partly", note: "at school"), audit: audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "plan", value: "yes"), audit: audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no", note: "not seen"), audit: audit.id)

        // A new process: a fresh connection to the same file.
        let reopened = try SQLiteStore(path: store.path)
        let newer = PinnedChecklist(id: "test", version: "2", hash: "sha256:def", xml: Array("<checklist v='2'/>".utf8))
        let resumed = try reopened.startOrResumeAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: newer)
        #expect(resumed.id == audit.id)
        #expect(resumed.checklistHash == "sha256:abc")
        #expect(try reopened.pinnedChecklist(hash: resumed.checklistHash) == Self.pinned)
        #expect(
            try reopened.answers(audit: audit.id) == [
                ItemAnswer(itemID: "seen", value: "no", note: "not seen"), ItemAnswer(itemID: "plan", value: "yes"),
            ])
    }

    @Test func refusesAnAuditOfAFileThatWasNeverDrawn() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        #expect(throws: StoreError.self) {
            try store.startOrResumeAudit(sampleID: sampleID, caseReference: "C9", auditorID: "tm1", checklist: Self.pinned)
        }
        let audits = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") }
        let pinned = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pinned_checklist") }
        #expect(audits == 0)
        #expect(pinned == 0)
    }
}
