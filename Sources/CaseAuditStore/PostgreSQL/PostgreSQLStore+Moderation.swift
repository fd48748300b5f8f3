import CaseAudit

extension PostgreSQLStore: ModerationStore {
    public func addModerationDraw(_ draw: ModerationDraw) throws(StoreError) -> ModerationDraw {
        let drawnAt = now()
        return try write { () throws -> ModerationDraw in
            // Two quality leads drawing at once: the second waits for the first, then finds the month drawn.
            let inserted = try run(
                """
                INSERT INTO moderation_draw (month, rule, seed, drawn_at, candidates, files)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (month) DO NOTHING RETURNING id
                """,
                [
                    draw.month.description, draw.rule.description, String(draw.seed), drawnAt,
                    ModerationColumns.json(draw.candidates), ModerationColumns.json(draw.files),
                ]
            ).first?.int("id")
            guard let id = inserted else {
                let existing =
                    try run("SELECT id FROM moderation_draw WHERE month = $1", [draw.month.description]).first?.int(
                        "id") ?? 0
                throw StoreError.moderationDrawn(month: draw.month.description, draw: existing)
            }
            var stored = draw
            stored.id = id
            stored.drawnAt = drawnAt
            for file in draw.files {
                try run(
                    """
                    INSERT INTO moderation_file (draw_id, audit_id, case_reference, checklist_id, team, auditor_id,
                        moderator_id, unallocated_reason)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """,
                    [
                        id, file.auditID.rawValue, file.caseReference, file.checklistID, file.team, file.auditorID,
                        file.moderatorID, file.unallocatedReason,
                    ])
            }
            try appendTrail(.moderationDrawn(stored))
            return stored
        }
    }

    public func moderationDraw(month: AuditMonth) throws(StoreError) -> ModerationDraw? {
        let row = try read {
            try run(
                "SELECT id, month, rule, seed, drawn_at, candidates, files FROM moderation_draw WHERE month = $1",
                [month.description]
            ).first
        }
        guard let row, let id = row.int("id") else { return nil }
        return try ModerationColumns.draw(
            id: id, month: row.text("month") ?? "", rule: row.text("rule") ?? "", seed: row.text("seed") ?? "",
            drawnAt: row.text("drawn_at") ?? "", candidates: row.text("candidates") ?? "",
            files: row.text("files") ?? "")
    }
}
