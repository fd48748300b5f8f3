import CaseAudit
import Foundation

/// Opens the store a `--database` value names. Today every location is a SQLite file; the
/// server store will be chosen here by its connection string, and nowhere else.
public enum StoreFactory {
    /// The location when none is given (nor `CASEAUDIT_DATABASE`).
    public static let defaultLocation = SQLiteStore.defaultPath

    /// Opens and migrates the store at `location`. Only commands that load data (`creating`)
    /// may make a new one: for any other, no database there is a mistake (`.noDatabase`), not
    /// an empty database to make.
    public static func open(_ location: String, creating: Bool, clock: StoreClock = .system) throws(StoreError)
        -> any CaseAuditStore
    {
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

    /// Refuses a location where something already is (`.exists`): for commands that fill a
    /// database of their own and must never add to real data. Checked before anything is written.
    public static func requireNew(_ location: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: location) { throw .exists(path: location) }
    }
}

extension SQLiteStore: CaseAuditStore {}
