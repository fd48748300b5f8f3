import CaseAudit
import Foundation
import GRDB

/// Migration v9's backfill: the item outcomes of every audit submitted before the store kept
/// them, computed from its own answers against the checklist version it was scored with (the
/// same computation that fed the roll-ups when it was submitted).
enum OutcomeBackfill {
    static func run(_ db: Database) throws {
        var checklists: [String: Checklist] = [:]
        let audits = try Row.fetchAll(
            db, sql: "SELECT id, checklist_hash FROM audit WHERE submitted_at IS NOT NULL ORDER BY id")
        for row in audits {
            let audit: AuditID = row["id"]
            let hash: String = row["checklist_hash"]
            if checklists[hash] == nil {
                guard
                    let xml = try Data.fetchOne(
                        db, sql: "SELECT xml FROM pinned_checklist WHERE hash = ?", arguments: [hash])
                else { throw StoreError.failed(reason: "audit \(audit)'s checklist \(hash) is missing") }
                do {
                    checklists[hash] = try ChecklistLoader().load(bytes: [UInt8](xml), path: "checklist \(hash)")
                        .checklist
                } catch {
                    throw StoreError.failed(
                        reason: "audit \(audit)'s checklist \(hash) no longer loads: \(error.message)")
                }
            }
            guard let checklist = checklists[hash] else { continue }
            let answers = try Row.fetchAll(
                db, sql: "SELECT item_id, value FROM audit_answer WHERE audit_id = ? ORDER BY position",
                arguments: [audit]
            ).map { ItemAnswer(itemID: $0["item_id"], value: $0["value"]) }
            try QualityRollup.keep(ScoringSession(checklist: checklist, answers: answers).outcomes, of: audit, db)
        }
    }
}
