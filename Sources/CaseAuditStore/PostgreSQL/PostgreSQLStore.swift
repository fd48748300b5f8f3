import CaseAudit
import Synchronization

/// The server store: PostgreSQL through libpq, for a council's thirty to a hundred auditors on
/// their own machines. The same protocols and the same behaviour as the embedded store (the
/// conformance suite runs against both); one transaction per change, as there.
public final class PostgreSQLStore: Sendable {
    /// The connection string as given, with any password taken out (it is printed in messages).
    public let location: String
    let connection: PGConnection
    let clock: StoreClock
    /// The connection string as given (with its password), for the leases' own connections.
    let conninfo: String
    /// The leases this store's sessions hold, by audit: their writes are checked against them.
    let leases = Mutex<[AuditID: String]>([:])
    /// Who the session is, once known (`sessionIdentity`).
    private let identity = Mutex<SessionIdentity?>(nil)

    /// Whether changes append their events: always, but for the benchmark that measures what
    /// the trail costs (`keepingTrail`, behind the Benchmarks SPI).
    let keepsTrail: Bool

    /// Connects and migrates. A database a newer caseaudit has migrated is refused.
    public convenience init(conninfo: String, clock: StoreClock = .system) throws(StoreError) {
        try self.init(conninfo: conninfo, clock: clock, keepingTrail: true)
    }

    /// The same, with the trail left unwritten when `keepingTrail` is false: for the commit
    /// benchmark's "the same commit without the trail" only.
    @_spi(Benchmarks) public init(conninfo: String, clock: StoreClock = .system, keepingTrail: Bool)
        throws(StoreError)
    {
        keepsTrail = keepingTrail
        location = ConnectionString.redacted(conninfo)
        self.conninfo = conninfo
        self.clock = clock
        do {
            connection = try PGConnection(conninfo)
        } catch {
            throw .cannotOpen(path: ConnectionString.redacted(conninfo), reason: error.message)
        }
        try migrate()
    }

    /// Whether the database at `conninfo` already holds caseaudit's schema.
    static func hasSchema(_ conninfo: String) throws(StoreError) -> Bool {
        do {
            let connection = try PGConnection(conninfo)
            return try connection.execute("SELECT to_regclass('schema_migration') IS NOT NULL AS present").first?
                .bool("present") ?? false
        } catch {
            throw .cannotOpen(path: ConnectionString.redacted(conninfo), reason: error.message)
        }
    }

    private func migrate() throws(StoreError) {
        // Most connections find everything applied, and need no right to change the schema;
        // who the session is comes in the same statement, and is kept (it cannot change).
        // Whoever else finds something to apply may apply it only as the schema's owner (or a
        // superuser; or, on a database with no schema yet, someone who may create one).
        let current = try read { () throws -> Bool in
            let session = try run(
                "SELECT to_regclass('schema_migration') IS NOT NULL AS present, \(Self.whoIsConnected)"
            ).first
            let login = session?.text("login") ?? ""
            guard session?.bool("present") == true else {
                if try !mayMigrate() { throw StoreError.schemaOwnersOnly(path: location, made: false) }
                return false
            }
            let applied: Set<Int64>
            do {
                applied = Set(try run("SELECT version FROM schema_migration").all.compactMap { $0.int("version") })
            } catch let error as PGError where error.sqlState == PGError.insufficientPrivilege {
                // A login in none of this database's groups (never granted, or a leaver's) may
                // connect, and read nothing: say so, rather than which table it was refused first.
                throw StoreError.noRights(login: login)
            }
            let known = Set(ServerSchema.migrations.map { Int64($0.version) })
            if !applied.subtracting(known).isEmpty { throw StoreError.newerDatabase(path: location) }
            guard applied == known else {
                if try !mayMigrate() { throw StoreError.schemaOwnersOnly(path: location, made: true) }
                return false
            }
            if let session { identity.withLock { $0 = Self.identity(session) } }
            return true
        }
        if current { return }
        try write {
            // One migrating client at a time; the others wait, then find nothing to do.
            try connection.execute("SELECT pg_advisory_xact_lock(7370616)")
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            let applied = Set(
                try connection.execute("SELECT version FROM schema_migration").all.compactMap { $0.int("version") })
            let known = Set(ServerSchema.migrations.map { Int64($0.version) })
            if !applied.subtracting(known).isEmpty { throw StoreError.newerDatabase(path: location) }
            for migration in ServerSchema.migrations where !applied.contains(Int64(migration.version)) {
                try connection.execute(migration.sql())
                try connection.execute(
                    "INSERT INTO schema_migration VALUES ($1, $2, $3)", [migration.version, migration.name, now()])
            }
            // A database whose rights were set (`server init`) has them set again, so the tables
            // a migration made have their grants and policies too, and a policy a migration had
            // to drop (v12) or that changed (v14) is as the rights now say.
            if !applied.isEmpty, try connection.rightsAreSet(),
                let database = try connection.execute("SELECT current_database() AS name").first?.text("name")
            {
                try connection.execute(ServerRights.script(database: database))
            }
        }
    }

    /// Whether this session may make or change the schema: a superuser, the owner of the
    /// schema's tables (or a member of that role), or, before there are any, someone who may
    /// create tables.
    private func mayMigrate() throws -> Bool {
        try run(
            """
            SELECT current_setting('is_superuser')::boolean
                OR coalesce(pg_has_role(session_user,
                    (SELECT relowner FROM pg_class WHERE oid = to_regclass('schema_migration')), 'USAGE'),
                    has_schema_privilege('public', 'CREATE')) AS migrates
            """
        ).first?.bool("migrates") == true
    }

    /// The columns that say who the session is: its login, and whether the database gives it
    /// every right (a superuser, or the schema's owner: as `caseaudit_is_lead` says).
    private static let whoIsConnected = """
        session_user AS login, current_setting('is_superuser')::boolean
            OR coalesce(pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = to_regclass('person'))) = session_user,
                false) AS administers
        """

    private static func identity(_ row: PGRow) -> SessionIdentity {
        SessionIdentity(
            login: row.string("login"), source: .databaseLogin, administers: row.bool("administers") == true)
    }

    /// The server store's user is the database login (`session_user`, which `SET ROLE`
    /// cannot change), as found when the store was opened.
    public func sessionIdentity() throws(StoreError) -> SessionIdentity {
        if let known = identity.withLock({ $0 }) { return known }
        // Found when the schema was just made or brought up to date (who owns it may have changed).
        let found = try read { try run("SELECT \(Self.whoIsConnected)").first.map(Self.identity) }
        guard let found else { throw .failed(reason: "the server does not say who is connected") }
        identity.withLock { $0 = found }
        return found
    }

    /// Runs `body` in one transaction, mapping the server's refusals to `StoreError`.
    func write<T>(_ body: () throws -> T) throws(StoreError) -> T { try transaction(retries: 0, body) }

    /// `write` for a body that may run again: a transaction that loses a deadlock or a
    /// serialization race (SQLSTATE 40P01, 40001) is retried, a few times, instead of being
    /// shown to the person as an error.
    func writeRetrying<T>(_ body: () throws -> T) throws(StoreError) -> T { try transaction(retries: 4, body) }

    private func transaction<T>(retries: Int, _ body: () throws -> T) throws(StoreError) -> T {
        var attempt = 0
        while true {
            do {
                return try connection.transaction(body)
            } catch let error as PGError where error.lostARace && attempt < retries {
                attempt += 1
            } catch {
                throw storeError(error)
            }
        }
    }

    /// What a failed transaction means to the user: the server gone (`.unavailable`: nothing
    /// of the change was kept, unless the commit itself was lost on the way back, which is why
    /// the changes a session retries are idempotent), a refusal of its own, or a failure.
    func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as PGError where error.sqlState == PGError.connectionFailure || connection.isBroken:
            .unavailable(path: location, reason: error.message)
        case let error as StoreError: error
        case let error as PGError: .failed(reason: error.message)
        default: .failed(reason: String(describing: error))
        }
    }

    /// Reads in one transaction, so what is read is one consistent state.
    func read<T>(_ body: () throws -> T) throws(StoreError) -> T { try write(body) }

    /// One snapshot (REPEATABLE READ) for every read `body` makes through this store: what
    /// other sessions commit meanwhile is not seen. The trail is sealed in it as any reader
    /// seals; a snapshot whose sealing loses the race to another reader's is taken again.
    public func readingOneState<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try connection.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ", body)
            } catch  where connection.lostARace && attempt < 4 {
                attempt += 1
            } catch let error as PGError {
                throw storeError(error)
            }
        }
    }

    /// Runs one statement.
    @discardableResult
    func run(_ sql: String, _ parameters: [(any PGBindable)?] = []) throws -> PGRows {
        try connection.execute(sql, parameters)
    }

    /// Bulk rows in with COPY: straight into the table where row-level security does not
    /// apply to this login (the schema's owner before `server init`, a superuser); otherwise
    /// through a session's temporary table, because COPY straight into a table is refused under
    /// row-level security, and the INSERT from the temporary table is checked by the policies
    /// like any other.
    func copy(into table: String, columns: String, rows: some Sequence<[String?]>) throws {
        try copy(into: table, columns: columns) { sink in
            for row in rows {
                for (index, value) in row.enumerated() { sink.field(value, last: index == row.count - 1) }
                try sink.endLine()
            }
        }
    }

    /// The same, with `write` putting the rows into COPY's sink itself.
    func copy(into table: String, columns: String, write: (inout PGCopySink) throws -> Void) throws {
        let checked =
            try run("SELECT row_security_active($1) AS active", [table]).first?.bool("active") ?? true
        guard checked else {
            try connection.copyIn("COPY \(table) (\(columns)) FROM STDIN", write)
            return
        }
        let incoming = "incoming_\(table)"
        try run(
            "CREATE TEMP TABLE IF NOT EXISTS \(incoming) (LIKE \(table) INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
        try connection.copyIn("COPY \(incoming) (\(columns)) FROM STDIN", write)
        try run("INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(incoming)")
        try run("TRUNCATE \(incoming)")
    }

    /// The next number in the commit order of snapshots or samples: the counter's row stays
    /// locked until the transaction ends, so concurrent writers are ordered as they commit.
    func nextSequence(_ name: String) throws -> Int64 {
        guard
            let value = try run("UPDATE store_sequence SET value = value + 1 WHERE name = $1 RETURNING value", [name])
                .first?.int("value")
        else {
            // Under the rights, the counters are a quality lead's alone: anyone else finds none.
            throw try refusalUnlessLead() ?? StoreError.failed(reason: "no sequence called \(name)")
        }
        return value
    }

    /// What only a quality lead sees, anyone else finds empty under the rights: when they find
    /// nothing, it is their rights that say so, not the data (nil for a lead, or before
    /// `server init`).
    func refusalUnlessLead() throws -> StoreError? {
        guard try connection.leads() == false else { return nil }
        return .leadsOnly(login: try run("SELECT session_user AS login").first?.string("login") ?? "")
    }

    /// The time now, from the store's clock.
    func now() -> String { clock.timestamp() }
}

extension PostgreSQLStore: CaseAuditStore {}
