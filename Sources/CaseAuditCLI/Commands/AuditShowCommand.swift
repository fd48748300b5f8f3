import ArgumentParser
import CaseAudit
import CaseAuditReports

struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "An audit with its answers, notes, grade, judgement, actions and versions.")

    @Argument(help: "The audit's number (as `audit list` and `audit score` print it).")
    var audit: AuditID

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let (record, checklist) = try AuditOpening.recorded(
            audit, store: database, seenBy: try Caller.current(in: database))
        let report = AuditReport(record, checklist: checklist)
        console.write(format == .json ? JSONOutput.render(report) : report.text)

    }
}
