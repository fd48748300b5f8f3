import CaseAudit
import GRDB

/// Keeps the quality roll-ups (`rollup_grade`, `rollup_item`) in step with submitted audits,
/// inside the transaction that submits or amends one.
enum QualityRollup {
    /// Adds (`sign` 1) or takes away (`sign` -1) a submitted audit's grade and item outcomes.
    static func add(_ audit: Int64, outcomes: [ItemOutcome], by sign: Int, _ db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.month, s.checklist_id, a.checklist_hash, COALESCE(c.team, '') AS team,
                        COALESCE(c.case_type, '') AS case_type, COALESCE(a.auditor_level, '') AS auditor_level, a.judgement,
                        COALESCE(a.computed_grade, '') AS computed_grade, c.inclusion_probability
                    FROM audit a JOIN sample s ON s.id = a.sample_id
                    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.id = ? AND a.submitted_at IS NOT NULL
                    """, arguments: [audit])
        else { throw StoreError.notSubmitted(audit: audit) }
        let month: String = row["month"]
        let hash: String = row["checklist_hash"]
        let team: String = row["team"]
        let caseType: String = row["case_type"]
        let level: String = row["auditor_level"]
        try addGrade(
            month: month, hash: hash, checklistID: row["checklist_id"], team: team, caseType: caseType, level: level,
            judgement: row["judgement"], computed: row["computed_grade"], probability: row["inclusion_probability"],
            files: sign, db)
        for outcome in outcomes {
            try addItem(
                month: month, hash: hash, team: team, caseType: caseType, level: level, item: outcome.item,
                compliant: outcome.compliant ? sign : 0, answered: sign, db)
        }
    }

    /// Files with one grade, in their cell and in the month's trend.
    static func addGrade(
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
    static func addItem(
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
