import ArgumentParser
import CaseAudit
import CaseAuditReports

struct AuditActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "The actions raised in submitted audits: list them, or mark one done.",
        discussion: """
            An action is overdue when it is not done by its due date. Marking an action done is the \
            one change a submitted audit takes; the monthly summary counts actions raised, done and \
            overdue.
            """
    )

    @Option(help: "Only actions that are open, overdue or done.")
    var status: ArgumentChoice<ActionListing.Filter>?

    @Option(name: .customLong("done"), help: "Mark this action (its number in the list) done.")
    var markDone: Int64?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        if let markDone {
            guard try database.markActionDone(markDone) else {
                console.writeError("caseaudit: error: there is no open action \(markDone)\n")
                throw ExitCode(1)
            }
            console.write("Action \(markDone) is done.\n")
            return
        }
        let today = console.today()
        let actions = try database.actionListings().filter { action in
            status.map { $0.value.matches(action, today: today) } ?? true
        }
        switch format {
        case .json: console.write(JSONOutput.render(actions))
        case .text:
            guard !actions.isEmpty else {
                console.write("No\(status.map { " \($0.value.rawValue)" } ?? "") actions.\n")
                return
            }
            let rows = actions.map { action in
                [
                    String(action.id), action.due.description,
                    action.doneAt.map { "done \($0.prefix(10))" }
                        ?? (action.isOverdue(today: today) ? "OVERDUE" : "open"),
                    action.caseReference, action.team ?? "", action.who, action.what,
                ]
            }
            console.write(
                TextTable(headers: ["ACTION", "DUE", "STATUS", "CASE", "TEAM", "WHO", "WHAT"], rows: rows).render())
        }

    }
}
