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
    /// database to make.
    func open(_ console: Console, creating: Bool = false) throws -> any CaseAuditStore {
        try StoreFactory.open(location(console), creating: creating, clock: console.clock)
    }

    /// Where the database is: the option, else `CASEAUDIT_DATABASE`, else the default file.
    func location(_ console: Console) -> String {
        database ?? console.environment("CASEAUDIT_DATABASE") ?? StoreFactory.defaultLocation
    }
}
