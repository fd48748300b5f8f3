import CaseAudit
import Foundation
import GRDB

extension SQLiteStore: AuditStore {
    public func startOrResumeAudit(
        sampleID: Int64, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try write { db -> StoredAudit in
            if let audit = try Self.unfinishedAudit(db, sampleID: sampleID, caseReference: caseReference, auditorID: auditorID) {
                return audit
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO pinned_checklist (hash, checklist_id, version, xml) VALUES (?, ?, ?, ?)",
                arguments: [checklist.hash, checklist.id, checklist.version, Data(checklist.xml)])
            let startedAt = Self.now()
            try db.execute(
                sql: "INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [sampleID, caseReference, auditorID, checklist.hash, startedAt])
            return StoredAudit(
                id: db.lastInsertedRowID, sampleID: sampleID, caseReference: caseReference, auditorID: auditorID,
                checklistHash: checklist.hash, startedAt: startedAt)
        }
    }

    public func unfinishedAudit(sampleID: Int64, caseReference: String, auditorID: String) throws(StoreError) -> StoredAudit? {
        try read { db in try Self.unfinishedAudit(db, sampleID: sampleID, caseReference: caseReference, auditorID: auditorID) }
    }

    private static func unfinishedAudit(_ db: Database, sampleID: Int64, caseReference: String, auditorID: String) throws
        -> StoredAudit?
    {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, checklist_hash, started_at FROM audit
                WHERE sample_id = ? AND case_reference = ? AND auditor_id = ? AND submitted_at IS NULL
                ORDER BY id DESC LIMIT 1
                """, arguments: [sampleID, caseReference, auditorID]
        ).map { row in
            StoredAudit(
                id: row["id"], sampleID: sampleID, caseReference: caseReference, auditorID: auditorID,
                checklistHash: row["checklist_hash"], startedAt: row["started_at"])
        }
    }

    public func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT checklist_id, version, xml FROM pinned_checklist WHERE hash = ?", arguments: [hash])
                .map { row in
                    PinnedChecklist(id: row["checklist_id"], version: row["version"], hash: hash, xml: [UInt8](row["xml"] as Data))
                }
        }
    }

    public func recordAnswers(_ answers: [ItemAnswer], audit: Int64) throws(StoreError) {
        try write { db in
            // A changed answer keeps its place in the order answers were first given.
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                    VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COUNT(*) FROM audit_answer WHERE audit_id = ?1))
                    ON CONFLICT (audit_id, item_id) DO UPDATE SET value = excluded.value, note = excluded.note,
                        answered_at = excluded.answered_at
                    """)
            let now = Self.now()
            for answer in answers {
                try statement.execute(arguments: [audit, answer.itemID, answer.value, answer.note, now])
            }
        }
    }

    public func answers(audit: Int64) throws(StoreError) -> [ItemAnswer] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT item_id, value, note FROM audit_answer WHERE audit_id = ? ORDER BY position", arguments: [audit]
            ).map { ItemAnswer(itemID: $0["item_id"], value: $0["value"], note: $0["note"]) }
        }
    }
}
