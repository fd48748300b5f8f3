import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The files given to you to moderate (a quality lead: everyone's), and where each stands.",
        discussion:
            "Stages: to score, scoring, to decide (your scoring is submitted: compare, then record the outcome), decided."
    )

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let caller = try Caller.current(in: database)
        let moderator = caller.role == .qualityLead ? nil : try caller.scorer(onBehalfOf: nil)
        let files = try database.moderationAssignments(moderator: moderator, caseReference: nil)
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
