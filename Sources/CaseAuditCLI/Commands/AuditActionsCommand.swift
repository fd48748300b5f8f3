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
            guard try database.markActionDone(markDone) else { throw MissingData.noOpenAction(markDone) }
            console.write("Action \(markDone) is done.\n")
            return
        }
        let today = console.today()
        let actions = try database.actionListings().filter { action in
            status.map { $0.value.matches(action, today: today) } ?? true
        }
        switch format {
        case .json: console.write(JSONOutput.render(actions))
        case .text: console.write(ListingText.actions(actions, state: status?.value.rawValue, today: today))
        }

    }
}
