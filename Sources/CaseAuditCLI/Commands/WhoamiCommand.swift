import ArgumentParser
import CaseAudit
import CaseAuditReports

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Who you are to caseaudit, your level and your rights.",
        discussion: """
            Who you are comes from the system, never from a flag: on a PostgreSQL server, your database \
            login; on a SQLite file, your account on this machine. The org chart's login column says \
            which person that is.
            """)

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let caller = try Caller.current(in: try store.open(console))
        console.write(format == .json ? JSONOutput.render(caller) : IdentityText.render(caller))
    }
}
