import CaseAudit
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore: SampleStore {
    /// From this many cases, the second half of a snapshot is read on another core through a
    /// second (read-only) connection: WAL lets both read at once.
    static let parallelReadThreshold = 200_000

    public func cases(snapshot: Int64, includingDates: Bool) throws(StoreError) -> [CaseRecord] {
        try cases(snapshot: snapshot, includingDates: includingDates, parallelFrom: Self.parallelReadThreshold)
    }

    func cases(snapshot: Int64, includingDates: Bool, parallelFrom threshold: Int) throws(StoreError) -> [CaseRecord] {
        let range = try read { db -> (Int64, Int64)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT first_row, last_row FROM case_snapshot WHERE id = ?", arguments: [snapshot]),
                let first = row["first_row"] as Int64?, let last = row["last_row"] as Int64?
            else { return nil }
            return (first, last)
        }
        guard let (first, last) = range, last >= first else { return [] }
        let count = Int(last - first + 1)
        let path = self.path
        // The second half on another core, through a second (read-only) connection: WAL lets
        // both read at once.
        return try CaseRegion.read(
            list: snapshot, count: count, middle: count >= threshold ? count / 2 : count,
            first: { region in
                try read { db in
                    try region.fill(list: snapshot) {
                        try Self.readCases(db, rows: first, region: region, includingDates: includingDates, $0)
                    }
                }
            },
            second: { region in
                var configuration = Configuration()
                configuration.readonly = true
                try DatabaseQueue(path: path, configuration: configuration).read { db in
                    try region.fill(list: snapshot) {
                        try Self.readCases(db, rows: first, region: region, includingDates: includingDates, $0)
                    }
                }
            })
    }

    /// The case records of `region` (positions counted from rowid `first`), each handed to
    /// `take` with its position, read through the C API: GRDB's row decoding by column name
    /// took most of a draw's time.
    static func readCases(
        _ db: Database, rows first: Int64, region: CaseRegion, includingDates: Bool,
        _ take: (Int, consuming CaseRecord) throws -> Void
    ) throws {
        let columns =
            includingDates
            ? "rowid, reference, case_type, team, worker, opened, last_visit"
            : "rowid, reference, case_type, team, worker"
        let statement = try db.makeStatement(sql: "SELECT \(columns) FROM case_record WHERE rowid BETWEEN ? AND ?")
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 1, first + Int64(region.first))
        sqlite3_bind_int64(handle, 2, first + Int64(region.first + region.capacity) - 1)
        defer { sqlite3_reset(handle) }
        var interner = StringInterner()
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let text = sqlite3_column_text(handle, column) else { return nil }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw StoreError.failed(reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let reference = bytes(1).map({ String(decoding: $0, as: UTF8.self) }),
                let type = bytes(2).flatMap(CaseType.init(rawValueBytes:))
            else { continue }
            try take(
                Int(sqlite3_column_int64(handle, 0) - first),
                CaseRecord(
                    reference: reference, caseType: type, team: bytes(3).map { interner.intern($0) },
                    worker: bytes(4).map { interner.intern($0) },
                    opened: includingDates ? bytes(5).flatMap { CalendarDate(bytes: $0) } : nil,
                    lastVisit: includingDates ? bytes(6).flatMap { CalendarDate(bytes: $0) } : nil))
        }
    }

    public func addSample(
        _ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase], replacing: [SampleID],
        expectingCurrent: Set<SampleID>?
    ) throws(StoreError) -> StoredSample {
        let drawnAt = now()
        let encoded = String(decoding: (try? JSONEncoder().encode(parameters)) ?? Data(), as: UTF8.self)
        return try write { db -> StoredSample in
            if let expected = expectingCurrent {
                let current = try SampleID.fetchAll(
                    db, sql: "SELECT id FROM sample WHERE month = ? AND checklist_id = ? AND replaced_by IS NULL",
                    arguments: [parameters.month.description, parameters.checklistID])
                guard Set(current) == expected else {
                    throw StoreError.drawnMeanwhile(
                        month: parameters.month.description, checklist: parameters.checklistID)
                }
            }
            let sequence = try StoreSequence.next("sample", db)
            try db.execute(
                sql: """
                    INSERT INTO sample (month, checklist_id, snapshot_id, seed, parameters, algorithm, drawn_at, sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    parameters.month.description, parameters.checklistID, snapshot, String(parameters.seed), encoded,
                    SampleRandom.algorithm, drawnAt, sequence,
                ])
            let id = SampleID(db.lastInsertedRowID)
            for old in replacing {
                let inUse = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT replaced_by IS NOT NULL OR EXISTS (SELECT 1 FROM audit WHERE sample_id = ?1)
                        FROM sample WHERE id = ?1
                        """, arguments: [old])
                guard inUse == false else { throw StoreError.sampleInUse(sample: old) }
                try db.execute(sql: "UPDATE sample SET replaced_by = ? WHERE id = ?", arguments: [id, old])
            }
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO sample_case (sample_id, case_reference, stratum, inclusion_probability, case_type, team, worker,
                        auditor_id, unallocated_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            var tally: [[String]: Int] = [:]
            for sampled in cases {
                try statement.execute(arguments: [
                    id, sampled.reference, sampled.stratum, sampled.inclusionProbability,
                    sampled.caseType?.rawValue ?? "",
                    sampled.team, sampled.worker, sampled.auditorID, sampled.unallocatedReason,
                ])
                if sampled.auditorID != nil {
                    tally[[sampled.team ?? "", sampled.caseType?.rawValue ?? ""], default: 0] += 1
                }
            }
            // The files allocated, by team and case type: what the reports count as sampled.
            for (key, files) in tally {
                try db.execute(
                    sql: "INSERT INTO sample_tally VALUES (?, ?, ?, ?)", arguments: [id, key[0], key[1], files])
            }
            try appendTrail(
                [.sampleDrawn(id, parameters: parameters, snapshot: snapshot, files: cases.count, replacing: replacing)]
                    + cases.map { .fileAllocated($0, sample: id) }, db)
            return StoredSample(
                id: id, sequence: sequence, parameters: parameters, snapshotID: snapshot,
                algorithm: SampleRandom.algorithm, drawnAt: drawnAt, cases: cases)
        }
    }

    public func samples(month: AuditMonth?) throws(StoreError) -> [StoredSample] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, sequence, parameters, snapshot_id, algorithm, drawn_at, replaced_by,
                        (SELECT r.sequence FROM sample r WHERE r.id = sample.replaced_by) AS replaced_by_sequence
                    FROM sample WHERE ?1 IS NULL OR month = ?1 ORDER BY sequence
                    """,
                arguments: [month?.description])
            return try rows.map { row in
                let id: SampleID = row["id"]
                let parameters = try JSONDecoder().decode(
                    SampleParameters.self, from: Data((row["parameters"] as String).utf8))
                let cases = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT case_reference, stratum, inclusion_probability, case_type, team, worker, auditor_id,
                            unallocated_reason
                        FROM sample_case WHERE sample_id = ? ORDER BY stratum, case_reference
                        """,
                    arguments: [id]
                ).map {
                    SampledCase(
                        reference: $0["case_reference"], stratum: $0["stratum"],
                        inclusionProbability: $0["inclusion_probability"],
                        caseType: ($0["case_type"] as String?).flatMap(CaseType.init(rawValue:)), team: $0["team"],
                        worker: $0["worker"], auditorID: $0["auditor_id"], unallocatedReason: $0["unallocated_reason"])
                }
                return StoredSample(
                    id: id, sequence: row["sequence"], parameters: parameters, snapshotID: row["snapshot_id"],
                    algorithm: row["algorithm"], drawnAt: row["drawn_at"], cases: cases,
                    replacedBy: row["replaced_by"], replacedBySequence: row["replaced_by_sequence"])
            }
        }
    }

    /// The allocated files, with how far each one's audit has got as of `today`.
    public func allocations(auditor: String?, caseReference: String?, today: CalendarDate?) throws(StoreError)
        -> [AuditAllocation]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.sequence, s.month, s.checklist_id, c.case_reference, c.auditor_id, c.case_type, c.team, c.worker,
                        (SELECT a.id FROM audit a WHERE a.sample_id = c.sample_id AND a.case_reference = c.case_reference
                            AND a.auditor_id = c.auditor_id AND a.submitted_at IS NULL AND a.moderates IS NULL
                            ORDER BY a.id DESC LIMIT 1) AS open_audit,
                        (SELECT a.id FROM audit a WHERE a.sample_id = c.sample_id AND a.case_reference = c.case_reference
                            AND a.submitted_at IS NOT NULL AND a.moderates IS NULL ORDER BY a.version DESC LIMIT 1) AS submitted_audit
                    FROM sample_case c
                    JOIN sample s ON s.id = c.sample_id
                    WHERE c.auditor_id IS NOT NULL AND s.replaced_by IS NULL AND (?1 IS NULL OR c.auditor_id = ?1) AND (?2 IS NULL OR c.case_reference = ?2)
                    ORDER BY s.month, s.sequence, c.case_reference
                    """, arguments: [auditor, caseReference]
            ).compactMap { row -> AuditAllocation? in
                guard let month = AuditMonth(row["month"] as String) else { return nil }
                let progress = AuditAllocation.progress(open: row["open_audit"], submitted: row["submitted_audit"])
                return AuditAllocation(
                    sampleID: row["id"], sampleSequence: row["sequence"], month: month,
                    checklistID: row["checklist_id"],
                    caseReference: row["case_reference"],
                    caseType: (row["case_type"] as String?).flatMap(CaseType.init(rawValue:)),
                    team: row["team"], worker: row["worker"], auditorID: row["auditor_id"], status: progress.status,
                    auditID: progress.audit, today: today)
            }
        }
    }

    public func reallocate(
        sample: SampleID, caseReference: String, to auditor: String, by person: String, reason: String
    ) throws(StoreError) {
        try write { db in
            if let done = try AuditID.fetchOne(
                db,
                sql:
                    "SELECT id FROM audit WHERE sample_id = ? AND case_reference = ? AND submitted_at IS NOT NULL AND moderates IS NULL",
                arguments: [sample, caseReference])
            {
                throw StoreError.submitted(audit: done)
            }
            let from = try String.fetchOne(
                db, sql: "SELECT auditor_id FROM sample_case WHERE sample_id = ? AND case_reference = ?",
                arguments: [sample, caseReference])
            try db.execute(
                sql:
                    "UPDATE sample_case SET auditor_id = ?, unallocated_reason = NULL WHERE sample_id = ? AND case_reference = ?",
                arguments: [auditor, sample, caseReference])
            try db.execute(
                sql: """
                    INSERT INTO reallocation (sample_id, case_reference, from_auditor, to_auditor, by, reason, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [sample, caseReference, from, auditor, person, reason, now()])
            try appendTrail(
                .fileReallocated(caseReference, sample: sample, from: from, to: auditor, reason: reason), db)
        }
    }

    public func sampledReferences(since: AuditMonth, before: SampleID?) throws(StoreError) -> Set<String> {
        try read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT c.case_reference FROM sample_case c JOIN sample s ON s.id = c.sample_id
                        WHERE s.month >= ?1
                            AND (?2 IS NULL AND s.replaced_by IS NULL
                                OR s.sequence < (SELECT sequence FROM sample WHERE id = ?2)
                                AND (s.replaced_by IS NULL
                                    OR (SELECT sequence FROM sample r WHERE r.id = s.replaced_by)
                                        > (SELECT sequence FROM sample WHERE id = ?2)))
                        """,
                    arguments: [since.description, before]))
        }
    }
}
