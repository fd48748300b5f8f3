import ArgumentParser
import CaseAudit
import CaseAuditStore
import Foundation

/// `--database PATH|CONNECTION`, else `CASEAUDIT_DATABASE`, else `./caseaudit.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(
        help:
            "A SQLite file, or a PostgreSQL server as postgresql://HOST/DB or host=… dbname=… (default: $CASEAUDIT_DATABASE or ./caseaudit.sqlite)."
    )
    var database: String?

    /// Opens the database. Only the commands that load data into it (`creating`) may make a new
    /// one: for any other, a path with no database is a mistake to point out, not an empty
    /// database to make.
    /// Every open compares the store's trail with the head this machine last saw of it, and
    /// warns when the trail no longer extends it (a database just made starts afresh).
    func open(_ console: Console, creating: Bool = false) throws -> any CaseAuditStore {
        let location = location(console)
        let isNew = creating && !StoreFactory.isServer(location) && !FileManager.default.fileExists(atPath: location)
        let store = try StoreFactory.open(location, creating: creating, clock: console.clock)
        if isNew {
            try Self.startAfresh(store, location: location, console: console)
        } else if let memory = Self.trailMemory(console) {
            let key = Self.trailKey(store, location: location)
            if let warning = try TrailWatch.check(store, location: key, memory: memory).warning {
                console.tell([.warning(warning)])
            }
        }
        return store
    }

    /// Forgets the head remembered for a database just made new at `location`.
    static func startAfresh(_ store: any CaseAuditStore, location: String, console: Console) throws {
        guard let memory = trailMemory(console) else { return }
        TrailWatch.startAfresh(
            location: trailKey(store, location: location), memory: memory, head: try store.trailHead())
    }

    /// Where this user's remembered heads are kept, if anywhere.
    static func trailMemory(_ console: Console) -> TrailMemory? {
        TrailMemory.directory(environment: console.environment).map(TrailMemory.init(directory:))
    }

    /// What a store's remembered head is filed under: the server as named (without a
    /// password), or the file's absolute path.
    static func trailKey(_ store: any CaseAuditStore, location: String) -> String {
        StoreFactory.isServer(location) ? store.location : URL(fileURLWithPath: location).standardizedFileURL.path
    }

    /// Where the database is: the option, else `CASEAUDIT_DATABASE`, else the default file.
    func location(_ console: Console) -> String {
        database ?? console.environment("CASEAUDIT_DATABASE") ?? StoreFactory.defaultLocation
    }
}
