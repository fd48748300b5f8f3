import CaseAudit
import GRDB
import GRDBSQLite

/// SQLite's "copy the bound text" destructor, as C spells it.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension SQLiteStore: QualityStore {
    /// Submitted audits that no later version amends, with the file as drawn.
    static let latestAudits = latestAudits(joining: "")

    /// The latest versions of the audits submitted for files drawn in months ?1 to ?2, with
    /// `extra` joins.
    static func latestAudits(joining extra: String) -> String {
        """
        FROM audit a
        JOIN sample s ON s.id = a.sample_id
        JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
        \(extra)
        WHERE s.month BETWEEN ?1 AND ?2 AND a.submitted_at IS NOT NULL AND a.moderates IS NULL
            AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
        """
    }

    public func qualityRecords(months: ClosedRange<AuditMonth>, withAnswers: Bool) throws(StoreError) -> [QualityRecord]
    {
        try read { db in
            let range: StatementArguments = [months.lowerBound.description, months.upperBound.description]
            var records = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, s.month, s.checklist_id, a.checklist_hash, a.case_reference, c.team, c.case_type, a.auditor_id,
                        a.judgement, a.computed_grade, c.inclusion_probability, a.sample_id, p.version AS checklist_version,
                        a.auditor_level, a.started_at, a.submitted_at, a.version, a.amended_by, a.amended_reason,
                        a.judgement_reason, a.score
                    \(Self.latestAudits(joining: "JOIN pinned_checklist p ON p.hash = a.checklist_hash"))
                    ORDER BY a.id
                    """, arguments: range
            ).compactMap { row -> QualityRecord? in
                guard let month = AuditMonth(row["month"] as String) else { return nil }
                var record = QualityRecord(
                    auditID: row["id"], month: month, checklistID: row["checklist_id"],
                    checklistHash: row["checklist_hash"],
                    caseReference: row["case_reference"], team: row["team"],
                    caseType: (row["case_type"] as String?).flatMap(CaseType.init(rawValue:)),
                    auditorID: row["auditor_id"],
                    judgement: row["judgement"], computedGrade: row["computed_grade"],
                    inclusionProbability: row["inclusion_probability"])
                record.provenance = QualityRecord.Provenance(
                    sampleID: row["sample_id"], checklistVersion: row["checklist_version"],
                    auditorLevel: row["auditor_level"],
                    startedAt: row["started_at"], submittedAt: row["submitted_at"], version: row["version"],
                    amendedBy: row["amended_by"], amendedReason: row["amended_reason"],
                    judgementReason: row["judgement_reason"],
                    score: row["score"])
                return record
            }
            guard withAnswers else { return records }
            var index: [AuditID: Int] = [:]
            for (position, record) in records.enumerated() { index[record.auditID] = position }
            let answers = try Row.fetchCursor(
                db,
                sql: """
                    SELECT x.audit_id, x.item_id, x.value, x.note FROM audit_answer x
                    WHERE x.audit_id IN (SELECT a.id \(Self.latestAudits))
                    """, arguments: range)
            while let row = try answers.next() {
                guard let position = index[row["audit_id"]] else { continue }
                records[position].answers[row["item_id"]] = row["value"]
                if let note = row["note"] as String?, !note.isEmpty { records[position].notes[row["item_id"]] = note }
            }
            return records
        }
    }

    /// Read through the C API with the repeated texts (hash, team, grades) interned: a month's
    /// report reads thousands of these.
    public func gradeCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell] {
        try read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT month, checklist_id, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                        inclusion_probability, files
                    FROM rollup_grade WHERE month BETWEEN ? AND ? AND files > 0
                    """)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let range = [months.lowerBound.description, months.upperBound.description]
            for (index, text) in range.enumerated() {
                sqlite3_bind_text(handle, Int32(index + 1), text, -1, sqliteTransient)
            }
            var interner = StringInterner()
            func text(_ column: Int32) -> String {
                guard let text = sqlite3_column_text(handle, column) else { return "" }
                return interner.intern(
                    UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
            }
            var cells: [GradeCell] = []
            var monthsSeen: [String: AuditMonth] = [:]
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw StoreError.failed(reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                let monthText = text(0)
                guard let month = monthsSeen[monthText] ?? AuditMonth(monthText) else { continue }
                monthsSeen[monthText] = month
                cells.append(
                    GradeCell(
                        month: month, checklistID: text(1), checklistHash: text(2), team: Self.none(text(3)),
                        caseType: CaseType(rawValue: text(4)), auditorLevel: ManagerLevel(rawValue: text(5)),
                        judgement: text(6),
                        computedGrade: Self.none(text(7)), inclusionProbability: sqlite3_column_double(handle, 8),
                        files: Int(sqlite3_column_int64(handle, 9))))
            }
            return cells
        }
    }

    public func itemCells(month: AuditMonth, byGroup: Bool) throws(StoreError) -> [ItemCell] {
        try read { db in
            let sql =
                byGroup
                ? """
                SELECT checklist_hash, team, case_type, auditor_level, item_id, compliant, answered
                FROM rollup_item WHERE month = ? AND answered > 0
                """
                : """
                SELECT checklist_hash, '', '', '', item_id, compliant, answered
                FROM rollup_item_council WHERE month = ? AND answered > 0
                """
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [month.description])
            var cells: [ItemCell] = []
            while let row = try rows.next() {
                cells.append(
                    ItemCell(
                        checklistHash: row[0], team: Self.none(row[1]), caseType: CaseType(rawValue: row[2]),
                        auditorLevel: ManagerLevel(rawValue: row[3]), item: row[4], compliant: row[5], answered: row[6])
                )
            }
            return cells
        }
    }

    public func trendCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT month, checklist_id, checklist_hash, judgement, files FROM rollup_trend
                    WHERE month BETWEEN ? AND ? AND files > 0
                    """, arguments: [months.lowerBound.description, months.upperBound.description])
            var cells: [GradeCell] = []
            while let row = try rows.next() {
                guard let month = AuditMonth(row[0] as String) else { continue }
                cells.append(
                    GradeCell(
                        month: month, checklistID: row[1], checklistHash: row[2], team: nil, caseType: nil,
                        auditorLevel: nil,
                        judgement: row[3], computedGrade: nil, inclusionProbability: 1, files: row[4]))
            }
            return cells
        }
    }

    /// The roll-ups write "" for none.
    private static func none(_ text: String) -> String? { text.isEmpty ? nil : text }

    public func sampledCounts(month: AuditMonth) throws(StoreError) -> [SampledCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.checklist_id, NULLIF(t.team, '') AS team, NULLIF(t.case_type, '') AS case_type, SUM(t.files) AS files
                    FROM sample s JOIN sample_tally t ON t.sample_id = s.id
                    WHERE s.month = ? AND s.replaced_by IS NULL
                    GROUP BY s.checklist_id, t.team, t.case_type
                    """, arguments: [month.description]
            ).map { row in
                SampledCount(
                    checklistID: row["checklist_id"], team: row["team"],
                    caseType: (row["case_type"] as String?).flatMap(CaseType.init(rawValue:)), files: row["files"])
            }
        }
    }

    public func actionRecords(months: ClosedRange<AuditMonth>) throws(StoreError) -> [ActionRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT x.audit_id, s.month, s.checklist_id, c.team, x.due, x.done_at IS NOT NULL AS done
                    FROM audit_action x CROSS JOIN audit a ON a.id = x.audit_id
                    JOIN sample s ON s.id = a.sample_id
                    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE s.month BETWEEN ?1 AND ?2 AND a.submitted_at IS NOT NULL AND a.moderates IS NULL
                        AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
                    """, arguments: [months.lowerBound.description, months.upperBound.description]
            ).compactMap { row -> ActionRecord? in
                guard let due = CalendarDate(parsing: row["due"] as String) else { return nil }
                return ActionRecord(
                    auditID: row["audit_id"], month: AuditMonth(row["month"] as String),
                    checklistID: row["checklist_id"], team: row["team"],
                    due: due, done: row["done"])
            }
        }
    }
}
