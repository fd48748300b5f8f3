import ArgumentParser
import CaseAudit

/// Where to find checklists by id: `--dir`, else `CASEAUDIT_CHECKLISTS`, else `./Checklists`.
struct ChecklistDirectoryOption: ParsableArguments {
    @Option(
        name: .customLong("dir"), help: "The folder of checklists (default: $CASEAUDIT_CHECKLISTS or ./Checklists).")
    var directory: String?

    func resolved(_ console: Console) -> String {
        directory ?? console.environment("CASEAUDIT_CHECKLISTS") ?? "Checklists"
    }

    /// A checklist named by file path or by id in the folder.
    func load(_ reference: String, _ console: Console) throws -> LoadedChecklist {
        try ChecklistCatalog(directory: resolved(console)).resolve(reference)
    }
}
