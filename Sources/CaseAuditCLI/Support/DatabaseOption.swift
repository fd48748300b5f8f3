import ArgumentParser
import CaseAudit
import CaseAuditStore

/// `--database PATH|CONNECTION`, else `CASEAUDIT_DATABASE`, else `./caseaudit.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(
        help:
            "A SQLite file, or a PostgreSQL server as postgresql://HOST/DB or host=… dbname=… (default: $CASEAUDIT_DATABASE or ./caseaudit.sqlite)."
    )
    var database: String?

    /// Opens the database. Only the commands that load data into it (`creating`) may make a new
    /// one: for any other, a path with no database is a mistake to point out, not an empty
    /// database to make. Every open warns when the trail no longer extends the head this
    /// machine last saw of it (`WatchedOpening`).
    func open(_ console: Console, creating: Bool = false) throws -> any CaseAuditStore {
        let opening = try WatchedOpening.open(
            location(console), creating: creating, clock: console.clock, memory: Self.trailMemory(console))
        if let warning = opening.warning { console.tell([.warning(warning)]) }
        return opening.store
    }

    /// Where this user's remembered heads are kept, if anywhere.
    static func trailMemory(_ console: Console) -> TrailMemory? {
        TrailMemory.directory(environment: console.environment).map(TrailMemory.init(directory:))
    }

    /// Where the database is: the option, else `CASEAUDIT_DATABASE`, else the default file.
    func location(_ console: Console) -> String {
        database ?? console.environment("CASEAUDIT_DATABASE") ?? StoreFactory.defaultLocation
    }
}
