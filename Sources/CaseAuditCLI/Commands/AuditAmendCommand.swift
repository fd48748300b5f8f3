import ArgumentParser
import CaseAudit

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
    var audit: Int64

    @Option(help: "Who is making the change: their id in the org chart.")
    var by: String

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
        let (record, checklist) = try AuditOpening.recorded(audit, database: database, console: console)
        if let chart = try database.orgChart(), chart.person(id: by) == nil {
            console.writeError("caseaudit: error: '\(by)' is not in the org chart\n")
            throw ExitCode(1)
        }
        // A judgement given with a reason stands; one without a reason was the computed grade
        // and follows the amended answers (unless the sheet gives a judgement).
        let base = ScoringSession(
            checklist: checklist, answers: record.content.answers,
            judgement: record.content.judgement.flatMap { $0.reason == nil ? nil : $0 },
            actions: record.content.actions)
        let checked: AnswerSheet.Checked
        checked = try AnswerSheet.read(file: answers).check(against: base, today: console.today())

        let session = checked.session
        let judgement: AuditJudgement
        do throws(ScoringError) {
            judgement = try session.submission()
        } catch {
            console.writeError(
                "caseaudit: error: \(answers): the amended audit cannot be submitted: \(error.message)\n")
            throw ExitCode(1)
        }
        let content = AuditContent(
            answers: checklist.items.compactMap { session.answers[$0.id] }, judgement: judgement,
            actions: session.actions)
        let previous = ScoringSession(checklist: checklist, answers: record.content.answers).outcomes
        let amended = try database.amendAudit(
            audit, by: by, reason: reason, content: content, judgement: judgement, grade: session.grade,
            outcomes: session.outcomes,
            previous: previous)
        console.write(
            "Amended audit \(audit) of case \(amended.caseReference): version \(amended.version) is audit \(amended.id) (by \(by): \(reason)); judgement \(judgement.grade).\n"
        )

    }
}
