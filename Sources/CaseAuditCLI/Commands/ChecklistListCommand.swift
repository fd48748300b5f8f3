import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ChecklistListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the checklists in a folder with their versions and content hashes.",
        discussion: "Files that fail validation are reported on standard error; the exit status is then 1."
    )

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let entries: [ChecklistCatalog.Entry]
        do {
            entries = try ChecklistCatalog(directory: location.resolved(console)).loadAll()
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
        let valid = entries.compactMap { try? $0.result.get() }
        switch format {
        case .json:
            console.write(JSONOutput.render(valid.map(ChecklistSummary.init)))
        case .text:
            let rows = valid.map { loaded in
                [
                    loaded.checklist.id, loaded.checklist.version, loaded.checklist.title,
                    String(loaded.checklist.items.count), loaded.contentHash.map { "sha256:\($0.short)" } ?? "",
                ]
            }
            console.write(TextTable(headers: ["ID", "VERSION", "TITLE", "ITEMS", "HASH"], rows: rows).render())
        }
        var invalid = 0
        for entry in entries {
            if case .failure(let failure) = entry.result {
                invalid += 1
                DiagnosticPrinter.print(failure.diagnostics, to: console)
            }
        }
        let twins = ChecklistCatalog.sameVersionTwice(entries)
        for twin in twins { console.writeError("caseaudit: error: \(twin.message)\n") }
        if invalid > 0 || !twins.isEmpty { throw ExitCode(1) }
    }
}
