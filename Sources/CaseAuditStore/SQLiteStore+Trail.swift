import CaseAudit
import GRDB
import GRDBSQLite

extension SQLiteStore: TrailStore {
    public func appendEvent(_ entry: TrailEntry) throws(StoreError) {
        try write { db in _ = try appendTrail(entry, db) }
    }

    /// Many events in one transaction: for the benchmark that fills a trail of millions.
    @_spi(Benchmarks) public func appendEvents(_ entries: [TrailEntry]) throws(StoreError) {
        try write { db in _ = try appendTrail(entries, db) }
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

    /// Straight from the column bytes to the canonical bytes, with no string made: ten million
    /// events are read for one `log verify`.
    /// Each scan reads on a read-only connection of its own, so two may run at once (WAL).
    public var scansTrailInParallel: Bool { true }

    public func scanTrailCanonical(from seq: Int64, through last: Int64?, _ body: (TrailRawEvent) -> Bool)
        throws(StoreError)
    {
        let connection: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.readonly = true
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
        do {
            try connection.read { db in try Self.scanCanonical(db, from: seq, through: last, body) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failed(reason: String(describing: error))
        }
    }

    private static func scanCanonical(
        _ db: Database, from seq: Int64, through last: Int64?, _ body: (TrailRawEvent) -> Bool
    ) throws {
        do {
            let statement = try db.makeStatement(
                sql: "SELECT \(SQLiteTrail.columns) FROM trail WHERE seq BETWEEN ? AND ? ORDER BY seq")
            try statement.setArguments([seq, last ?? Int64.max])
            let handle = statement.sqliteStatement
            func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
                guard let text = sqlite3_column_text(handle, column) else { return nil }
                return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
            }
            let checkpoint = Array(TrailAction.checkpointSigned.rawValue.utf8)
            var canonical: [UInt8] = []
            canonical.reserveCapacity(4096)
            while true {
                let step = sqlite3_step(handle)
                guard step == SQLITE_ROW else {
                    if step != SQLITE_DONE { throw DatabaseError(resultCode: ResultCode(rawValue: step)) }
                    return
                }
                let number = sqlite3_column_int64(handle, 0)
                canonical.removeAll(keepingCapacity: true)
                TrailCanonical.appendNumber(number, to: &canonical)
                for column in Int32(1)...9 { TrailCanonical.append(bytes: bytes(column), to: &canonical) }
                let empty = UnsafeRawBufferPointer(start: nil, count: 0)
                let more = canonical.withUnsafeBytes { canonicalBytes in
                    body(
                        TrailRawEvent(
                            seq: number, prevHash: bytes(10) ?? empty, rowHash: bytes(11) ?? empty,
                            canonical: canonicalBytes, isCheckpoint: bytes(5)?.elementsEqual(checkpoint) == true))
                }
                if !more { return }
            }
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
                return String(
                    decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                    as: UTF8.self)
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
