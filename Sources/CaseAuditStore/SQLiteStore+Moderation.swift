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
                    INSERT INTO moderation_file (draw_id, audit_id, month, sample_id, case_reference, checklist_id,
                        checklist_hash, team, auditor_id, moderator_id, unallocated_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for file in draw.files {
                guard let sample = file.sampleID, let hash = file.checklistHash else {
                    throw StoreError.noAudit(file.auditID)
                }
                try statement.execute(arguments: [
                    stored.id, file.auditID.rawValue, draw.month.description, sample.rawValue, file.caseReference,
                    file.checklistID, hash, file.team, file.auditorID, file.moderatorID, file.unallocatedReason,
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

    public func moderationAssignments(moderator: String?, caseReference: String?) throws(StoreError)
        -> [ModerationAssignment]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ModerationColumns.fileColumns) FROM moderation_file
                    WHERE moderator_id IS NOT NULL AND (?1 IS NULL OR moderator_id = ?1)
                        AND (?2 IS NULL OR case_reference = ?2)
                    ORDER BY month, case_reference, audit_id
                    """, arguments: [moderator, caseReference]
            ).compactMap { row -> ModerationAssignment? in
                guard var assignment = ModerationColumns.assignment(row.text) else { return nil }
                assignment.moderation = try Self.moderationAudit(of: assignment, db)
                assignment.challenge = try Row.fetchOne(
                    db,
                    sql: "SELECT \(ModerationColumns.challengeColumns) FROM moderation_challenge WHERE audit_id = ?",
                    arguments: [assignment.original]
                ).flatMap { ModerationColumns.challenge($0.text) }
                return assignment
            }
        }
    }

    private static func moderationAudit(of assignment: ModerationAssignment, _ db: Database) throws -> StoredAudit? {
        try Row.fetchOne(
            db,
            sql:
                "SELECT \(auditColumns) FROM audit WHERE moderates = ? AND auditor_id = ? AND calibration IS NULL ORDER BY id DESC LIMIT 1",
            arguments: [assignment.original, assignment.moderatorID]
        ).map(storedAudit)
    }

    public func startOrResumeModeration(_ assignment: ModerationAssignment, checklist: PinnedChecklist)
        throws(StoreError) -> StoredAudit
    {
        try write { db -> StoredAudit in
            let file = try Row.fetchOne(
                db, sql: "SELECT checklist_hash FROM moderation_file WHERE audit_id = ? AND moderator_id = ?",
                arguments: [assignment.original, assignment.moderatorID])
            guard let file, file["checklist_hash"] as String == checklist.hash else {
                throw StoreError.notModerator(audit: assignment.original, person: assignment.moderatorID)
            }
            if let begun = try Self.moderationAudit(of: assignment, db) { return begun }
            try pin(checklist, db)
            let startedAt = now()
            try db.execute(
                sql: """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, moderates)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    assignment.sampleID, assignment.caseReference, assignment.moderatorID, checklist.hash, startedAt,
                    assignment.original,
                ])
            let audit = StoredAudit(
                id: AuditID(db.lastInsertedRowID), sampleID: assignment.sampleID,
                caseReference: assignment.caseReference, auditorID: assignment.moderatorID,
                checklistHash: checklist.hash, startedAt: startedAt, moderates: assignment.original)
            try appendTrail(.auditStarted(audit), db)
            return audit
        }
    }

    public func recordModerationOutcome(
        _ outcome: ModerationOutcome, original: AuditID, moderator: String, onBehalfOf: String?
    ) throws(StoreError) {
        try write { db in
            guard
                let file = try Row.fetchOne(
                    db, sql: "SELECT moderator_id, outcome FROM moderation_file WHERE audit_id = ?",
                    arguments: [original]),
                file["moderator_id"] as String? == moderator
            else { throw StoreError.notModerator(audit: original, person: moderator) }
            if file["outcome"] as String? != nil {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.decidedAlready)
            }
            let submitted = try Bool.fetchOne(
                db,
                sql:
                    "SELECT EXISTS (SELECT 1 FROM audit WHERE moderates = ? AND auditor_id = ? AND calibration IS NULL AND submitted_at IS NOT NULL)",
                arguments: [original, moderator])
            guard submitted == true else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.notScoredYet)
            }
            var kept = outcome
            kept.decidedAt = now()
            try db.execute(
                sql: """
                    UPDATE moderation_file SET outcome = ?, outcome_grade = ?, outcome_reason = ?, decided_at = ?
                    WHERE audit_id = ?
                    """,
                arguments: [kept.decision.rawValue, kept.grade, kept.reason, kept.decidedAt, original])
            try appendTrail(.moderationDecided(kept, original: original, onBehalfOf: onBehalfOf), db)
            if kept.decision == .changed {
                try nextVersion(
                    of: original, grade: kept.grade, gradeReason: kept.reason, by: moderator,
                    why: ModerationColumns.amendedReason(kept, moderator: moderator), at: kept.decidedAt, db)
            }
        }
    }

    /// An audit's next version with `grade` as its judgement, made from its own rows: the
    /// server's `caseaudit_next_version`, in Swift.
    private func nextVersion(
        of original: AuditID, grade: String, gradeReason: String?, by person: String, why reason: String,
        at stamp: String, _ db: Database
    ) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT \(Self.auditColumns), judgement, judgement_reason, computed_grade, score, auditor_level FROM audit WHERE id = ?",
                arguments: [original])
        else { throw StoreError.noAudit(original) }
        let old = Self.storedAudit(row)
        let made = try Self.insertVersion(after: old, by: person, reason: reason, at: stamp, db)
        try db.execute(
            sql: """
                INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                SELECT ?, item_id, value, note, answered_at, position FROM audit_answer WHERE audit_id = ?
                """, arguments: [made, original])
        try db.execute(
            sql: """
                INSERT INTO audit_action (audit_id, what, who, due, raised_at, done_at, action_key)
                SELECT ?, what, who, due, raised_at, done_at, action_key FROM audit_action WHERE audit_id = ? ORDER BY id
                """, arguments: [made, original])
        try QualityRollup.remove(original, db)
        try db.execute(
            sql: """
                UPDATE audit SET judgement = ?, judgement_reason = ?, computed_grade = ?, score = ?, auditor_level = ?,
                    submitted_at = ?
                WHERE id = ?
                """,
            arguments: [
                grade, gradeReason, row["computed_grade"] as String?, row["score"] as Double?,
                row["auditor_level"] as String?, stamp, made,
            ])
        try QualityRollup.add(made, outcomes: try QualityRollup.outcomes(of: original, db), db)
        let content = try Self.content(of: original, db)
        try appendTrail(
            .auditAmended(
                made, amends: original, version: old.version + 1, before: content,
                after: AuditContent(
                    answers: content.answers, judgement: AuditJudgement(grade: grade, reason: gradeReason),
                    actions: content.actions),
                computedGrade: row["computed_grade"], reason: reason), db)
    }

    public func raiseChallenge(original: AuditID, by auditor: String, reason: String, onBehalfOf: String?)
        throws(StoreError)
    {
        try write { db in
            guard
                let file = try Row.fetchOne(
                    db, sql: "SELECT auditor_id, outcome FROM moderation_file WHERE audit_id = ?", arguments: [original]
                ),
                file["auditor_id"] as String == auditor
            else { throw StoreError.notModerator(audit: original, person: auditor) }
            guard file["outcome"] as String? != nil else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.notDecidedYet)
            }
            try db.execute(
                sql:
                    "INSERT INTO moderation_challenge (audit_id, raised_by, reason, raised_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [original, auditor, reason, now()])
            guard db.changesCount == 1 else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.challengedAlready)
            }
            try appendTrail(.challengeRaised(original: original, reason: reason, onBehalfOf: onBehalfOf), db)
        }
    }

    public func decideChallenge(
        original: AuditID, decision: ModerationChallenge.Decision, grade: String?, reason: String, by person: String
    ) throws(StoreError) -> ModerationChallenge {
        try write { db -> ModerationChallenge in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT \(ModerationColumns.challengeColumns) FROM moderation_challenge WHERE audit_id = ?",
                    arguments: [original]),
                var challenge = ModerationColumns.challenge(row.text)
            else { throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.noChallenge) }
            guard challenge.decision == nil else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.challengeDecided)
            }
            challenge.decision = decision
            challenge.decidedGrade = decision == .upheld ? grade : nil
            challenge.decidedBy = person
            challenge.decisionReason = reason
            challenge.decidedAt = now()
            try db.execute(
                sql: """
                    UPDATE moderation_challenge SET decision = ?, decided_grade = ?, decided_by = ?, decision_reason = ?,
                        decided_at = ?
                    WHERE audit_id = ?
                    """,
                arguments: [
                    decision.rawValue, challenge.decidedGrade, person, reason, challenge.decidedAt, original,
                ])
            try appendTrail(.challengeDecided(challenge, original: original), db)
            // The version the moderation reported: the one it made, else the first audit itself.
            let reported =
                try AuditID.fetchOne(db, sql: "SELECT id FROM audit WHERE amends = ?", arguments: [original])
                ?? original
            let current = try String.fetchOne(
                db, sql: "SELECT judgement FROM audit WHERE id = ?", arguments: [reported])
            if let grade = challenge.decidedGrade, grade != current, let stamp = challenge.decidedAt {
                try nextVersion(
                    of: reported, grade: grade, gradeReason: reason, by: person,
                    why: ModerationColumns.upheldReason(person, reason), at: stamp, db)
            }
            return challenge
        }
    }
}

extension Row {
    /// A column as text, whatever its storage class (nil for NULL and for a blob).
    func text(_ name: String) -> String? {
        let value: DatabaseValue = self[name]
        switch value.storage {
        case .null, .blob: return nil
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        }
    }
}
