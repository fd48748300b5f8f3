import ArgumentParser
import CaseAudit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where to find checklists by id: `--dir`, else `CASEAUDIT_CHECKLISTS`, else `./Checklists`.
struct ChecklistDirectoryOption: ParsableArguments {
    @Option(
        name: .customLong("dir"), help: "The folder of checklists (default: $CASEAUDIT_CHECKLISTS or ./Checklists).")
    var directory: String?

    func resolved(_ console: Console) -> String {
        directory ?? console.environment("CASEAUDIT_CHECKLISTS") ?? "Checklists"
    }
}

/// A checklist named by file path or by id.
enum ChecklistReference {
    /// Loads `reference` as a file when it exists or looks like a path, else finds the id in
    /// the folder. Prints what went wrong and throws `ExitCode(1)` when it cannot.
    static func load(_ reference: String, directory: String, console: Console) throws -> LoadedChecklist {
        if access(reference, F_OK) == 0 || reference.hasSuffix(".xml") || reference.contains(where: { $0 == "/" }) {
            do {
                return try ChecklistLoader().load(file: reference)
            } catch {
                DiagnosticPrinter.print(error.diagnostics, to: console)
                throw ExitCode(1)
            }
        }
        do {
            return try ChecklistCatalog(directory: directory).checklist(id: reference)
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
