import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "The first audit and its moderation side by side, item by item.",
        discussion: """
            A moderator sees the file given them once their own scoring is submitted; the file's \
            auditor sees it once the outcome is recorded; a quality lead sees any moderated file.
            """
    )

    @Argument(help: "The case reference.")
    var caseReference: String

    @Option(name: .customLong("on-behalf-of"), help: "A quality lead: the moderator's id in the org chart.")
    var onBehalfOf: String?

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let caller = try Caller.current(in: database)
        let comparison = try ModerationComparison.build(
            caseReference: caseReference, for: caller, onBehalfOf: onBehalfOf, store: database)
        switch format {
        case .table:
            console.write(ModerationText.comparison(comparison))
            let moderating = onBehalfOf != nil || caller.person?.id == comparison.moderatorID
            if comparison.outcome == nil && moderating { console.write(ModerationHints.outcome(caseReference)) }
        case .json: console.write(JSONOutput.render(comparison))
        }
    }
}
