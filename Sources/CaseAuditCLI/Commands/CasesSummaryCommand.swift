import ArgumentParser
import CaseAudit
import CaseAuditReports

struct CasesSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Counts of open cases by team and case type in the latest snapshot.")

    @OptionGroup var store: DatabaseOption

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let summary: CaseSummary
        guard let snapshot = try database.latestCaseSnapshot() else {
            console.writeError(
                "caseaudit: error: no case list yet: import one with `caseaudit cases import FILE`\n")
            throw ExitCode(1)
        }
        summary = CaseSummary(snapshot: snapshot, counts: try database.caseCounts(snapshot: snapshot.id))

        switch format {
        case .text: console.write(summary.table())
        case .json: console.write(JSONOutput.render(summary))
        }
    }
}
