import ArgumentParser
import CaseAudit
import CaseAuditReports

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The files allocated to an auditor (or to everyone), by month, with their audits' status.",
        discussion: """
            A month's files are due by the month's last day; a file not submitted by then is overdue.
            """)

    @Option(help: "The auditor's id in the org chart.")
    var auditor: String?

    @Option(help: "Only files in this state: allocated, in-progress, submitted or overdue.")
    var status: ArgumentChoice<AuditAllocation.Filter>?

    @Option(help: "Only files drawn for this month, YYYY-MM (default: every month).")
    var month: MonthArgument?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        if let auditor { try database.requirePerson(auditor) }
        let allocations = AuditAllocation.listed(
            try database.allocations(auditor: auditor, today: console.today()), filter: status?.value,
            month: month?.month)
        switch format {
        case .json: console.write(JSONOutput.render(allocations))
        case .text:
            console.write(
                ListingText.allocations(allocations, filter: status?.value, auditor: auditor, month: month?.month))
        }

    }
}
