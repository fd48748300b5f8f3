import CaseAudit

/// The quality roll-ups on the server, kept in the transaction that submits or amends an
/// audit: the library computes what an audit contributes (`RollupContribution`); this persists
/// the sums, as the embedded store's `QualityRollup` does.
enum ServerRollup {
    static func add(_ audit: AuditID, outcomes: [ItemOutcome], in store: PostgreSQLStore) throws {
        try persist(RollupContribution(try key(of: audit, in: store), outcomes: outcomes, sign: 1), in: store)
        try keep(outcomes, of: audit, in: store)
    }

    static func remove(_ audit: AuditID, in store: PostgreSQLStore) throws {
        let outcomes = try store.run(
            "SELECT item_id, compliant FROM audit_outcome WHERE audit_id = $1 ORDER BY position", [audit]
        ).all.map { ItemOutcome(item: $0.string("item_id"), compliant: $0.bool("compliant") ?? false) }
        try persist(RollupContribution(try key(of: audit, in: store), outcomes: outcomes, sign: -1), in: store)
    }

    static func keep(_ outcomes: [ItemOutcome], of audit: AuditID, in store: PostgreSQLStore) throws {
        for (position, outcome) in outcomes.enumerated() {
            try store.run(
                "INSERT INTO audit_outcome (audit_id, item_id, compliant, position) VALUES ($1, $2, $3, $4)",
                [audit, outcome.item, outcome.compliant, position])
        }
    }

    static func key(of audit: AuditID, in store: PostgreSQLStore) throws -> RollupContribution.GradeKey {
        guard
            let row = try store.run(
                """
                SELECT s.month, s.checklist_id, a.checklist_hash, c.team, c.case_type, a.auditor_level, a.judgement,
                    a.computed_grade, c.inclusion_probability
                FROM audit a JOIN sample s ON s.id = a.sample_id
                JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                WHERE a.id = $1 AND a.submitted_at IS NOT NULL
                """, [audit]
            ).first
        else { throw StoreError.notSubmitted(audit: audit) }
        return RollupContribution.GradeKey(
            month: row.string("month"), checklistID: row.string("checklist_id"),
            checklistHash: row.string("checklist_hash"), team: row.text("team"), caseType: row.text("case_type"),
            auditorLevel: row.text("auditor_level"), judgement: row.string("judgement"),
            computedGrade: row.text("computed_grade"), inclusionProbability: row.double("inclusion_probability") ?? 0)
    }

    /// The cells are written in one fixed order (their keys sorted), so that concurrent
    /// submissions lock shared cells in the same order and cannot deadlock each other.
    static func persist(_ contribution: RollupContribution, in store: PostgreSQLStore) throws {
        let grades = contribution.grades.sorted { "\($0.key)" < "\($1.key)" }
        let items = contribution.items.sorted { "\($0.key)" < "\($1.key)" }
        for (key, files) in grades where files != 0 {
            try store.run(
                """
                INSERT INTO rollup_grade VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (month, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                    inclusion_probability)
                DO UPDATE SET files = rollup_grade.files + EXCLUDED.files
                """,
                [
                    key.month, key.checklistHash, key.checklistID, key.team, key.caseType, key.auditorLevel,
                    key.judgement, key.computedGrade, key.inclusionProbability, files,
                ])
            try store.run(
                """
                INSERT INTO rollup_trend VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (month, checklist_hash, judgement) DO UPDATE SET files = rollup_trend.files + EXCLUDED.files
                """, [key.month, key.checklistHash, key.checklistID, key.judgement, files])
        }
        for (key, count) in items where count.answered != 0 || count.compliant != 0 {
            try store.run(
                """
                INSERT INTO rollup_item VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (month, checklist_hash, team, case_type, auditor_level, item_id)
                DO UPDATE SET compliant = rollup_item.compliant + EXCLUDED.compliant,
                    answered = rollup_item.answered + EXCLUDED.answered
                """,
                [
                    key.month, key.checklistHash, key.team, key.caseType, key.auditorLevel, key.item, count.compliant,
                    count.answered,
                ])
            try store.run(
                """
                INSERT INTO rollup_item_council VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (month, checklist_hash, item_id)
                DO UPDATE SET compliant = rollup_item_council.compliant + EXCLUDED.compliant,
                    answered = rollup_item_council.answered + EXCLUDED.answered
                """, [key.month, key.checklistHash, key.item, count.compliant, count.answered])
        }
    }
}
