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

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        if let auditor, try database.orgChart()?.person(id: auditor) == nil {
            console.writeError("caseaudit: error: '\(auditor)' is not in the org chart\n")
            throw ExitCode(1)
        }
        let allocations = try database.allocations(auditor: auditor, today: console.today()).filter { allocation in
            status.map { $0.value.matches(allocation) } ?? true
        }
        switch format {
        case .json: console.write(JSONOutput.render(allocations))
        case .text:
            guard !allocations.isEmpty else {
                let state = status.map { " \($0.value.rawValue)" } ?? ""
                console.write("No\(state) files allocated\(auditor.map { " to \($0)" } ?? "").\n")
                return
            }
            let rows = allocations.map {
                [
                    $0.month.description, String($0.sampleID), $0.checklistID, $0.caseReference,
                    $0.caseType?.rawValue ?? "", $0.team ?? "",
                    $0.auditorID, $0.due.description, $0.status.rawValue + ($0.overdue ? " (overdue)" : ""),
                    $0.auditID.map(String.init) ?? "",
                ]
            }
            console.write(
                TextTable(
                    headers: [
                        "MONTH", "SAMPLE", "CHECKLIST", "CASE", "TYPE", "TEAM", "AUDITOR", "DUE", "STATUS", "AUDIT",
                    ], rows: rows
                ).render())
        }

    }
}
