import CaseAudit
import Foundation

/// Opens the store a `--database` value names: a PostgreSQL connection string (a
/// `postgresql://` URI or libpq's `key=value` pairs) is the server store; anything else is the
/// path of a SQLite file. This is the one place an engine is chosen.
public enum StoreFactory {
    /// The location when none is given (nor `CASEAUDIT_DATABASE`).
    public static let defaultLocation = SQLiteStore.defaultPath

    /// Opens and migrates the store at `location`. Only commands that load data (`creating`)
    /// may make a new one: for any other, no database there is a mistake (`.noDatabase`), not
    /// an empty database to make.
    public static func open(_ location: String, creating: Bool, clock: StoreClock = .system) throws(StoreError)
        -> any CaseAuditStore
    {
        if ConnectionString.isServer(location) { return try PostgreSQLStore(conninfo: location, clock: clock) }
        if !creating && !FileManager.default.fileExists(atPath: location) { throw .noDatabase(path: location) }
        return try SQLiteStore(path: location, clock: clock)
    }

    /// A new, empty store at `location`, after removing whatever was there (the database and
    /// the engine's side files): for the demo's own database only.
    public static func fresh(_ location: String, clock: StoreClock = .system) throws(StoreError) -> any CaseAuditStore {
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: location + suffix) }
        try? manager.createDirectory(
            atPath: (location as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return try SQLiteStore(path: location, clock: clock)
    }

    /// Whether `location` names a server (a connection string) rather than a file.
    public static func isServer(_ location: String) -> Bool { ConnectionString.isServer(location) }

    /// `location` as it may be shown or printed: a connection string without its password.
    public static func printable(_ location: String) -> String {
        isServer(location) ? ConnectionString.redacted(location) : location
    }

    /// Refuses a location where something already is (`.exists`): for commands that fill a
    /// database of their own and must never add to real data. Checked before anything is written.
    public static func requireNew(_ location: String) throws(StoreError) {
        if ConnectionString.isServer(location) {
            if try PostgreSQLStore.hasSchema(location) { throw .exists(path: ConnectionString.redacted(location)) }
            return
        }
        if FileManager.default.fileExists(atPath: location) { throw .exists(path: location) }
    }
}

extension SQLiteStore: CaseAuditStore {}
