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

    static let grade = FileGrade(checklist: ScoringChecklist.sample, answers: [:])

    @Test func aSubmittedAuditCannotChangeEvenBehindTheStoresBack() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        let audit = try store.startOrResumeAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: Self.pinned)
        try store.recordSheet(
            AuditContent(
                answers: [ItemAnswer(itemID: "seen", value: "yes")], judgement: AuditJudgement(grade: "good", reason: "r"),
                actions: [AuditAction(what: "Update", who: "sw1", due: CalendarDate(year: 2026, month: 12, day: 1)!)]),
            audit: audit.id)
        try store.submitAudit(audit.id, judgement: AuditJudgement(grade: "good", reason: "r"), grade: Self.grade, outcomes: [])

        #expect(throws: StoreError.submitted(audit: audit.id)) { try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id) }
        #expect(throws: StoreError.submitted(audit: audit.id)) { try store.recordJudgement(nil, audit: audit.id) }
        // The triggers refuse direct SQL too.
        for sql in [
            "UPDATE audit SET judgement = 'poor'", "DELETE FROM audit", "UPDATE audit_answer SET value = 'no'", "DELETE FROM audit_answer",
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

    @Test func anAmendmentIsANewVersionThatRecordsWhoAndWhy() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        let audit = try store.startOrResumeAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: Self.pinned)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "yes"), audit: audit.id)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "good"), grade: Self.grade, outcomes: [ItemOutcome(item: "seen", compliant: true)])

        let content = AuditContent(answers: [ItemAnswer(itemID: "seen", value: "no", note: "Not seen after all")])
        let amended = try store.amendAudit(
            audit.id, by: "sm1", reason: "Visit record was for a sibling", content: content, judgement: AuditJudgement(grade: "poor"),
            grade: Self.grade, outcomes: [ItemOutcome(item: "seen", compliant: false)], previous: [ItemOutcome(item: "seen", compliant: true)])
        #expect(amended.version == 2)
        #expect(amended.amends == audit.id)
        #expect(amended.amendedBy == "sm1")
        #expect(amended.amendedReason == "Visit record was for a sibling")
        #expect(amended.submittedAt != nil)
        #expect(try store.audit(id: audit.id)?.supersededBy == amended.id)
        #expect(try store.audit(id: amended.id)?.supersededBy == nil)
        #expect(try store.audit(id: amended.id)?.content.answers == content.answers)
        #expect(try store.latestSubmittedAudit(sampleID: sampleID, caseReference: "C1")?.id == amended.id)
        // The roll-ups count the latest version only.
        let month = AuditMonth("2026-12")!
        #expect(try store.gradeCells(months: month...month).map { "\($0.judgement) \($0.files)" } == ["poor 1"])
        #expect(try store.itemCells(month: month, byGroup: true).map { "\($0.item) \($0.compliant)/\($0.answered)" } == ["seen 0/1"])
        #expect(try store.itemCells(month: month, byGroup: false).map { "\($0.item) \($0.compliant)/\($0.answered)" } == ["seen 0/1"])
        #expect(try store.trendCells(months: month...month).map { "\($0.judgement) \($0.files)" } == ["poor 1"])
        // Only the latest version can be amended.
        #expect(throws: StoreError.self) {
            try store.amendAudit(
                audit.id, by: "sm1", reason: "again", content: content, judgement: AuditJudgement(grade: "poor"), grade: Self.grade,
                outcomes: [], previous: [])
        }
    }

    @Test func oneSessionHoldsAnAuditUntilItLetsGo() throws {
        let folder = try TemporaryDirectory()
        let (store, sampleID) = try Self.storeWithAllocation(folder)
        let audit = try store.startOrResumeAudit(sampleID: sampleID, caseReference: "C1", auditorID: "tm1", checklist: Self.pinned)
        var claim: AuditClaim? = try store.claimAudit(audit.id)
        // Another connection (as another process would open it) is refused...
        let other = try SQLiteStore(path: store.path)
        #expect(throws: StoreError.auditBusy(audit: audit.id)) { try other.claimAudit(audit.id) }
        // ...but a different audit is free.
        #expect(throws: Never.self) { _ = try other.claimAudit(audit.id + 1) }
        withExtendedLifetime(claim) {}
        claim = nil
        #expect(throws: Never.self) { _ = try other.claimAudit(audit.id) }
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
        id: "test", version: "1", title: "Test", caseTypes: [.childInNeed], source: ChecklistSource(issuer: "test", text: "test"),
        scales: [AnswerScale(id: "yn", options: [AnswerOption(value: "yes", label: "Yes", score: 1)])],
        sections: [ChecklistSection(id: "s", title: "S", items: [ChecklistItem(id: "seen", prompt: "Seen?", scaleID: "yn")])],
        grading: Grading(bands: [GradeBand(grade: "good", minimum: 0.5), GradeBand(grade: "poor", minimum: 0)], caps: []))

}

@Suite struct SampleReplacementStoreTests {
    /// A replaced sample is kept, marked, and no longer allocates or counts; one with an audit
    /// begun cannot be replaced, even by a caller that skipped the library's check.
    @Test func aReplacedSampleIsKeptButNoLongerCurrent() throws {
        let folder = try TemporaryDirectory()
        let (store, first) = try AuditStoreTests.storeWithAllocation(folder)
        let month = try #require(AuditMonth("2026-12"))
        let original = try #require(try store.samples(month: month).first)
        let replacement = try store.addSample(original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [first])
        let samples = try store.samples(month: month)
        #expect(samples.map(\.replacedBy) == [replacement.id, nil])
        #expect(try store.allocations(auditor: nil, caseReference: nil, today: nil).map(\.sampleID) == [replacement.id])
        #expect(try store.sampledCounts(month: month).map(\.files) == [1])
        // As the replacement was drawn, the replaced sample did not count; before it, it did.
        #expect(try store.sampledReferences(since: month, before: replacement.id).isEmpty)
        #expect(try store.sampledReferences(since: month) == ["C1"])
        #expect(samples[0].wasCurrent(whenDrawing: replacement.id) == false)

        _ = try store.startOrResumeAudit(sampleID: replacement.id, caseReference: "C1", auditorID: "tm1", checklist: AuditStoreTests.pinned)
        let refused = try #require(throws: StoreError.self) {
            try store.addSample(original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [replacement.id])
        }
        #expect(refused == .sampleInUse(sample: replacement.id))
        #expect(try store.samples(month: month).count == 2)
        // A replaced sample cannot be replaced again.
        #expect(throws: StoreError.sampleInUse(sample: first)) {
            try store.addSample(original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [first])
        }
    }
}
