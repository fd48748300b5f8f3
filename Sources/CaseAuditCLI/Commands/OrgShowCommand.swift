import ArgumentParser
import CaseAudit
import CaseAuditReports

struct OrgShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the org chart as a tree from the DCS down.")

    @OptionGroup var store: DatabaseOption

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let chart = try database.requiredOrgChart()
        switch format {
        case .text: console.write(OrgChartTree.render(chart))
        case .json: console.write(JSONOutput.render(chart))
        }
    }
}
