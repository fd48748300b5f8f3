import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
            "The moderated files you may see, and where each stands: those given you to moderate, yours that are moderated (with their outcome), your line's; a quality lead, all.",
        discussion:
            "Stages: to score, scoring, to decide (your scoring is submitted: compare, then record the outcome), decided."
    )

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        // Which rows a person may see is the store's rule (row-level security on the server; on
        // the embedded store the file's holder holds everything).
        let files = try database.moderationAssignments(moderator: nil, caseReference: nil)
        switch format {
        case .table: console.write(ModerationText.assignments(files))
        case .json: console.write(JSONOutput.render(files.map(ModerationListing.init)))
        }
    }
}
