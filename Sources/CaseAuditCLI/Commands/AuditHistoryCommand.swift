import ArgumentParser
import CaseAudit
import CaseAuditReports

struct AuditHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract:
            "One audit's life from the trail: each answer, who gave it and when, the judgement, submission and every amendment with its reason."
    )

    @Argument(help: "The audit's number (any of its versions).")
    var audit: AuditID

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let events = try AuditHistory.events(of: audit, in: database, seenBy: try Caller.current(in: database))
        console.write(format == .json ? JSONOutput.render(events) : TrailText.history(audit, events: events))
    }
}
