import ArgumentParser
import CaseAudit
import CaseAuditReports

struct SampleShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the samples drawn for a month: parameters, seed, and the files.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: "The audit month, YYYY-MM (default: every month).")
    var month: String?

    @Option(help: "table, csv or json.")
    var format: Format = .table

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        if let month, AuditMonth(month) == nil { throw ValidationError("--month \(month): expected YYYY-MM") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let samples = try database.requiredSamples(month: month.flatMap(AuditMonth.init))
        let details = try database.caseDetails(of: samples)
        switch format {
        case .table:
            let chart = try database.orgChart()
            console.write(
                samples.map { SampleReport.table($0, cases: details[$0.snapshotID] ?? [:], chart: chart) }
                    .joined(separator: "\n"))
        case .csv: console.write(SampleReport.csv(samples, cases: details))
        case .json: console.write(JSONOutput.render(samples))
        }

    }
}
