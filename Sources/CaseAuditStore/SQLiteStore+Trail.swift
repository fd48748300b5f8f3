import CaseAudit
import GRDB
import GRDBSQLite

extension SQLiteStore: TrailStore {
    public func appendEvent(_ entry: TrailEntry) throws(StoreError) -> TrailHead {
        try write { db in try appendTrail(entry, db) }
    }

    public func trailHead() throws(StoreError) -> TrailHead? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT seq, row_hash FROM trail ORDER BY seq DESC LIMIT 1").map {
                TrailHead(seq: $0["seq"], hash: $0["row_hash"])
            }
        }
    }

    public func trailHash(at seq: Int64) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT row_hash FROM trail WHERE seq = ?", arguments: [seq]) }
    }

    /// Whoever opens the file reads all of it.
    public func readsWholeTrail() throws(StoreError) -> Bool { true }

    public func trailEvents(_ filter: TrailFilter) throws(StoreError) -> [TrailEvent] {
        let query = TrailQuery(filter) { _ in "?" }
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(SQLiteTrail.columns) FROM trail \(query.whereClause) ORDER BY seq",
                arguments: StatementArguments(query.arguments)
            ).map(SQLiteTrail.event)
        }
    }

    public func scanTrail(from seq: Int64, _ body: ([TrailEvent]) -> Bool) throws(StoreError) {
        try read { db in
            // Straight from the C API: ten million events are read for one `log verify`.
            let statement = try db.makeStatement(
                sql: "SELECT \(SQLiteTrail.columns) FROM trail WHERE seq >= ? ORDER BY seq")
            try statement.setArguments([seq])
            let handle = statement.sqliteStatement
            func text(_ column: Int32) -> String? {
                guard let bytes = sqlite3_column_text(handle, column) else { return nil }
                return String(cString: bytes)
            }
            var batch: [TrailEvent] = []
            batch.reserveCapacity(4096)
            while true {
                let step = sqlite3_step(handle)
                guard step == SQLITE_ROW else {
                    if step != SQLITE_DONE { throw DatabaseError(resultCode: ResultCode(rawValue: step)) }
                    break
                }
                batch.append(
                    TrailEvent(
                        seq: sqlite3_column_int64(handle, 0), at: text(1) ?? "", actorLogin: text(2) ?? "",
                        actorID: text(3), onBehalfOf: text(4), action: text(5) ?? "", entity: text(6) ?? "",
                        entityID: text(7), payload: text(8) ?? "", reason: text(9), prevHash: text(10) ?? "",
                        rowHash: text(11) ?? ""))
                if batch.count == 4096 {
                    guard body(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = body(batch) }
        }
    }
}
