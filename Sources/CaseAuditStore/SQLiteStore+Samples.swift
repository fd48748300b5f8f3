import CaseAudit
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore: SampleStore {
    public func cases(snapshot: Int64, includingDates: Bool) throws(StoreError) -> [CaseRecord] {
        // Read through the C API: a snapshot can hold a million cases, and GRDB's row decoding
        // by column name took most of a draw's time.
        try read { db -> [CaseRecord] in
            let columns = includingDates ? "reference, case_type, team, worker, opened, last_visit" : "reference, case_type, team, worker"
            let statement = try db.makeStatement(sql: "SELECT \(columns) FROM case_record WHERE \(Self.snapshotRows)")
            let handle = statement.sqliteStatement
            sqlite3_bind_int64(handle, 1, snapshot)
            var records: [CaseRecord] = []
            var interner = StringInterner()
            func text(_ column: Int32) -> String? {
                guard let bytes = sqlite3_column_text(handle, column) else { return nil }
                return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
            }
            func shared(_ column: Int32) -> String? {
                guard let bytes = sqlite3_column_text(handle, column) else { return nil }
                return interner.intern(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
            }
            func date(_ column: Int32) -> CalendarDate? {
                guard let bytes = sqlite3_column_text(handle, column) else { return nil }
                return CalendarDate(bytes: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
            }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw StoreError.failed(reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                guard let reference = text(0), let type = shared(1).flatMap(CaseType.init(rawValue:)) else { continue }
                records.append(
                    CaseRecord(
                        reference: reference, caseType: type, team: shared(2), worker: shared(3),
                        opened: includingDates ? date(4) : nil, lastVisit: includingDates ? date(5) : nil))
            }
            sqlite3_reset(handle)
            return records
        }
    }

    public func addSample(_ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase]) throws(StoreError)
        -> StoredSample
    {

        let drawnAt = Self.now()
        let encoded = String(decoding: (try? JSONEncoder().encode(parameters)) ?? Data(), as: UTF8.self)
        return try write { db -> StoredSample in
            try db.execute(
                sql: """
                    INSERT INTO sample (month, checklist_id, snapshot_id, seed, parameters, algorithm, drawn_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    parameters.month.description, parameters.checklistID, snapshot, String(parameters.seed), encoded,
                    SampleRandom.algorithm, drawnAt,
                ])
            let id = db.lastInsertedRowID
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO sample_case (sample_id, case_reference, stratum, inclusion_probability, case_type, team, worker,
                        auditor_id, unallocated_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for sampled in cases {
                try statement.execute(arguments: [
                    id, sampled.reference, sampled.stratum, sampled.inclusionProbability, sampled.caseType?.rawValue ?? "",
                    sampled.team, sampled.worker, sampled.auditorID, sampled.unallocatedReason,
                ])
            }
            return StoredSample(
                id: id, parameters: parameters, snapshotID: snapshot, algorithm: SampleRandom.algorithm, drawnAt: drawnAt,
                cases: cases)
        }
    }

    public func samples(month: AuditMonth?) throws(StoreError) -> [StoredSample] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, parameters, snapshot_id, algorithm, drawn_at FROM sample WHERE ?1 IS NULL OR month = ?1 ORDER BY id",
                arguments: [month?.description])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let parameters = try JSONDecoder().decode(SampleParameters.self, from: Data((row["parameters"] as String).utf8))
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
                    id: id, parameters: parameters, snapshotID: row["snapshot_id"], algorithm: row["algorithm"],
                    drawnAt: row["drawn_at"], cases: cases)
            }
        }
    }

    public func allocations(auditor: String?) throws(StoreError) -> [AuditAllocation] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.month, s.checklist_id, c.case_reference, c.auditor_id, c.case_type, c.team, c.worker
                    FROM sample_case c
                    JOIN sample s ON s.id = c.sample_id
                    WHERE c.auditor_id IS NOT NULL AND (?1 IS NULL OR c.auditor_id = ?1)
                    ORDER BY s.month, s.id, c.case_reference
                    """, arguments: [auditor]
            ).compactMap { row -> AuditAllocation? in
                guard let month = AuditMonth(row["month"] as String) else { return nil }
                return AuditAllocation(
                    sampleID: row["id"], month: month, checklistID: row["checklist_id"],
                    caseReference: row["case_reference"], caseType: (row["case_type"] as String?).flatMap(CaseType.init(rawValue:)),
                    team: row["team"], worker: row["worker"], auditorID: row["auditor_id"])
            }
        }
    }

    public func sampledReferences(since: AuditMonth, before: Int64?) throws(StoreError) -> Set<String> {
        try read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT c.case_reference FROM sample_case c JOIN sample s ON s.id = c.sample_id
                        WHERE s.month >= ? AND (? IS NULL OR s.id < ?)
                        """,
                    arguments: [since.description, before, before]))
        }
    }
}
