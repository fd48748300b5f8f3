import ArgumentParser
import CaseAudit
import CaseAuditStore
import Foundation

/// `--database PATH`, else `CASEAUDIT_DATABASE`, else `./caseaudit.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(help: "The database file (default: $CASEAUDIT_DATABASE or ./caseaudit.sqlite).")
    var database: String?

    /// Opens the database. Only the commands that load data into it (`creating`) may make a new
    /// one: for any other, a path with no database is a mistake to point out, not an empty
    /// database to make.
    func open(_ console: Console, creating: Bool = false) throws -> any CaseAuditStore {
        let location = database ?? console.environment("CASEAUDIT_DATABASE") ?? StoreFactory.defaultLocation
        do {
            return try StoreFactory.open(location, creating: creating, clock: console.clock)
        } catch .noDatabase(let path) {
            console.writeError(
                "caseaudit: error: there is no database at \(path): check --database (or CASEAUDIT_DATABASE); `caseaudit org import` or `caseaudit cases import` makes a new one\n"
            )
            throw ExitCode(1)
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
