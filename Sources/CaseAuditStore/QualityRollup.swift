import CaseAudit
import GRDB

/// Keeps the quality roll-ups (`rollup_grade`, `rollup_item`) in step with submitted audits,
/// inside the transaction that submits or amends one.
enum QualityRollup {
    /// Adds a submitted audit's grade and item outcomes, and keeps the outcomes with it.
    static func add(_ audit: AuditID, outcomes: [ItemOutcome], _ db: Database) throws {
        try persist(RollupContribution(try key(of: audit, db), outcomes: outcomes, sign: 1), db)
        try keep(outcomes, of: audit, db)
    }

    /// Takes away what a submitted audit added: its grade, and the outcomes kept with it.
    static func remove(_ audit: AuditID, _ db: Database) throws {
        try persist(RollupContribution(try key(of: audit, db), outcomes: try outcomes(of: audit, db), sign: -1), db)
    }

    /// The item outcomes a submitted audit added, in checklist order.
    static func outcomes(of audit: AuditID, _ db: Database) throws -> [ItemOutcome] {
        try Row.fetchAll(
            db, sql: "SELECT item_id, compliant FROM audit_outcome WHERE audit_id = ? ORDER BY position",
            arguments: [audit]
        ).map { ItemOutcome(item: $0["item_id"], compliant: $0["compliant"]) }
    }

    /// Keeps a submitted audit's outcomes with it.
    static func keep(_ outcomes: [ItemOutcome], of audit: AuditID, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO audit_outcome (audit_id, item_id, compliant, position) VALUES (?, ?, ?, ?)")
        for (position, outcome) in outcomes.enumerated() {
            try statement.execute(arguments: [audit, outcome.item, outcome.compliant, position])
        }
    }

    /// The grade cell a submitted audit counts in.
    static func key(of audit: AuditID, _ db: Database) throws -> RollupContribution.GradeKey {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.month, s.checklist_id, a.checklist_hash, c.team, c.case_type, a.auditor_level, a.judgement,
                        a.computed_grade, c.inclusion_probability
                    FROM audit a JOIN sample s ON s.id = a.sample_id
                    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.id = ? AND a.submitted_at IS NOT NULL
                    """, arguments: [audit])
        else { throw StoreError.notSubmitted(audit: audit) }
        return RollupContribution.GradeKey(
            month: row["month"], checklistID: row["checklist_id"], checklistHash: row["checklist_hash"],
            team: row["team"],
            caseType: row["case_type"], auditorLevel: row["auditor_level"], judgement: row["judgement"],
            computedGrade: row["computed_grade"], inclusionProbability: row["inclusion_probability"])
    }

    /// Writes a contribution the library computed: the store only keeps the sums.
    static func persist(_ contribution: RollupContribution, _ db: Database) throws {
        for (key, files) in contribution.grades where files != 0 {
            try addGrade(
                month: key.month, hash: key.checklistHash, checklistID: key.checklistID, team: key.team,
                caseType: key.caseType,
                level: key.auditorLevel, judgement: key.judgement, computed: key.computedGrade,
                probability: key.inclusionProbability, files: files, db)
        }
        for (key, count) in contribution.items where count.answered != 0 || count.compliant != 0 {
            try addItem(
                month: key.month, hash: key.checklistHash, team: key.team, caseType: key.caseType,
                level: key.auditorLevel,
                item: key.item, compliant: count.compliant, answered: count.answered, db)
        }
    }

    /// Files with one grade, in their cell and in the month's trend.
    private static func addGrade(
        month: String, hash: String, checklistID: String, team: String, caseType: String, level: String,
        judgement: String,
        computed: String, probability: Double, files: Int, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup_grade VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET files = files + excluded.files
                """
        ).execute(arguments: [month, hash, checklistID, team, caseType, level, judgement, computed, probability, files])
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup_trend VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET files = files + excluded.files
                """
        ).execute(arguments: [month, hash, checklistID, judgement, files])
    }

    /// One item's counts, by group and for the council.
    private static func addItem(
        month: String, hash: String, team: String, caseType: String, level: String, item: String, compliant: Int,
        answered: Int,
        _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup_item VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET compliant = compliant + excluded.compliant, answered = answered + excluded.answered
                """
        ).execute(arguments: [month, hash, team, caseType, level, item, compliant, answered])
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup_item_council VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET compliant = compliant + excluded.compliant, answered = answered + excluded.answered
                """
        ).execute(arguments: [month, hash, item, compliant, answered])
    }
}
