import CaseAudit
import Foundation
import GRDB

extension SQLiteStore: BulkAuditStore {
    /// Loads generated audits, already submitted, into a sample in one transaction, with their
    /// answers and the quality roll-ups (for benchmarks and demos at scale: one roll-up write per
    /// cell instead of one per audit).
    public func loadSubmittedAudits(
        _ audits: [BulkAudit], sampleID: Int64, checklist: PinnedChecklist, checklistID: String
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
            struct GradeKey: Hashable {
                var month, team, caseType, level, judgement, computed: String
                var probability: Double
            }
            struct ItemKey: Hashable { var month, team, caseType, level, item: String }
            var grades: [GradeKey: Int] = [:]
            var items: [ItemKey: (Int, Int)] = [:]
            for audit in audits {
                let level = audit.auditorLevel?.rawValue ?? ""
                try auditStatement.execute(arguments: [
                    sampleID, audit.caseReference, audit.auditorID, checklist.hash, now, audit.judgement.grade,
                    audit.judgement.reason,
                    audit.grade.band?.grade, audit.grade.score, audit.auditorLevel?.rawValue,
                ])
                let id = db.lastInsertedRowID
                for (position, answer) in audit.answers.enumerated() {
                    try answerStatement.execute(arguments: [id, answer.itemID, answer.value, now, position])
                }
                let month = audit.month.description
                let team = audit.team ?? ""
                let caseType = audit.caseType?.rawValue ?? ""
                grades[
                    GradeKey(
                        month: month, team: team, caseType: caseType, level: level, judgement: audit.judgement.grade,
                        computed: audit.grade.band?.grade ?? "", probability: audit.inclusionProbability), default: 0] +=
                    1
                for outcome in audit.outcomes {
                    let key = ItemKey(month: month, team: team, caseType: caseType, level: level, item: outcome.item)
                    let sums = items[key, default: (0, 0)]
                    items[key] = (sums.0 + (outcome.compliant ? 1 : 0), sums.1 + 1)
                }
            }
            // Submitted once their answers are in (a submitted audit takes no more answers).
            try db.execute(
                sql: "UPDATE audit SET submitted_at = ? WHERE sample_id = ? AND submitted_at IS NULL",
                arguments: [now, sampleID])
            for (key, files) in grades {
                try QualityRollup.addGrade(
                    month: key.month, hash: checklist.hash, checklistID: checklistID, team: key.team,
                    caseType: key.caseType,
                    level: key.level, judgement: key.judgement, computed: key.computed, probability: key.probability,
                    files: files, db)
            }
            for (key, sums) in items {
                try QualityRollup.addItem(
                    month: key.month, hash: checklist.hash, team: key.team, caseType: key.caseType, level: key.level,
                    item: key.item,
                    compliant: sums.0, answered: sums.1, db)
            }
        }
    }
}
