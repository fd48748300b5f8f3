import CaseAudit
import GRDB

extension SQLiteStore: ModerationStore {
    public func addModerationDraw(_ draw: ModerationDraw) throws(StoreError) -> ModerationDraw {
        let drawnAt = now()
        return try write { db -> ModerationDraw in
            try db.execute(
                sql: """
                    INSERT INTO moderation_draw (month, rule, seed, drawn_at, candidates, files)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (month) DO NOTHING
                    """,
                arguments: [
                    draw.month.description, draw.rule.description, String(draw.seed), drawnAt,
                    ModerationColumns.json(draw.candidates), ModerationColumns.json(draw.files),
                ])
            guard db.changesCount == 1 else {
                let existing =
                    try Int64.fetchOne(
                        db, sql: "SELECT id FROM moderation_draw WHERE month = ?", arguments: [draw.month.description])
                    ?? 0
                throw StoreError.moderationDrawn(month: draw.month.description, draw: existing)
            }
            var stored = draw
            stored.id = db.lastInsertedRowID
            stored.drawnAt = drawnAt
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO moderation_file (draw_id, audit_id, case_reference, checklist_id, team, auditor_id,
                        moderator_id, unallocated_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for file in draw.files {
                try statement.execute(arguments: [
                    stored.id, file.auditID.rawValue, file.caseReference, file.checklistID, file.team, file.auditorID,
                    file.moderatorID, file.unallocatedReason,
                ])
            }
            try appendTrail(.moderationDrawn(stored), db)
            return stored
        }
    }

    public func moderationDraw(month: AuditMonth) throws(StoreError) -> ModerationDraw? {
        let row = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM moderation_draw WHERE month = ?", arguments: [month.description])
        }
        guard let row else { return nil }
        return try ModerationColumns.draw(
            id: row["id"], month: row["month"], rule: row["rule"], seed: row["seed"], drawnAt: row["drawn_at"],
            candidates: row["candidates"], files: row["files"])
    }
}
