import ArgumentParser
import CaseAudit
import CaseAuditReports

struct LogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The events of the trail, all or some: an audit's, a file's, a person's, since a day.",
        discussion: """
            On a server, a quality lead sees every event; anyone else the events they made and \
            those of the audits they may see.
            """)

    @Option(help: "One audit's events.")
    var audit: AuditID?

    @Option(name: .customLong("case"), help: "One case file's events, with those of its audits.")
    var caseReference: String?

    @Option(help: "One person's events (their org chart id, or their login).")
    var actor: String?

    @Option(help: "Events from this day on (YYYY-MM-DD, UTC).")
    var since: CalendarDate?

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let events = try database.trailEvents(
            TrailFilter(audit: audit, caseReference: caseReference, actor: actor, since: since))
        console.write(format == .json ? JSONOutput.render(events) : TrailText.table(events))
    }
}
