import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ChecklistShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a checklist as an outline an auditor can read.",
        discussion: "Name the checklist by id (looked up in the folder) or by file path."
    )

    @Argument(help: "A checklist id, or the path of a checklist file.")
    var checklist: String

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "text or json (the whole model).")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let loaded = try location.load(checklist, console)
        switch format {
        case .text: console.write(ChecklistOutline.render(loaded))
        case .json: console.write(JSONOutput.render(ChecklistReports.Shown(loaded)))
        }
    }
}
