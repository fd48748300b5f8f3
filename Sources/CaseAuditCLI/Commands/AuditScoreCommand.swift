import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports
import CaseAuditScreen
import CaseAuditStore

struct AuditScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract:
            "Score an allocated file: on the terminal, one question at a time, or from a paper audit's answers file.",
        discussion: """
            In a terminal, the scoring screen asks each question in turn: press the answer's key \
            (y, p, n, - …); N adds a note, B goes back, R reviews, J gives your judgement, A adds an \
            action, S submits, Q saves and quits, ? lists the keys. Every answer is kept the moment it \
            is given: after Q, a closed window or a crash, the same command resumes at the first \
            unanswered question, against the checklist version the audit began with.

            --answers FILE keys in a paper audit (CSV: item,answer,note[,who,due]; or JSON; see the \
            README). The whole file is checked before anything is kept: unknown items, items answered \
            twice, answers the scale does not have, missing notes, answers to items the other answers \
            skip, a judgement that differs from the computed grade without a reason, and actions \
            without what, who or a due date, or due in the past.
            """
    )

    @Argument(help: "The case reference, as drawn in the sample.")
    var caseReference: String

    @Option(
        name: .customLong("on-behalf-of"),
        help:
            "A quality lead keying (or scoring) for an auditor: their id in the org chart. Otherwise you score as yourself, as the system knows you (see `caseaudit whoami`)."
    )
    var onBehalfOf: String?

    @Option(help: "The sample the file is in, when the case is allocated to you in more than one (see `audit list`).")
    var sample: SampleID?

    @Option(help: "A paper audit's answers: CSV (item,answer,note,who,due) or JSON (by extension).")
    var answers: String?

    @Flag(help: "With --answers: submit the audit once the file is kept (every asked item must have an answer).")
    var submit = false

    @Flag(
        help:
            "Score a file given to you to moderate (see `moderation list`): blind, as the first audit's answers, notes and grade stay hidden until yours is submitted, against the checklist version the first audit used."
    )
    var moderation = false

    @Option(
        help:
            "Score a file of a calibration exercise you take part in (see `moderation calibration`): blind, against the checklist version its audit used."
    )
    var calibration: String?

    @OptionGroup var location: ChecklistDirectoryOption
    @OptionGroup var store: DatabaseOption

    /// This command again, with what it needs to find the same audit.
    private func resumeCommand(sample chosen: SampleID) -> String {
        var words = ["caseaudit", "audit", "score", caseReference]
        if let onBehalfOf { words += ["--on-behalf-of", onBehalfOf] }
        if moderation { words.append("--moderation") }
        if let calibration { words += ["--calibration", calibration] }
        if sample != nil { words += ["--sample", String(chosen)] }
        if let directory = location.directory { words += ["--dir", directory] }
        if let path = store.database { words += ["--database", StoreFactory.printable(path)] }
        return words.map(ShellWord.quoted).joined(separator: " ")
    }

    /// Which file the options ask for.
    private var request: AuditOpening.Request {
        if let calibration { return .calibration(exercise: calibration) }
        return moderation ? .moderation : .allocated(sample: sample)
    }

    func validate() throws {
        if submit && answers == nil {
            throw ValidationError("--submit goes with --answers (on the screen, press S to submit)")
        }
        if moderation && calibration != nil { throw ValidationError("Give --moderation or --calibration, not both.") }
        if (moderation || calibration != nil) && sample != nil {
            throw ValidationError("--sample goes without --moderation (a moderation names its file by the case alone)")
        }
    }

    func run() throws {
        let console = Console.current
        if answers == nil && !RawTerminal.inputIsTerminal { throw ScreenUnavailable.inputNotATerminal }
        let database = try store.open(console)
        let opening = try AuditOpening.forCaller(
            request, caseReference: caseReference, onBehalfOf: onBehalfOf, store: database, today: console.today()
        ) { id in try location.load(id, console) }
        if let answers {
            let keyed = try PaperAudit.keyIn(
                AnswerSheet.read(file: answers), opening: opening, store: database, submit: submit,
                today: console.today())
            console.write(PaperAuditText.summary(keyed))
            if !submit {
                console.write(
                    "Not submitted: the audit stays open. To submit it, run this again with --submit, "
                        + "or finish it on the scoring screen (the same command without --answers).\n")
            }
            try keyed.requireSubmitted()
            if moderation && submit { console.write(ModerationHints.compare(caseReference)) }
        } else {
            let (audit, claim) = try opening.start(database)
            let colour = RawTerminal.outputIsTerminal && (console.environment("NO_COLOR") ?? "").isEmpty
            let run = ScoringRun(
                audit: audit, allocation: opening.allocation, session: try opening.session(of: audit, database),
                today: console.today(), colour: colour)
            try ScoringScreenDriver(
                session: run, database: database, console: console,
                resumeCommand: resumeCommand(sample: opening.allocation.sampleID)
            ).run()
            withExtendedLifetime(claim) {}
            if moderation, try database.audit(id: audit.id)?.audit.submittedAt != nil {
                console.write(ModerationHints.compare(caseReference))
            }
        }

    }
}
