import CaseAudit
import Crypto
import Foundation
import GRDB

/// `caseaudit server import FILE.sqlite`: moves a council from the embedded store to a server.
/// Every table is copied in one server transaction, read back, and compared, row count and
/// SHA-256 of its rows in key order, with what was read from the file; any difference (or any
/// refusal) rolls the whole copy back. The file is never written to: one from an older
/// caseaudit is brought up to date in a temporary copy first.
public enum ServerImport {
    public typealias Report = StoreCopyReport
    public typealias TableCopy = StoreCopyReport.Table

    /// Columns the server keeps that the file has no column for, as the file's expression:
    /// the embedded store keeps the org chart's order, and a case list's, as its rows' order.
    static let derived: [String: [String: String]] = [
        "person": ["position": "row_number() OVER (ORDER BY rowid) - 1"],
        "case_record": ["position": "rowid - (SELECT first_row FROM case_snapshot s WHERE s.id = snapshot_id)"],
        // The order events went in, for those waiting to be sealed into the chain: the file's are all sealed.
        "trail": ["id": "seq"],
    ]

    /// The file's own bookkeeping, which the server has no use for: where a snapshot's rows
    /// start and end among the file's row ids.
    static let embeddedOnly: [String: Set<String>] = ["case_snapshot": ["first_row", "last_row"]]

    /// The tables, parents first, each with the key it is read in order of. The server's own
    /// tables (its migrations, the leases and their breaks) are not the embedded store's and
    /// start empty; its case lists' counts are counted from the rows copied.
    static let tables: [(name: String, key: [String])] = [
        ("person", ["id"]), ("team", ["name"]), ("org_import", ["id"]), ("store_sequence", ["name"]),
        ("case_snapshot", ["id"]), ("case_record", ["snapshot_id", "position"]), ("sample", ["id"]),
        ("sample_case", ["sample_id", "case_reference"]), ("sample_tally", ["sample_id", "team", "case_type"]),
        ("pinned_checklist", ["hash"]), ("audit", ["id"]), ("audit_answer", ["audit_id", "item_id"]),
        ("audit_action", ["id"]), ("audit_outcome", ["audit_id", "item_id"]),
        (
            "rollup_grade",
            [
                "month", "checklist_hash", "team", "case_type", "auditor_level", "judgement", "computed_grade",
                "inclusion_probability",
            ]
        ),
        ("rollup_trend", ["month", "checklist_hash", "judgement"]),
        ("rollup_item", ["month", "checklist_hash", "team", "case_type", "auditor_level", "item_id"]),
        ("rollup_item_council", ["month", "checklist_hash", "item_id"]),
        ("reallocation", ["id"]), ("moderation_draw", ["id"]), ("moderation_file", ["draw_id", "audit_id"]),
        ("moderation_challenge", ["audit_id"]), ("calibration_exercise", ["name"]),
        ("calibration_file", ["exercise", "audit_id"]), ("calibration_participant", ["exercise", "person"]),
        ("trail", ["seq"]),
    ]

    /// Copies the embedded database at `path` into the empty server database `conninfo`
    /// names (made and migrated if it has no schema yet).
    public static func run(embedded path: String, server conninfo: String, clock: StoreClock = .system)
        throws(StoreError) -> Report
    {
        // The file to copy, not the database the command names: `.noDatabase` would point there.
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotOpen(path: path, reason: "there is no such file")
        }
        let source = try EmbeddedSource(path: path)
        let server = try PostgreSQLStore(conninfo: conninfo, clock: clock)
        let copied: [TableCopy]
        do {
            copied = try source.queue.read { db in
                try server.connection.transaction { try copyAll(from: db, to: server, source: path) }
            }
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw server.storeError(error)
        }
        return Report(source: path, target: server.location, tables: copied)
    }

    private static func copyAll(from db: Database, to server: PostgreSQLStore, source: String) throws -> [TableCopy] {
        try server.run("SELECT pg_advisory_xact_lock(7370617)")
        if let refusal = try server.refusalUnlessLead() { throw refusal }
        try requireEmpty(server)
        try server.run("DELETE FROM store_sequence")
        // A superuser copies without firing the triggers and foreign-key checks row by row (ten
        // million answers paid one each): the file kept those rules, and every table is compared
        // with it before anything is kept. Anyone else's copy is checked row by row as it goes.
        let superuser =
            try server.run("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").first?.bool("rolsuper") == true
        if superuser { try server.run("SET LOCAL session_replication_role = replica") }
        // The trail's events go in as they were, hashes and all (the trigger lets the schema's
        // owner copy them), so the file's chain goes on unbroken on the server.
        try server.run("SET LOCAL caseaudit.copying_trail = on")
        var sent: [(table: (name: String, key: [String]), columns: ServerColumns, copy: TableCopy)] = []
        for table in tables {
            let columns = try ServerColumns(table.name, on: server)
            try columns.requireSame(
                as: try db.columns(in: table.name).map(\.name).filter { !(embeddedOnly[table.name] ?? []).contains($0) }
                    + (derived[table.name]?.keys.sorted() ?? []),
                table: table.name)
            sent.append((table, columns, try send(table, columns, from: db, to: server)))
            if table.name == "case_record" {
                // The server keeps each case list's counts, which the file counts from its rows.
                try server.run(ServerSchema.countsCaseLists)
            }
            if table.name == "audit_action" {
                // Answers and actions went in while their audits were open; now they are submitted.
                try server.run(
                    """
                    UPDATE audit SET submitted_at = i.submitted_at FROM import_audit i
                    WHERE audit.id = i.id AND i.submitted_at IS NOT NULL
                    """)
            }
        }
        for (table, columns, copy) in sent {
            let kept = try readBack(table, columns, from: server)
            guard kept.rows == copy.rows, kept.hash == copy.hash else {
                throw StoreError.copyMismatch(
                    table: table.name,
                    reason: "\(copy.rows) rows read from the file, \(kept.rows) on the server"
                        + (kept.rows == copy.rows ? ", with different content" : ""))
            }
            for identity in columns.identity where copy.rows > 0 {
                try server.run(
                    "SELECT setval(pg_get_serial_sequence('\(table.name)', '\(identity)'), (SELECT max(\(identity)) FROM \(table.name)))"
                )
            }
        }
        // The import's own event is numbered and chained by the trigger like any other.
        try server.run("SET LOCAL caseaudit.copying_trail = off")
        // Only a superuser may set it (back) at all.
        if superuser { try server.run("SET LOCAL session_replication_role = origin") }
        try server.appendTrail(
            .councilImported(source: .file(source), tables: sent.map { ($0.copy.name, $0.copy.rows) }))
        return sent.map(\.copy)
    }

    /// Refuses a database that holds anything of caseaudit's (counts in the message).
    private static func requireEmpty(_ server: PostgreSQLStore) throws {
        let counted: [(table: String, one: String, many: String?)] = [
            ("person", "person", "people"), ("case_snapshot", "case list", nil), ("sample", "sample", nil),
            ("audit", "audit", nil), ("pinned_checklist", "pinned checklist", nil),
            ("org_import", "org chart import", nil),
        ]
        var held: [String] = []
        for entry in counted {
            let rows = try server.run("SELECT count(*) AS n FROM \(entry.table)").first?.int("n") ?? 0
            if rows > 0 { held.append(Plural.count(Int(rows), entry.one, entry.many)) }
        }
        for table in tables.map(\.name) where held.isEmpty && !counted.contains(where: { $0.table == table }) {
            let rows =
                try server.run(
                    table == "store_sequence"
                        ? "SELECT count(*) AS n FROM store_sequence WHERE value <> 0"
                        : "SELECT count(*) AS n FROM \(table)"
                ).first?.int("n") ?? 0
            if rows > 0 { held.append("\(Plural.count(Int(rows), "row")) in \(table)") }
        }
        if !held.isEmpty { throw StoreError.notEmpty(path: server.location, holds: held.joined(separator: ", ")) }
    }

    /// Sends one table's rows from the file, through a temporary table (COPY straight into a
    /// table is refused under row-level security), and hashes them as sent.
    private static func send(
        _ table: (name: String, key: [String]), _ columns: ServerColumns, from db: Database, to server: PostgreSQLStore
    ) throws -> TableCopy {
        let list = columns.names.joined(separator: ", ")
        try server.run("CREATE TEMP TABLE import_\(table.name) (LIKE \(table.name)) ON COMMIT DROP")
        var hasher = RowHasher()
        let read = columns.names.map { column in derived[table.name]?[column].map { "\($0) AS \(column)" } ?? column }
        let cursor = try Row.fetchCursor(
            db,
            sql:
                "SELECT \(read.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
        )
        try server.connection.copyIn("COPY import_\(table.name) (\(list)) FROM STDIN") { sink in
            while let row = try cursor.next() {
                let values = try columns.types.indices.map { index in
                    try CanonicalValue.embedded(row[index], as: columns.types[index], column: columns.names[index])
                }
                let line = hasher.add(values)
                try sink.line(line)
            }
        }
        // An audit goes in open; it is submitted once its answers and actions are in.
        let selected = columns.names.map { table.name == "audit" && $0 == "submitted_at" ? "NULL" : $0 }
        try server.run(
            "INSERT INTO \(table.name) (\(list)) OVERRIDING SYSTEM VALUE SELECT \(selected.joined(separator: ", ")) FROM import_\(table.name)"
        )
        return TableCopy(name: table.name, rows: hasher.rows, hash: hasher.hex)
    }

    /// Reads one table back from the server in the same key order and hashes it alike.
    private static func readBack(
        _ table: (name: String, key: [String]), _ columns: ServerColumns, from server: PostgreSQLStore
    ) throws -> TableCopy {
        let order = table.key.map { columns.type(of: $0) == "text" ? "\($0) COLLATE \"C\"" : $0 }
        var hasher = RowHasher()
        try server.connection.copyOut(
            "COPY (SELECT \(columns.names.joined(separator: ", ")) FROM \(table.name) ORDER BY \(order.joined(separator: ", "))) TO STDOUT"
        ) { line in
            let fields = PGCopy.fields(line)
            hasher.add(fields.indices.map { CanonicalValue.server(fields[$0], as: columns.types[$0]) })
        }
        return TableCopy(name: table.name, rows: hasher.rows, hash: hasher.hex)
    }
}

/// The file being imported, open read-only; one from an older caseaudit is migrated in a
/// temporary copy, so the file itself is never changed.
private final class EmbeddedSource {
    let queue: DatabaseQueue
    private let temporary: String?

    deinit {
        if let temporary {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
    }

    init(path: String) throws(StoreError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let original = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Migrations.migrator
            let (superseded, complete) = try original.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerDatabase(path: path) }
            if complete {
                queue = original
                temporary = nil
                return
            }
            let copy = NSTemporaryDirectory() + "caseaudit-import-\(ProcessInfo.processInfo.processIdentifier).sqlite"
            var writable = Configuration()
            SQLiteTrail.register(in: &writable)
            let migrated = try DatabaseQueue(path: copy, configuration: writable)
            try original.backup(to: migrated)
            try migrator.migrate(migrated)
            queue = migrated
            temporary = copy
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
    }
}

/// A server table's columns, in order, with their types, and which are identity columns.
private struct ServerColumns {
    var names: [String] = []
    var types: [String] = []
    var identity: [String] = []

    init(_ table: String, on server: PostgreSQLStore) throws {
        for row in try server.run(
            """
            SELECT column_name, data_type, is_identity FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [table]
        ).all {
            names.append(row.string("column_name"))
            types.append(row.string("data_type"))
            if row.string("is_identity") == "YES" { identity.append(row.string("column_name")) }
        }
    }

    func type(of column: String) -> String? { names.firstIndex(of: column).map { types[$0] } }

    /// The file's table must have exactly these columns: a column only one side has would be
    /// lost or left empty.
    func requireSame(as embedded: [String], table: String) throws(StoreError) {
        let missing = Set(names).subtracting(embedded)
        let extra = Set(embedded).subtracting(names)
        guard missing.isEmpty && extra.isEmpty else {
            throw .failed(
                reason:
                    "the file's \(table) and the server's differ (only on the server: \(missing.sorted()); only in the file: \(extra.sorted()))"
            )
        }
    }
}

/// One value as both engines give it alike: PostgreSQL's text form, with numbers of double
/// precision in Swift's shortest form (SQLite keeps 1.0 where PostgreSQL prints 1) and
/// booleans as t and f (SQLite keeps 1 and 0).
enum CanonicalValue {
    static func embedded(_ value: DatabaseValue, as type: String, column: String) throws -> String? {
        switch (value.storage, type) {
        case (.null, _): return nil
        case (.int64(let number), "boolean"): return number != 0 ? "t" : "f"
        case (.int64(let number), "double precision"): return Double(number).description
        case (.int64(let number), _): return String(number)
        case (.double(let number), "bigint"), (.double(let number), "integer"):
            guard let whole = Int64(exactly: number) else { break }
            return String(whole)
        case (.double(let number), _): return number.description
        case (.string(let text), "double precision"): return Double(text)?.description ?? text
        case (.string(let text), "bytea"): return hex(Array(text.utf8))
        case (.string(let text), _): return text
        case (.blob(let bytes), "bytea"): return hex(Array(bytes))
        case (.blob(let bytes), "text"): return String(decoding: bytes, as: UTF8.self)
        default: break
        }
        throw StoreError.failed(reason: "the file's \(column) holds \(value), which a \(type) column cannot take")
    }

    static func server(_ text: String?, as type: String) -> String? {
        guard let text else { return nil }
        return type == "double precision" ? Double(text)?.description ?? text : text
    }

    private static func hex(_ bytes: [UInt8]) -> String { "\\x" + HexBytes.encode(bytes) }
}

/// SHA-256 over a table's rows, each as one COPY text line and a newline.
private struct RowHasher {
    private var hash = SHA256()
    private(set) var rows = 0

    /// Adds a row; returns its line.
    @discardableResult
    mutating func add(_ values: [String?]) -> String {
        let line = PGCopy.line(values)
        hash.update(data: Array((line + "\n").utf8))
        rows += 1
        return line
    }

    var hex: String { HexBytes.encode(hash.finalize()) }
}
