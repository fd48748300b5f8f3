import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Decide an auditor's challenge (a quality lead or an assistant director): uphold it or reject it.",
        discussion: """
            --uphold reports the auditor's own grade again (or --grade GRADE); --reject keeps the \
            moderated grade. Once only, with a reason; the auditor and the moderator cannot decide it.
            """
    )

    @Argument(help: "The case reference.")
    var caseReference: String

    @Flag(help: "The challenge stands: the file is reported with the auditor's grade (or --grade).")
    var uphold = false

    @Flag(help: "The moderated grade stands.")
    var reject = false

    @Option(help: "With --uphold: the grade to report instead of the auditor's own.")
    var grade: String?

    @Option(help: "Why.")
    var reason: String

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard uphold != reject else { throw ValidationError("Give --uphold or --reject.") }
        if grade != nil && !uphold { throw ValidationError("--grade goes with --uphold") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let decided = try ModerationChallenges.decide(
            caseReference: caseReference, decider: try Caller.current(in: database), uphold: uphold, grade: grade,
            reason: reason, store: database)
        console.write(
            "The challenge of case \(caseReference) is \(decided.decision?.rawValue ?? "decided")\(decided.decidedGrade.map { ": reported as \($0)" } ?? ": the moderated grade stands").\n"
        )
    }
}
