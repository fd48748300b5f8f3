import CaseAudit

/// The quality roll-ups on the server, kept in the transaction that submits or amends an
/// audit: the library computes what an audit contributes (`RollupContribution`); this persists
/// the sums, as the embedded store's `QualityRollup` does.
enum ServerRollup {
    /// Counts a submitted audit: its outcomes are kept with it, then its contribution goes in
    /// through the server's check (`caseaudit_count`, schema v6).
    static func add(_ audit: AuditID, outcomes: [ItemOutcome], in store: PostgreSQLStore) throws {
        try keep(outcomes, of: audit, in: store)
        try count(RollupContribution(try key(of: audit, in: store), outcomes: outcomes, sign: 1), of: audit, in: store)
    }

    /// Takes an amended version's contribution away: what was kept with it when it was submitted.
    static func remove(_ audit: AuditID, in store: PostgreSQLStore) throws {
        let outcomes = try store.run(
            "SELECT item_id, compliant FROM audit_outcome WHERE audit_id = $1 ORDER BY position", [audit]
        ).all.map { ItemOutcome(item: $0.string("item_id"), compliant: $0.bool("compliant") ?? false) }
        try count(
            RollupContribution(try key(of: audit, in: store), outcomes: outcomes, sign: -1), of: audit, in: store)
    }

    /// One audit's contribution, as the library computed it, to the server's check: its grade
    /// cell and its item cells (sorted by item: one lock order for every submitter).
    private static func count(_ contribution: RollupContribution, of audit: AuditID, in store: PostgreSQLStore) throws {
        guard contribution.grades.count == 1, let (key, files) = contribution.grades.first else {
            throw StoreError.failed(reason: "audit \(audit) does not count in one grade cell")
        }
        let grade = JSONObject([
            ("month", .text(key.month)), ("checklistHash", .text(key.checklistHash)),
            ("checklistID", .text(key.checklistID)), ("team", .text(key.team)), ("caseType", .text(key.caseType)),
            ("auditorLevel", .text(key.auditorLevel)), ("judgement", .text(key.judgement)),
            ("computedGrade", .text(key.computedGrade)), ("inclusionProbability", .number(key.inclusionProbability)),
            ("files", .integer(files)),
        ])
        let items = contribution.items.sorted { $0.key.item < $1.key.item }.map { cell, count in
            JSONObject([
                ("item", .text(cell.item)), ("compliant", .integer(count.compliant)),
                ("answered", .integer(count.answered)),
            ]).text
        }
        try store.run(
            "SELECT caseaudit_count($1, $2, $3::jsonb, $4::jsonb)",
            [audit, files, grade.text, "[" + items.joined(separator: ",") + "]"])
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

    /// Many audits' cells at once (a bulk load, by a quality lead), written in one fixed order
    /// (their keys sorted), so that concurrent writers lock shared cells in the same order.
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

/// A flat JSON object, for the few the store sends the server (strings and numbers only).
struct JSONObject {
    enum Value {
        case text(String)
        case number(Double)
        case integer(Int)
    }

    let text: String

    init(_ fields: [(String, Value)]) {
        text =
            "{"
            + fields.map { name, value in
                let rendered =
                    switch value {
                    case .text(let string): Self.quoted(string)
                    case .number(let number): number.description
                    case .integer(let number): String(number)
                    }
                return Self.quoted(name) + ":" + rendered
            }.joined(separator: ",") + "}"
    }

    /// A JSON string, as the server's `to_json` writes one.
    static func quoted(_ string: String) -> String { TrailJSON.string(string).text }
}
