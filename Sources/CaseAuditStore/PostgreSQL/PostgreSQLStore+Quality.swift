import CaseAudit
import Foundation

extension PostgreSQLStore: QualityStore {
    /// The latest versions of the audits submitted for files drawn in months $1 to $2, with
    /// `extra` joins.
    static func latestAudits(joining extra: String = "") -> String {
        """
        FROM audit a
        JOIN sample s ON s.id = a.sample_id
        JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
        \(extra)
        WHERE s.month BETWEEN $1 AND $2 AND a.submitted_at IS NOT NULL AND a.moderates IS NULL
            AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
        """
    }

    private static func range(_ months: ClosedRange<AuditMonth>) -> [(any PGBindable)?] {
        [months.lowerBound.description, months.upperBound.description]
    }

    public func qualityRecords(months: ClosedRange<AuditMonth>, withAnswers: Bool) throws(StoreError) -> [QualityRecord]
    {
        try read {
            var records = try run(
                """
                SELECT a.id, s.month, s.checklist_id, a.checklist_hash, a.case_reference, c.team, c.case_type, a.auditor_id,
                    a.judgement, a.computed_grade, c.inclusion_probability, a.sample_id, p.version AS checklist_version,
                    a.auditor_level, a.started_at, a.submitted_at, a.version, a.amended_by, a.amended_reason,
                    a.judgement_reason, a.score
                \(Self.latestAudits(joining: "JOIN pinned_checklist p ON p.hash = a.checklist_hash"))
                ORDER BY a.id
                """, Self.range(months)
            ).all.compactMap { row -> QualityRecord? in
                guard let month = AuditMonth(row.string("month")) else { return nil }
                var record = QualityRecord(
                    auditID: AuditID(row.int("id") ?? 0), month: month, checklistID: row.string("checklist_id"),
                    checklistHash: row.string("checklist_hash"), caseReference: row.string("case_reference"),
                    team: row.text("team"), caseType: row.text("case_type").flatMap(CaseType.init(rawValue:)),
                    auditorID: row.string("auditor_id"), judgement: row.string("judgement"),
                    computedGrade: row.text("computed_grade"),
                    inclusionProbability: row.double("inclusion_probability") ?? 0)
                record.provenance = QualityRecord.Provenance(
                    sampleID: SampleID(row.int("sample_id") ?? 0), checklistVersion: row.string("checklist_version"),
                    auditorLevel: row.text("auditor_level"), startedAt: row.string("started_at"),
                    submittedAt: row.string("submitted_at"), version: Int(row.int("version") ?? 1),
                    amendedBy: row.text("amended_by"), amendedReason: row.text("amended_reason"),
                    judgementReason: row.text("judgement_reason"), score: row.double("score"))
                return record
            }
            guard withAnswers else { return records }
            var index: [AuditID: Int] = [:]
            for (position, record) in records.enumerated() { index[record.auditID] = position }
            for row in try run(
                """
                SELECT x.audit_id, x.item_id, x.value, x.note FROM audit_answer x
                WHERE x.audit_id IN (SELECT a.id \(Self.latestAudits()))
                """, Self.range(months)
            ).all {
                guard let position = index[AuditID(row.int("audit_id") ?? 0)] else { continue }
                records[position].answers[row.string("item_id")] = row.string("value")
                if let note = row.text("note"), !note.isEmpty { records[position].notes[row.string("item_id")] = note }
            }
            return records
        }
    }

    public func gradeCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell] {
        try read {
            var interner = StringInterner()
            func text(_ value: String?) -> String {
                interner.intern(value ?? "")
            }
            return try run(
                """
                SELECT month, checklist_id, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                    inclusion_probability, files
                FROM rollup_grade WHERE month BETWEEN $1 AND $2 AND files > 0
                """, Self.range(months)
            ).rows.compactMap { values -> GradeCell? in
                guard let month = values[0].flatMap(AuditMonth.init) else { return nil }
                return GradeCell(
                    month: month, checklistID: text(values[1]), checklistHash: text(values[2]),
                    team: Self.none(text(values[3])), caseType: CaseType(rawValue: text(values[4])),
                    auditorLevel: ManagerLevel(rawValue: text(values[5])), judgement: text(values[6]),
                    computedGrade: Self.none(text(values[7])),
                    inclusionProbability: values[8].flatMap(Double.init) ?? 0,
                    files: values[9].flatMap { Int($0) } ?? 0)
            }
        }
    }

    public func itemCells(month: AuditMonth, byGroup: Bool) throws(StoreError) -> [ItemCell] {
        try read {
            let sql =
                byGroup
                ? """
                SELECT checklist_hash, team, case_type, auditor_level, item_id, compliant, answered
                FROM rollup_item WHERE month = $1 AND answered > 0
                """
                : """
                SELECT checklist_hash, '', '', '', item_id, compliant, answered
                FROM rollup_item_council WHERE month = $1 AND answered > 0
                """
            return try run(sql, [month.description]).rows.map { values in
                ItemCell(
                    checklistHash: values[0] ?? "", team: Self.none(values[1] ?? ""),
                    caseType: CaseType(rawValue: values[2] ?? ""),
                    auditorLevel: ManagerLevel(rawValue: values[3] ?? ""),
                    item: values[4] ?? "", compliant: values[5].flatMap { Int($0) } ?? 0,
                    answered: values[6].flatMap { Int($0) } ?? 0)
            }
        }
    }

    public func trendCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell] {
        try read {
            try run(
                """
                SELECT month, checklist_id, checklist_hash, judgement, files FROM rollup_trend
                WHERE month BETWEEN $1 AND $2 AND files > 0
                """, Self.range(months)
            ).rows.compactMap { values -> GradeCell? in
                guard let month = values[0].flatMap(AuditMonth.init) else { return nil }
                return GradeCell(
                    month: month, checklistID: values[1] ?? "", checklistHash: values[2] ?? "", team: nil,
                    caseType: nil, auditorLevel: nil, judgement: values[3] ?? "", computedGrade: nil,
                    inclusionProbability: 1, files: values[4].flatMap { Int($0) } ?? 0)
            }
        }
    }

    /// The roll-ups write "" for none.
    private static func none(_ text: String) -> String? { text.isEmpty ? nil : text }

    public func sampledCounts(month: AuditMonth) throws(StoreError) -> [SampledCount] {
        try read {
            try run(
                """
                SELECT s.checklist_id, NULLIF(t.team, '') AS team, NULLIF(t.case_type, '') AS case_type, SUM(t.files) AS files
                FROM sample s JOIN sample_tally t ON t.sample_id = s.id
                WHERE s.month = $1 AND s.replaced_by IS NULL
                GROUP BY s.checklist_id, t.team, t.case_type
                """, [month.description]
            ).all.map { row in
                SampledCount(
                    checklistID: row.string("checklist_id"), team: row.text("team"),
                    caseType: row.text("case_type").flatMap(CaseType.init(rawValue:)),
                    files: Int(row.int("files") ?? 0))
            }
        }
    }

    public func actionRecords(months: ClosedRange<AuditMonth>) throws(StoreError) -> [ActionRecord] {
        try read {
            // The council's, whoever reads them (a quality lead or a senior manager): schema v20.
            try run("SELECT * FROM caseaudit_report_actions($1, $2)", Self.range(months)).all.compactMap {
                row -> ActionRecord? in
                guard let due = CalendarDate(parsing: row.string("due")) else { return nil }
                return ActionRecord(
                    auditID: AuditID(row.int("audit_id") ?? 0), month: AuditMonth(row.string("month")),
                    checklistID: row.string("checklist_id"), team: row.text("team"), due: due,
                    done: row.bool("done") ?? false)
            }
        }
    }
}

extension PostgreSQLStore: BulkAuditStore {
    /// Loads generated audits, already submitted, into a sample in one transaction, with their
    /// answers, outcomes and the quality roll-ups (one roll-up write per cell).
    public func loadSubmittedAudits(
        _ audits: [BulkAudit], sampleID: SampleID, checklist: PinnedChecklist, checklistID: String
    ) throws(StoreError) {
        try write {
            try run(
                "INSERT INTO pinned_checklist (hash, checklist_id, version, xml) VALUES ($1, $2, $3, decode($4, 'base64')) ON CONFLICT DO NOTHING",
                [checklist.hash, checklist.id, checklist.version, Data(checklist.xml).base64EncodedString()])
            let now = now()
            var contribution = RollupContribution()
            var kept: [(AuditID, [ItemOutcome])] = []
            for audit in audits {
                guard
                    let raw = try run(
                        """
                        INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, judgement,
                            judgement_reason, computed_grade, score, auditor_level)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
                        """,
                        [
                            sampleID, audit.caseReference, audit.auditorID, checklist.hash, now, audit.judgement.grade,
                            audit.judgement.reason, audit.grade.band?.grade, audit.grade.score,
                            audit.auditorLevel?.rawValue,
                        ]
                    ).first?.int("id")
                else { throw StoreError.failed(reason: "the audit was not kept") }
                let id = AuditID(raw)
                try copy(
                    into: "audit_answer", columns: "audit_id, item_id, value, note, answered_at, position",
                    rows: audit.answers.enumerated().map { position, answer -> [String?] in
                        [id.description, answer.itemID, answer.value, nil, now, String(position)]
                    })
                contribution.add(
                    RollupContribution.GradeKey(
                        month: audit.month.description, checklistID: checklistID, checklistHash: checklist.hash,
                        team: audit.team, caseType: audit.caseType?.rawValue,
                        auditorLevel: audit.auditorLevel?.rawValue,
                        judgement: audit.judgement.grade, computedGrade: audit.grade.band?.grade,
                        inclusionProbability: audit.inclusionProbability),
                    outcomes: audit.outcomes)
                kept.append((id, audit.outcomes))
            }
            // Submitted once their answers are in (a submitted audit takes no more answers).
            try run(
                "UPDATE audit SET submitted_at = $1 WHERE sample_id = $2 AND submitted_at IS NULL", [now, sampleID])
            try ServerRollup.persist(contribution, in: self)
            for (id, outcomes) in kept { try ServerRollup.keep(outcomes, of: id, in: self) }
            // Generated audits, for benchmarks and demos at scale: one event for the load.
            try appendTrail(
                .auditsLoaded(sampleID, audits: audits.count, answers: audits.reduce(0) { $0 + $1.answers.count }))
        }
    }
}
