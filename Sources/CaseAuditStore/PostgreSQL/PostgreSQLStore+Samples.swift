import CaseAudit
import Foundation

extension PostgreSQLStore: SampleStore {
    /// A snapshot's cases in the order of the file, streamed with binary COPY and read from their
    /// bytes: a draw reads a million of them. Rows come in the table's order, each with its
    /// position, and are put in place (the server is not asked to sort them: no B-tree keeps
    /// them in order). A large list is read in two parts at once, the second on a connection of
    /// its own (a kept list never changes): the first half of its table's pages, and the rest
    /// (a TID range scan each, so neither reads the other's pages), each part written straight
    /// into its place in the one array. An import writes a list nearly in order, so the cut is
    /// at the position found first on the middle page; the few cases of either part whose
    /// places are in the other's (a short row put in the room an earlier page left) are placed
    /// once both are read. A list that cannot be read so is read again whole, which says
    /// whether it is damaged.
    public func cases(snapshot: Int64, includingDates: Bool) throws(StoreError) -> [CaseRecord] {
        let (count, split) = try read { () throws -> (Int, ListSplit?) in
            let count = Int(
                try run("SELECT case_count FROM case_snapshot WHERE id = $1", [snapshot]).first?.int("case_count") ?? 0)
            guard count >= 100_000 else { return (count, nil) }
            return (count, try ListSplit.find(list: snapshot, on: connection))
        }
        if let split, let read = try? cases(snapshot, count: count, split: split, includingDates: includingDates) {
            return read
        }
        return try cases(snapshot, count: count, split: nil, includingDates: includingDates)
    }

    /// Where a list's table is cut in two for reading: its middle page, and the position of the
    /// first case on or after it.
    struct ListSplit {
        let page: Int64
        let position: Int

        static func find(list: Int64, on connection: PGConnection) throws -> ListSplit? {
            // The list's table by its catalogue entry: only the schema's owner names it.
            guard
                let page = try connection.execute(
                    """
                    SELECT pg_relation_size(c.oid) / current_setting('block_size')::bigint / 2 AS page
                        \(CaseListTable.catalogue)
                    """, [list]
                ).first?.int("page"), page > 0,
                let position = try connection.execute(
                    "SELECT position FROM case_record WHERE snapshot_id = $1 AND ctid >= format('(%s,0)', $2::bigint)::tid LIMIT 1",
                    [list, page]
                ).first?.int("position")
            else { return nil }
            return ListSplit(page: page, position: Int(position))
        }
    }

    /// The cases of a list, in two parts at `split`, or whole.
    func cases(_ snapshot: Int64, count: Int, split: ListSplit?, includingDates: Bool) throws(StoreError)
        -> [CaseRecord]
    {
        let conninfo = self.conninfo
        let pages = split.map { ("ctid < '(\($0.page),0)'", "ctid >= '(\($0.page),0)'") } ?? ("true", "false")
        return try CaseRegion.read(
            list: snapshot, count: count, middle: split?.position ?? count, strays: split != nil,
            first: { region in
                try read {
                    try region.fill(list: snapshot) {
                        try Self.cases(snapshot, where: pages.0, includingDates: includingDates, on: connection, $0)
                    }
                }
            },
            second: { region in
                let other = try PGConnection(conninfo)
                try region.fill(list: snapshot) {
                    try Self.cases(snapshot, where: pages.1, includingDates: includingDates, on: other, $0)
                }
            })
    }

    /// Hands the cases of a snapshot that meet `condition`, with their positions, to `take`, in
    /// the order the server finds them.
    private static func cases(
        _ snapshot: Int64, where condition: String, includingDates: Bool, on connection: PGConnection,
        _ take: (Int, consuming CaseRecord) throws -> Void
    ) throws {
        let columns =
            includingDates
            ? "position, reference, case_type, team, worker, opened, last_visit"
            : "position, reference, case_type, team, worker"
        var interner = StringInterner()
        try connection.copyOutBinary(
            "COPY (SELECT \(columns) FROM case_record WHERE snapshot_id = \(snapshot) AND \(condition)) TO STDOUT (FORMAT binary)"
        ) { fields in
            guard let position = fields.int32(), let reference = fields.text(),
                let type = fields.bytes().flatMap(CaseType.init(rawValueBytes:))
            else { return }
            let team = fields.interned(&interner)
            let worker = fields.interned(&interner)
            let opened = includingDates ? fields.bytes().flatMap { CalendarDate(bytes: $0) } : nil
            let lastVisit = includingDates ? fields.bytes().flatMap { CalendarDate(bytes: $0) } : nil
            try take(
                Int(position),
                CaseRecord(
                    reference: reference, caseType: type, team: team, worker: worker, opened: opened,
                    lastVisit: lastVisit))
        }
    }

    public func addSample(
        _ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase], replacing: [SampleID],
        expectingCurrent: Set<SampleID>?
    ) throws(StoreError) -> StoredSample {
        let drawnAt = now()
        let encoded = String(decoding: (try? JSONEncoder().encode(parameters)) ?? Data(), as: UTF8.self)
        return try write { () throws -> StoredSample in
            if let expected = expectingCurrent {
                // One writer per month and checklist until commit, so the check holds.
                try run(
                    "SELECT pg_advisory_xact_lock(2, hashtext($1))",
                    [parameters.month.description + " " + parameters.checklistID])
                let current = try run(
                    "SELECT id FROM sample WHERE month = $1 AND checklist_id = $2 AND replaced_by IS NULL",
                    [parameters.month.description, parameters.checklistID]
                ).all.compactMap { $0.int("id").map { SampleID($0) } }
                guard Set(current) == expected else {
                    throw StoreError.drawnMeanwhile(
                        month: parameters.month.description, checklist: parameters.checklistID)
                }
            }
            let sequence = try nextSequence("sample")
            guard
                let raw = try run(
                    """
                    INSERT INTO sample (month, checklist_id, snapshot_id, seed, parameters, algorithm, drawn_at, sequence)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                    """,
                    [
                        parameters.month.description, parameters.checklistID, snapshot, String(parameters.seed),
                        encoded,
                        SampleRandom.algorithm, drawnAt, sequence,
                    ]
                ).first?.int("id")
            else { throw StoreError.failed(reason: "the sample was not kept") }
            let id = SampleID(raw)
            for old in replacing {
                // Locked, so that two quality leads replacing the same sample cannot both succeed.
                let inUse = try run(
                    """
                    SELECT replaced_by IS NOT NULL OR EXISTS (SELECT 1 FROM audit WHERE sample_id = $1) AS in_use
                    FROM sample WHERE id = $1 FOR UPDATE
                    """, [old]
                ).first?.bool("in_use")
                guard inUse == false else { throw StoreError.sampleInUse(sample: old) }
                try run("UPDATE sample SET replaced_by = $1 WHERE id = $2", [id, old])
            }
            var tally: [[String]: Int] = [:]
            try copy(
                into: "sample_case",
                columns:
                    "sample_id, case_reference, stratum, inclusion_probability, case_type, team, worker, auditor_id, unallocated_reason",
                rows: cases.map { sampled -> [String?] in
                    [
                        id.description, sampled.reference, sampled.stratum, String(sampled.inclusionProbability),
                        sampled.caseType?.rawValue ?? "", sampled.team, sampled.worker, sampled.auditorID,
                        sampled.unallocatedReason,
                    ]
                })
            for sampled in cases where sampled.auditorID != nil {
                tally[[sampled.team ?? "", sampled.caseType?.rawValue ?? ""], default: 0] += 1
            }
            // The files allocated, by team and case type: what the reports count as sampled.
            try copy(
                into: "sample_tally", columns: "sample_id, team, case_type, files",
                rows: tally.map { key, files in [id.description, key[0], key[1], String(files)] })
            try appendTrail(
                [.sampleDrawn(id, parameters: parameters, snapshot: snapshot, files: cases.count, replacing: replacing)]
                    + cases.map { .fileAllocated($0, sample: id) })
            return StoredSample(
                id: id, sequence: sequence, parameters: parameters, snapshotID: snapshot,
                algorithm: SampleRandom.algorithm, drawnAt: drawnAt, cases: cases)
        }
    }

    public func samples(month: AuditMonth?) throws(StoreError) -> [StoredSample] {
        try read {
            let rows = try run(
                """
                SELECT id, sequence, parameters, snapshot_id, algorithm, drawn_at, replaced_by,
                    (SELECT r.sequence FROM sample r WHERE r.id = sample.replaced_by) AS replaced_by_sequence
                FROM sample WHERE $1::text IS NULL OR month = $1 ORDER BY sequence
                """, [month?.description]
            ).all
            return try rows.map { row in
                let id = SampleID(row.int("id") ?? 0)
                let parameters = try JSONDecoder().decode(
                    SampleParameters.self, from: Data(row.string("parameters").utf8))
                let cases = try run(
                    """
                    SELECT case_reference, stratum, inclusion_probability, case_type, team, worker, auditor_id,
                        unallocated_reason
                    FROM sample_case WHERE sample_id = $1 ORDER BY stratum COLLATE "C", case_reference COLLATE "C"
                    """, [id]
                ).all.map {
                    SampledCase(
                        reference: $0.string("case_reference"), stratum: $0.string("stratum"),
                        inclusionProbability: $0.double("inclusion_probability") ?? 0,
                        caseType: $0.text("case_type").flatMap(CaseType.init(rawValue:)), team: $0.text("team"),
                        worker: $0.text("worker"), auditorID: $0.text("auditor_id"),
                        unallocatedReason: $0.text("unallocated_reason"))
                }
                return StoredSample(
                    id: id, sequence: row.int("sequence") ?? 0, parameters: parameters,
                    snapshotID: row.int("snapshot_id") ?? 0, algorithm: row.string("algorithm"),
                    drawnAt: row.string("drawn_at"), cases: cases,
                    replacedBy: row.int("replaced_by").map { SampleID($0) },
                    replacedBySequence: row.int("replaced_by_sequence"))
            }
        }
    }

    public func allocations(auditor: String?, caseReference: String?, today: CalendarDate?) throws(StoreError)
        -> [AuditAllocation]
    {
        try read {
            try run(
                """
                SELECT s.id, s.sequence, s.month, s.checklist_id, c.case_reference, c.auditor_id, c.case_type, c.team,
                    c.worker,
                    (SELECT a.id FROM audit a WHERE a.sample_id = c.sample_id AND a.case_reference = c.case_reference
                        AND a.auditor_id = c.auditor_id AND a.submitted_at IS NULL AND a.moderates IS NULL
                        ORDER BY a.id DESC LIMIT 1) AS open_audit,
                    (SELECT a.id FROM audit a WHERE a.sample_id = c.sample_id AND a.case_reference = c.case_reference
                        AND a.submitted_at IS NOT NULL AND a.moderates IS NULL ORDER BY a.version DESC LIMIT 1) AS submitted_audit
                FROM sample_case c
                JOIN sample s ON s.id = c.sample_id
                WHERE c.auditor_id IS NOT NULL AND s.replaced_by IS NULL AND ($1::text IS NULL OR c.auditor_id = $1)
                    AND ($2::text IS NULL OR c.case_reference = $2)
                ORDER BY s.month, s.sequence, c.case_reference COLLATE "C"
                """, [auditor, caseReference]
            ).all.compactMap { row -> AuditAllocation? in
                guard let month = AuditMonth(row.string("month")) else { return nil }
                let progress = AuditAllocation.progress(
                    open: row.int("open_audit").map { AuditID($0) },
                    submitted: row.int("submitted_audit").map { AuditID($0) })
                return AuditAllocation(
                    sampleID: SampleID(row.int("id") ?? 0), sampleSequence: row.int("sequence"), month: month,
                    checklistID: row.string("checklist_id"), caseReference: row.string("case_reference"),
                    caseType: row.text("case_type").flatMap(CaseType.init(rawValue:)), team: row.text("team"),
                    worker: row.text("worker"), auditorID: row.string("auditor_id"),
                    status: progress.status, auditID: progress.audit, today: today)
            }
        }
    }

    public func reallocate(
        sample: SampleID, caseReference: String, to auditor: String, by person: String, reason: String
    ) throws(StoreError) {
        try write {
            // The file's row locked first, so a submission cannot slip in between.
            let from = try run(
                "SELECT auditor_id FROM sample_case WHERE sample_id = $1 AND case_reference = $2 FOR UPDATE",
                [sample, caseReference]
            ).first?.text("auditor_id")
            if let done = try run(
                "SELECT id FROM audit WHERE sample_id = $1 AND case_reference = $2 AND submitted_at IS NOT NULL AND moderates IS NULL",
                [sample, caseReference]
            ).first?.int("id") {
                throw StoreError.submitted(audit: AuditID(done))
            }
            try run(
                "UPDATE sample_case SET auditor_id = $1, unallocated_reason = NULL WHERE sample_id = $2 AND case_reference = $3",
                [auditor, sample, caseReference])
            try run(
                """
                INSERT INTO reallocation (sample_id, case_reference, from_auditor, to_auditor, by, reason, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [sample, caseReference, from, auditor, person, reason, now()])
            try appendTrail(.fileReallocated(caseReference, sample: sample, from: from, to: auditor, reason: reason))
        }
    }

    public func sampledReferences(since: AuditMonth, before: SampleID?) throws(StoreError) -> Set<String> {
        try read {
            Set(
                try run(
                    """
                    SELECT DISTINCT c.case_reference FROM sample_case c JOIN sample s ON s.id = c.sample_id
                    WHERE s.month >= $1
                        AND ($2::bigint IS NULL AND s.replaced_by IS NULL
                            OR s.sequence < (SELECT sequence FROM sample WHERE id = $2)
                            AND (s.replaced_by IS NULL
                                OR (SELECT sequence FROM sample r WHERE r.id = s.replaced_by)
                                    > (SELECT sequence FROM sample WHERE id = $2)))
                    """, [since.description, before]
                ).rows.compactMap { $0[0] })
        }
    }
}
