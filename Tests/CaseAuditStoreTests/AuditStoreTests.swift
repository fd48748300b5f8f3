import CaseAudit
import CaseAuditTestSupport
import GRDB
import Testing

@testable import CaseAuditStore

/// The SQLite store's own mechanics; what every store must do is in the conformance suite
/// (`ConformanceTests`).
@Suite struct AuditStoreTests {
    static let pinned = PinnedChecklist(id: "test", version: "1", hash: "sha256:abc", xml: Array("<checklist/>".utf8))

    /// A store with one drawn file, C1, allocated to tm1.
    static func storeWithAllocation(_ folder: TemporaryDirectory) throws -> (SQLiteStore, sampleID: SampleID) {
        let store = try SQLiteStore(path: "\(folder.path)/audits.sqlite")
        let snapshot = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "C1", caseType: .childInNeed, team: "A")], format: .csv),
            source: "a.csv")
        let parameters = SampleParameters(
            month: AuditMonth("2026-12")!, checklistID: "test", size: .perStratum(1), strata: [.team],
            caseTypes: [.childInNeed], seed: 1)
        let sample = try store.addSample(
            parameters, snapshot: snapshot.id,
            cases: [
                SampledCase(
                    reference: "C1", stratum: "A", inclusionProbability: 1, caseType: .childInNeed, team: "A",
                    auditorID: "tm1")
            ])
        return (store, sample.id)
    }

    static let grade = FileGrade(checklist: ScoringChecklist.sample, answers: [:])

    @Test func aSubmittedAuditCannotChangeEvenBehindTheStoresBack() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: Self.pinned)
        try store.recordSheet(
            AuditContent(
                answers: [ItemAnswer(itemID: "seen", value: "yes")],
                judgement: AuditJudgement(grade: "good", reason: "r"),
                actions: [AuditAction(what: "Update", who: "sw1", due: CalendarDate(year: 2026, month: 12, day: 1)!)]),
            audit: audit.id)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "good", reason: "r"), grade: Self.grade, outcomes: [])

        #expect(throws: StoreError.submitted(audit: audit.id)) {
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        #expect(throws: StoreError.submitted(audit: audit.id)) { try store.recordJudgement(nil, audit: audit.id) }
        // The triggers refuse direct SQL too.
        for sql in [
            "UPDATE audit SET judgement = 'poor'", "DELETE FROM audit", "UPDATE audit_answer SET value = 'no'",
            "DELETE FROM audit_answer",
            "INSERT INTO audit_answer VALUES (\(audit.id), 'plan', 'yes', NULL, 'now', 9)", "DELETE FROM audit_action",
            "UPDATE audit_action SET due = '2030-01-01'",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.queue.write { db in try db.execute(sql: sql) } }
        }
        // Marking an action done is the one change allowed.
        try store.queue.write { db in try db.execute(sql: "UPDATE audit_action SET done_at = '2026-11-30'") }
        let record = try #require(try store.audit(id: audit.id))
        #expect(record.content.answers == [ItemAnswer(itemID: "seen", value: "yes")])
        #expect(record.content.judgement == AuditJudgement(grade: "good", reason: "r"))
        #expect(record.audit.submittedAt != nil)
        // A submitted file is no longer "unfinished": scoring it again starts nothing.
        #expect(try store.unfinishedAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1") == nil)
        #expect(try store.latestSubmittedAudit(sampleID: sampleID, caseReference: "C1")?.id == audit.id)
    }

    @Test func commitsAreDurable() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/durable.sqlite")
        let (mode, synchronous) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2)  // FULL: the WAL is synced at every commit.
    }
}

/// A checklist for grades in store tests (the store keeps whatever grade it is given).
enum ScoringChecklist {
    static let sample = Checklist(
        id: "test", version: "1", title: "Test", caseTypes: [.childInNeed],
        source: ChecklistSource(issuer: "test", text: "test"),
        scales: [AnswerScale(id: "yn", options: [AnswerOption(value: "yes", label: "Yes", score: 1)])],
        sections: [
            ChecklistSection(id: "s", title: "S", items: [ChecklistItem(id: "seen", prompt: "Seen?", scaleID: "yn")])
        ],
        grading: Grading(
            bands: [GradeBand(grade: "good", minimum: 0.5), GradeBand(grade: "poor", minimum: 0)], caps: []))

}
