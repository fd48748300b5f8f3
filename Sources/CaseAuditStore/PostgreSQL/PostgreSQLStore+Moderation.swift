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
                    INSERT INTO moderation_file (draw_id, audit_id, month, sample_id, case_reference, checklist_id,
                        checklist_hash, team, auditor_id, moderator_id, unallocated_reason)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    """,
                    [
                        id, file.auditID.rawValue, draw.month.description, file.sampleID?.rawValue,
                        file.caseReference, file.checklistID, file.checklistHash, file.team, file.auditorID,
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

    public func moderationAssignments(moderator: String?, caseReference: String?) throws(StoreError)
        -> [ModerationAssignment]
    {
        try read {
            try run(
                """
                SELECT \(ModerationColumns.fileColumns) FROM moderation_file
                WHERE moderator_id IS NOT NULL AND ($1::TEXT IS NULL OR moderator_id = $1)
                    AND ($2::TEXT IS NULL OR case_reference = $2)
                ORDER BY month, case_reference, audit_id
                """, [moderator, caseReference]
            ).all.compactMap { row -> ModerationAssignment? in
                guard var assignment = ModerationColumns.assignment(row.text) else { return nil }
                assignment.moderation = try moderationAudit(of: assignment)
                assignment.challenge = try run(
                    "SELECT \(ModerationColumns.challengeColumns) FROM moderation_challenge WHERE audit_id = $1",
                    [assignment.original]
                ).first.flatMap { ModerationColumns.challenge($0.text) }
                return assignment
            }
        }
    }

    private func moderationAudit(of assignment: ModerationAssignment) throws -> StoredAudit? {
        try run(
            "SELECT \(Self.auditColumns) FROM audit WHERE moderates = $1 AND auditor_id = $2 AND calibration IS NULL ORDER BY id DESC LIMIT 1",
            [assignment.original, assignment.moderatorID]
        ).first.map(Self.storedAudit)
    }

    public func startOrResumeModeration(_ assignment: ModerationAssignment, checklist: PinnedChecklist)
        throws(StoreError) -> StoredAudit
    {
        try writeRetrying { () throws -> StoredAudit in
            let hash = try run(
                "SELECT checklist_hash FROM moderation_file WHERE audit_id = $1 AND moderator_id = $2",
                [assignment.original, assignment.moderatorID]
            ).first?.text("checklist_hash")
            guard hash == checklist.hash else {
                throw StoreError.notModerator(audit: assignment.original, person: assignment.moderatorID)
            }
            if let begun = try moderationAudit(of: assignment) { return begun }
            try pin(checklist)
            let startedAt = now()
            guard
                let id = try run(
                    """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, moderates)
                    VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
                    """,
                    [
                        assignment.sampleID, assignment.caseReference, assignment.moderatorID, checklist.hash,
                        startedAt, assignment.original,
                    ]
                ).first?.int("id")
            else { throw StoreError.failed(reason: "the moderation was not kept") }
            let audit = StoredAudit(
                id: AuditID(id), sampleID: assignment.sampleID, caseReference: assignment.caseReference,
                auditorID: assignment.moderatorID, checklistHash: checklist.hash, startedAt: startedAt,
                moderates: assignment.original)
            try appendTrail(.auditStarted(audit))
            return audit
        }
    }

    public func recordModerationOutcome(
        _ outcome: ModerationOutcome, original: AuditID, moderator: String, onBehalfOf: String?
    ) throws(StoreError) {
        try write {
            guard
                let file = try run(
                    "SELECT moderator_id, outcome FROM moderation_file WHERE audit_id = $1 FOR UPDATE", [original]
                ).first, file.text("moderator_id") == moderator
            else { throw StoreError.notModerator(audit: original, person: moderator) }
            if file.text("outcome") != nil {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.decidedAlready)
            }
            let submitted = try run(
                """
                SELECT EXISTS (SELECT 1 FROM audit WHERE moderates = $1 AND auditor_id = $2 AND calibration IS NULL
                    AND submitted_at IS NOT NULL)
                    AS done
                """, [original, moderator]
            ).first?.bool("done")
            guard submitted == true else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.notScoredYet)
            }
            var kept = outcome
            kept.decidedAt = now()
            try run(
                """
                UPDATE moderation_file SET outcome = $1, outcome_grade = $2, outcome_reason = $3, decided_at = $4
                WHERE audit_id = $5
                """, [kept.decision.rawValue, kept.grade, kept.reason, kept.decidedAt, original])
            try appendTrail(.moderationDecided(kept, original: original, onBehalfOf: onBehalfOf))
            // The changed grade is applied by the server itself (the moderator may not write the
            // first audit); the event says what it made.
            if kept.decision == .changed {
                try regrade(
                    through: "caseaudit_apply_moderation", original: original, target: original,
                    to: AuditJudgement(grade: kept.grade, reason: kept.reason), at: kept.decidedAt,
                    reason: ModerationColumns.amendedReason(kept, moderator: moderator))
            }
        }
    }

    public func raiseChallenge(original: AuditID, by auditor: String, reason: String, onBehalfOf: String?)
        throws(StoreError)
    {
        try write {
            guard
                let file = try run(
                    "SELECT auditor_id, outcome FROM moderation_file WHERE audit_id = $1", [original]
                ).first, file.text("auditor_id") == auditor
            else { throw StoreError.notModerator(audit: original, person: auditor) }
            guard file.text("outcome") != nil else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.notDecidedYet)
            }
            let inserted = try run(
                """
                INSERT INTO moderation_challenge (audit_id, raised_by, reason, raised_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING RETURNING audit_id
                """, [original, auditor, reason, now()])
            guard inserted.first != nil else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.challengedAlready)
            }
            try appendTrail(.challengeRaised(original: original, reason: reason, onBehalfOf: onBehalfOf))
        }
    }

    public func decideChallenge(
        original: AuditID, decision: ModerationChallenge.Decision, grade: String?, reason: String, by person: String
    ) throws(StoreError) -> ModerationChallenge {
        try write { () throws -> ModerationChallenge in
            guard
                let row = try run(
                    "SELECT \(ModerationColumns.challengeColumns) FROM moderation_challenge WHERE audit_id = $1 FOR UPDATE",
                    [original]
                ).first, var challenge = ModerationColumns.challenge(row.text)
            else { throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.noChallenge) }
            guard challenge.decision == nil else {
                throw StoreError.moderationOpen(audit: original, why: ModerationRefusalText.challengeDecided)
            }
            let stamp = now()
            challenge.decision = decision
            challenge.decidedGrade = decision == .upheld ? grade : nil
            challenge.decidedBy = person
            challenge.decisionReason = reason
            challenge.decidedAt = stamp
            try run(
                """
                UPDATE moderation_challenge SET decision = $1, decided_grade = $2, decided_by = $3, decision_reason = $4,
                    decided_at = $5
                WHERE audit_id = $6
                """, [decision.rawValue, challenge.decidedGrade, person, reason, stamp, original])
            try appendTrail(.challengeDecided(challenge, original: original))
            // The version reported now: the one the moderation made, else the first audit.
            let reported =
                try run("SELECT id FROM audit WHERE amends = $1", [original]).first?.int("id").map { AuditID($0) }
                ?? original
            if let grade = challenge.decidedGrade, grade != (try judgement(of: reported))?.grade {
                try regrade(
                    through: "caseaudit_resolve_challenge", original: original, target: reported,
                    to: AuditJudgement(grade: grade, reason: reason), at: stamp,
                    reason: ModerationColumns.upheldReason(person, reason))
            }
            return challenge
        }
    }

    /// Has the server's `function` (`caseaudit_apply_moderation` or `caseaudit_resolve_challenge`)
    /// make `target`'s next version with `judgement`, and records the amendment's event. What the
    /// event says is read first: the session may not read the version the server makes.
    private func regrade(
        through function: String, original: AuditID, target: AuditID, to judgement: AuditJudgement, at stamp: String,
        reason: String
    ) throws {
        guard let row = try run("SELECT version, computed_grade FROM audit WHERE id = $1", [target]).first else {
            throw StoreError.noAudit(target)
        }
        let before = AuditContent(
            answers: try answers(of: target), judgement: try self.judgement(of: target),
            actions: try actions(of: target))
        guard let made = try run("SELECT \(function)($1, $2) AS made", [original, stamp]).first?.int("made") else {
            throw StoreError.failed(reason: "the grade was not applied")
        }
        try appendTrail(
            .auditAmended(
                AuditID(made), amends: target, version: Int(row.int("version") ?? 1) + 1, before: before,
                after: AuditContent(answers: before.answers, judgement: judgement, actions: before.actions),
                computedGrade: row.text("computed_grade"), reason: reason))
    }
}
