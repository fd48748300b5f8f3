import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge",
        abstract: "Dispute the moderated grade of a file you audited: once, with a reason.",
        discussion:
            "A quality lead or an assistant director (neither you nor the moderator) decides it (`moderation resolve`)."
    )

    @Argument(help: "The case reference.")
    var caseReference: String

    @Option(help: "Why the moderated grade is wrong.")
    var reason: String

    @Option(name: .customLong("on-behalf-of"), help: "A quality lead: the auditor's id in the org chart.")
    var onBehalfOf: String?

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let auditor = try Caller.current(in: database).scorer(onBehalfOf: onBehalfOf)
        try ModerationChallenges.raise(
            caseReference: caseReference, auditor: auditor, reason: reason, onBehalfOf: onBehalfOf != nil,
            store: database)
        console.write("Challenged the moderated grade of case \(caseReference): a quality lead or an AD decides.\n")
    }
}
