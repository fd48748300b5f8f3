import ArgumentParser
import CaseAudit
import CaseAuditFormats

struct AuditAmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Correct a submitted audit: a new version, recording who changed it, when and why.",
        discussion: """
            A submitted audit never changes. An amendment copies it, applies the answers file (the \
            same CSV or JSON as `audit score --answers`: answers listed replace those given, a \
            judgement replaces the judgement, actions are added), checks the result as a submission \
            and keeps it as the next version, in one transaction. Reports use the latest version; \
            `audit show` shows the trail.
            """
    )

    @Argument(help: "The submitted audit to amend (its latest version).")
    var audit: AuditID

    @Option(help: "Why the audit is being changed.")
    var reason: String

    @Option(help: "The changes: CSV (item,answer,note,who,due) or JSON.")
    var answers: String

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        if reason.allSatisfy(\.isWhitespace) {
            throw ValidationError("--reason must say why the audit is being changed")
        }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let amendment = try AuditAmendment.amend(
            audit, by: try Caller.current(in: database), reason: reason, sheet: AnswerSheet.read(file: answers),
            store: database,
            today: console.today())
        let amended = amendment.audit
        let judgement = amendment.judgement
        console.write(
            "Amended audit \(audit) of case \(amended.caseReference): version \(amended.version) is audit \(amended.id) (by \(amended.amendedBy ?? ""): \(reason)); judgement \(judgement.grade).\n"
        )

    }
}
