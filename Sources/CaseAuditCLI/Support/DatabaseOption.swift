import ArgumentParser
import CaseAudit
import CaseAuditStore

/// `--database PATH`, else `CASEAUDIT_DATABASE`, else `./caseaudit.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(help: "The database file (default: $CASEAUDIT_DATABASE or ./caseaudit.sqlite).")
    var database: String?

    func open(_ console: Console) throws -> SQLiteStore {
        let path = database ?? console.environment("CASEAUDIT_DATABASE") ?? SQLiteStore.defaultPath
        do {
            return try SQLiteStore(path: path)
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}

extension Console {
    /// Prints an input error's diagnostics and ends the command with exit status 1.
    func reject(_ error: InputError) -> ExitCode {
        DiagnosticPrinter.print(error.diagnostics, to: self)
        return ExitCode(1)
    }

    func reject(_ error: StoreError) -> ExitCode {
        writeError("caseaudit: error: \(error.message)\n")
        return ExitCode(1)
    }
}
