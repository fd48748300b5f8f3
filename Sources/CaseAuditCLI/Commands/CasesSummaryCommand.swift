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
        let summary = try database.latestCaseSummary()
        switch format {
        case .text: console.write(summary.table())
        case .json: console.write(JSONOutput.render(summary))
        }
    }
}
