import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: "Record a moderation's outcome: the first grade confirmed, or changed with a reason.",
        discussion:
            "Once your own scoring is submitted (see `moderation compare`), and once only. The first audit and your moderation are both kept."
    )

    @Argument(help: "The case reference.")
    var caseReference: String

    @Flag(help: "The first audit's grade stands.")
    var confirm = false

    @Option(
        name: .customLong("change-to"), help: "The grade the file is to be reported with (a grade id of the checklist)."
    )
    var changeTo: String?

    @Option(help: "Why (needed with --change-to).")
    var reason: String?

    @Option(name: .customLong("on-behalf-of"), help: "A quality lead: the moderator's id in the org chart.")
    var onBehalfOf: String?

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard confirm != (changeTo != nil) else {
            throw ValidationError("Give --confirm, or --change-to GRADE --reason TEXT.")
        }
        if changeTo != nil && reason?.nonBlank == nil {
            throw ValidationError("--change-to needs --reason TEXT: why the grade changes")
        }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let moderator = try Caller.current(in: database).scorer(onBehalfOf: onBehalfOf)
        let outcome = try ModerationDecision.record(
            caseReference: caseReference, moderator: moderator, changeTo: changeTo, reason: reason,
            onBehalfOf: onBehalfOf != nil, store: database)
        console.write(
            "Moderation of case \(caseReference): \(outcome.decision.rawValue), reported as \(outcome.grade).\n")
    }
}
