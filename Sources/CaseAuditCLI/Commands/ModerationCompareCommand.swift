import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "The first audit and your moderation of a file side by side, item by item, once yours is submitted."
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
        let moderator = try Caller.current(in: database).scorer(onBehalfOf: onBehalfOf)
        let comparison = try ModerationComparison.build(
            caseReference: caseReference, moderator: moderator, store: database)
        switch format {
        case .table:
            console.write(ModerationText.comparison(comparison))
            if comparison.outcome == nil { console.write(ModerationHints.outcome(caseReference)) }
        case .json: console.write(JSONOutput.render(comparison))
        }
    }
}
