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
        let entries = try ChecklistCatalog(directory: location.resolved(console)).loadAll()
        switch format {
        case .json:
            console.write(JSONOutput.render(entries.compactMap { try? $0.result.get() }.map(ChecklistSummary.init)))
        case .text: console.write(ChecklistCatalogText.table(entries))
        }
        guard let problems = ChecklistCatalogText.problems(entries) else { return }
        DiagnosticPrinter.print(problems.diagnostics, to: console)
        for twin in problems.twins { CaseAuditMain.report(twin, to: console) }
        throw ExitCode(1)
    }
}
