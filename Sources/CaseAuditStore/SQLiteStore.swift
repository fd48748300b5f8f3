import CaseAudit
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded store: one SQLite file, owner-only, in WAL mode with foreign keys on.
public final class SQLiteStore: Sendable {
    public static let defaultPath = "caseaudit.sqlite"

    public var location: String { path }

    let queue: DatabaseQueue
    public let path: String
    /// What the store stamps its records with.
    let clock: StoreClock
    /// Whether changes append their events: always, but for the benchmark that measures what
    /// the trail costs (`keepingTrail`, behind the Benchmarks SPI).
    let keepsTrail: Bool

    /// Opens (creating if needed) and migrates the database at `path`. A database written by
    /// a newer caseaudit is refused rather than half-understood.
    public convenience init(path: String, clock: StoreClock = .system) throws(StoreError) {
        try self.init(path: path, clock: clock, keepingTrail: true)
    }

    /// The same, with the trail left unwritten when `keepingTrail` is false: for the commit
    /// benchmark's "the same commit without the trail" only.
    @_spi(Benchmarks) public init(path: String, clock: StoreClock = .system, keepingTrail: Bool) throws(StoreError) {
        self.path = path
        self.clock = clock
        keepsTrail = keepingTrail
        do {
            try Self.createOwnerOnly(path)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(5)
            SQLiteTrail.register(in: &configuration)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                // Durability: every commit is fsynced before it returns (WAL's default is
                // NORMAL, which can lose the last commits in a power cut).
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Migrations.migrator
            let superseded = try queue.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerDatabase(path: path) }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
    }

    /// A new database file is created readable and writable by its owner only (SQLite gives
    /// its -wal and -shm files the same mode); an existing one is narrowed to that.
    private static func createOwnerOnly(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// The embedded store's user is whoever runs caseaudit: their operating system account.
    public func sessionIdentity() throws(StoreError) -> SessionIdentity {
        guard let login = Self.operatingSystemLogin() else {
            throw .failed(reason: "the operating system does not say who is running caseaudit")
        }
        return SessionIdentity(login: login, source: .operatingSystemAccount)
    }

    /// The operating-system account running caseaudit, looked up once: a process's account
    /// does not change, and looking it up reads the system's user database (every answer's
    /// event names it).
    static func operatingSystemLogin() -> String? { processLogin }

    private static let processLogin: String? = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }()

    /// Appends `entry` to the trail inside the change's transaction, as this session's user.
    @discardableResult
    func appendTrail(_ entry: TrailEntry, _ db: Database) throws -> TrailHead {
        try appendTrail([entry], db) ?? TrailHead(seq: 0, hash: TrailCanonical.genesis)
    }

    /// Appends `entries` in order.
    @discardableResult
    func appendTrail(_ entries: [TrailEntry], _ db: Database) throws -> TrailHead? {
        guard keepsTrail else { return nil }
        guard let login = Self.operatingSystemLogin() else {
            throw StoreError.failed(reason: "the operating system does not say who is running caseaudit")
        }
        return try SQLiteTrail.append(entries, login: login, at: now(), db)
    }

    /// Runs `body` in one transaction, mapping database errors to `StoreError`. Inside
    /// `readingOneState`, SQLite refuses it: that transaction only reads.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            if let database = pinnedDatabase { return try body(database) }
            return try queue.write(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            if let database = pinnedDatabase { return try body(database) }
            return try queue.read(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// One read transaction for every read `body` makes through this store: in WAL mode, what
    /// other connections commit meanwhile is not seen.
    public func readingOneState<T>(_ body: () throws -> T) throws -> T {
        if pinnedDatabase != nil { return try body() }
        do {
            return try queue.read { database in
                try PinnedConnection.$current.withValue(PinnedConnection(store: ObjectIdentifier(self), database)) {
                    try body()
                }
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// The connection this store's `readingOneState` is reading on, on this thread, if any.
    private var pinnedDatabase: Database? {
        PinnedConnection.current.flatMap { $0.store == ObjectIdentifier(self) ? $0.database : nil }
    }

    private static func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as DatabaseError: .failed(reason: error.message ?? error.description)
        default: .failed(reason: String(describing: error))
        }
    }
}
