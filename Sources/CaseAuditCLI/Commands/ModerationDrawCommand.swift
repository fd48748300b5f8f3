import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationDrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Choose the month's submitted audits for moderation, each with a moderator.",
        discussion: """
            The rule is comma-separated terms: grades whose every file is moderated (the checklist's \
            grade ids, e.g. inadequate), a share of the rest chosen at random with the seed (e.g. 10%), \
            and named files (case:REF). The default: inadequate,10%. Each file goes to a manager more \
            senior than its auditor and outside the file's management line, the fewest files each first. \
            The rule, the seed and the audits drawn from are recorded, one draw per month; \
            `moderation redraw` checks it reproduces.
            """
    )

    @Option(help: "The audit month, YYYY-MM: the month the files were drawn for.")
    var month: String

    @Option(help: "Which files: grades, a share and named files, e.g. inadequate,10%,case:C-104.")
    var rule: String = ModerationRule.standard.description

    @Option(help: "The seed (a whole number) for the random share; recorded with the draw.")
    var seed: UInt64

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard AuditMonth(month) != nil else {
            throw ValidationError("--month \(month): expected YYYY-MM, e.g. 2026-12")
        }
        do { _ = try ModerationRule(parsing: rule) } catch { throw ValidationError("--rule: \(error.message)") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        guard let month = AuditMonth(month) else { throw ExitCode(1) }
        let draw = try ModerationDraw.draw(
            month: month, rule: try ModerationRule(parsing: rule), seed: seed, store: database)
        switch format {
        case .table: console.write(ModerationText.draw(draw))
        case .json: console.write(JSONOutput.render(draw))
        }
    }
}
