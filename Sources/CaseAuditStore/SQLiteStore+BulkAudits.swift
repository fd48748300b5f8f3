import CaseAudit
import Foundation
import GRDB

extension SQLiteStore: BulkAuditStore {
    /// Loads generated audits, already submitted, into a sample in one transaction, with their
    /// answers and the quality roll-ups (for benchmarks and demos at scale: one roll-up write per
    /// cell instead of one per audit).
    public func loadSubmittedAudits(
        _ audits: [BulkAudit], sampleID: SampleID, checklist: PinnedChecklist, checklistID: String
    )
        throws(StoreError)
    {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO pinned_checklist (hash, checklist_id, version, xml) VALUES (?, ?, ?, ?)",
                arguments: [checklist.hash, checklist.id, checklist.version, Data(checklist.xml)])
            let now = now()
            let auditStatement = try db.makeStatement(
                sql: """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, judgement,
                        judgement_reason, computed_grade, score, auditor_level)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let answerStatement = try db.makeStatement(
                sql:
                    "INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position) VALUES (?, ?, ?, NULL, ?, ?)"
            )
            var contribution = RollupContribution()
            var kept: [(AuditID, [ItemOutcome])] = []
            for audit in audits {
                try auditStatement.execute(arguments: [
                    sampleID, audit.caseReference, audit.auditorID, checklist.hash, now, audit.judgement.grade,
                    audit.judgement.reason,
                    audit.grade.band?.grade, audit.grade.score, audit.auditorLevel?.rawValue,
                ])
                let id = AuditID(db.lastInsertedRowID)
                for (position, answer) in audit.answers.enumerated() {
                    try answerStatement.execute(arguments: [id, answer.itemID, answer.value, now, position])
                }
                contribution.add(
                    RollupContribution.GradeKey(
                        month: audit.month.description, checklistID: checklistID, checklistHash: checklist.hash,
                        team: audit.team,
                        caseType: audit.caseType?.rawValue, auditorLevel: audit.auditorLevel?.rawValue,
                        judgement: audit.judgement.grade, computedGrade: audit.grade.band?.grade,
                        inclusionProbability: audit.inclusionProbability),
                    outcomes: audit.outcomes)
                kept.append((id, audit.outcomes))
            }
            // Submitted once their answers are in (a submitted audit takes no more answers).
            try db.execute(
                sql: "UPDATE audit SET submitted_at = ? WHERE sample_id = ? AND submitted_at IS NULL",
                arguments: [now, sampleID])
            try QualityRollup.persist(contribution, db)
            for (id, outcomes) in kept { try QualityRollup.keep(outcomes, of: id, db) }
            // Generated audits, for benchmarks and demos at scale: one event for the load.
            try appendTrail(
                .auditsLoaded(sampleID, audits: audits.count, answers: audits.reduce(0) { $0 + $1.answers.count }), db)
        }
    }
}
