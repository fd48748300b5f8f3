import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ChecklistDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a checklist: items added, removed and changed, by id.",
        discussion: "Exit 0 whatever the difference; 1 only when a file cannot be read or is invalid."
    )

    @Argument(help: "The older checklist (id or file).")
    var old: String

    @Argument(help: "The newer checklist (id or file).")
    var new: String

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let directory = location.resolved(console)
        let before = try ChecklistCatalog(directory: directory).resolve(old)
        let after = try ChecklistCatalog(directory: directory).resolve(new)
        let diff = ChecklistDiff(old: before.checklist, new: after.checklist)
        switch format {
        case .text: console.write(ChecklistDiffText.render(diff, oldPath: before.path, newPath: after.path))
        case .json:
            console.write(
                JSONOutput.render(ChecklistReports.Difference(diff, oldPath: before.path, newPath: after.path)))
        }
    }
}
