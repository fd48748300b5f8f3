import ArgumentParser
import CaseAudit

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The files allocated to an auditor (or to everyone), by month.")

    @Option(help: "The auditor's id in the org chart.")
    var auditor: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        do {
            if let auditor, try database.orgChart()?.person(id: auditor) == nil {
                console.writeError("caseaudit: error: '\(auditor)' is not in the org chart\n")
                throw ExitCode(1)
            }
            let allocations = try database.allocations(auditor: auditor)
            switch format {
            case .json: console.write(JSONOutput.render(allocations))
            case .text:
                guard !allocations.isEmpty else {
                    console.write("No files allocated\(auditor.map { " to \($0)" } ?? "") yet.\n")
                    return
                }
                let rows = allocations.map {
                    [$0.month.description, $0.checklistID, $0.caseReference, $0.caseType?.rawValue ?? "", $0.team ?? "",
                        $0.auditorID, $0.status]
                }
                console.write(TextTable(headers: ["MONTH", "CHECKLIST", "CASE", "TYPE", "TEAM", "AUDITOR", "STATUS"], rows: rows).render())
            }
        } catch let error as StoreError {
            throw console.reject(error)
        }
    }
}
