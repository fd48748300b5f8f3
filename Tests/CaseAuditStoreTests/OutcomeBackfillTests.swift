import CaseAudit
import CaseAuditStoreConformance
import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import CaseAuditStore

/// Migration v9 keeps each submitted audit's item outcomes; audits submitted before it get
/// theirs from their own answers, so an amendment takes away exactly what they added.
@Suite struct OutcomeBackfillTests {
    @Test func anAuditSubmittedBeforeV9IsAmendedExactly() throws {
        let folder = try TemporaryDirectory()
        let path = "\(folder.path)/conformance.sqlite"
        let (store, sample) = try ConformanceCouncil.store(Engines.sqlite, in: folder)
        let loaded = try ChecklistLoader().load(bytes: Array(ChecklistSamples.minimal().utf8), path: "sample.xml")
        let checklist = loaded.checklist
        let pinned = PinnedChecklist(
            id: checklist.id, version: checklist.version, hash: try #require(loaded.contentHash).description,
            xml: loaded.xml)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: pinned)
        let answers = [
            ItemAnswer(itemID: "allocated", value: "no"), ItemAnswer(itemID: "seen", value: "yes"),
            ItemAnswer(itemID: "seen-alone", value: "yes"),
        ]
        try store.recordAnswers(answers, audit: audit.id)
        let session = ScoringSession(checklist: checklist, answers: answers)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "inadequate"), grade: session.grade, outcomes: session.outcomes)

        // The database as it was before v9: no outcomes kept with the audits.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER outcome_insert_submitted; DROP TRIGGER outcome_update_final;
                    DROP TRIGGER outcome_delete_final; DROP TABLE audit_outcome;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v9 %';
                    """)
        }
        try queue.close()

        let migrated = try SQLiteStore(path: path)
        let kept = try migrated.queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT item_id, compliant FROM audit_outcome WHERE audit_id = ? ORDER BY position",
                arguments: [audit.id]
            )
            .map { ItemOutcome(item: $0["item_id"], compliant: $0["compliant"]) }
        }
        #expect(kept.count == 3 && kept == session.outcomes)

        // Amended to all yes: the item cells hold the new answers only.
        let amendedAnswers = answers.map { ItemAnswer(itemID: $0.itemID, value: "yes") }
        let amendedSession = ScoringSession(checklist: checklist, answers: amendedAnswers)
        _ = try migrated.amendAudit(
            audit.id, by: "dcs", reason: "allocation found", content: AuditContent(answers: amendedAnswers),
            judgement: AuditJudgement(grade: "good"), grade: amendedSession.grade, outcomes: amendedSession.outcomes)
        let cells = try migrated.itemCells(month: ConformanceCouncil.month, byGroup: false)
        #expect(cells.count == 3)
        #expect(cells.allSatisfy { $0.answered == 1 && $0.compliant == 1 })
        // The outcomes kept cannot be edited.
        #expect(throws: (any Error).self) {
            try migrated.queue.write { try $0.execute(sql: "UPDATE audit_outcome SET compliant = 0") }
        }
    }
}
