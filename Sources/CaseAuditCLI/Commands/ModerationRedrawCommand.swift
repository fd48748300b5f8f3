import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationRedrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redraw",
        abstract: "Draw the month's moderation again from what it recorded, and check it is the same.",
        discussion:
            "Exit 0 when the same files come out with the same moderators; 1 when they do not (a moderator differs only when the org chart has changed)."
    )

    @Option(help: "The audit month, YYYY-MM.")
    var month: String

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard AuditMonth(month) != nil else {
            throw ValidationError("--month \(month): expected YYYY-MM, e.g. 2026-12")
        }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        guard let month = AuditMonth(month) else { throw ExitCode(1) }
        let outcome = try ModerationRedraw.checkAndRecord(month: month, store: database)
        console.write(ModerationText.redraw(outcome))
        if !outcome.isIdentical { throw ExitCode(1) }
    }
}
