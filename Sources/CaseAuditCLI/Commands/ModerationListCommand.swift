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

/// A moderated file as `moderation list --format json` gives it.
struct ModerationListing: Encodable {
    var month: String
    var caseReference: String
    var checklistID: String
    var audit: AuditID
    var auditorID: String
    var moderatorID: String
    var moderation: AuditID?
    var stage: String
    var outcome: ModerationOutcome?
    var challenge: ModerationChallenge?

    init(_ file: ModerationAssignment) {
        month = file.month.description
        caseReference = file.caseReference
        checklistID = file.checklistID
        audit = file.original
        auditorID = file.auditorID
        moderatorID = file.moderatorID
        moderation = file.moderation?.id
        stage = file.stage.rawValue
        outcome = file.outcome
        challenge = file.challenge
    }
}
