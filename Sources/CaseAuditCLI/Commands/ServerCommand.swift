import ArgumentParser
import CaseAudit
import CaseAuditReports
import CaseAuditStore

struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract:
            "Set up a PostgreSQL server: the groups, the policies, a login for each person, and a council moved from its SQLite file.",
        subcommands: [ServerInitCommand.self, ServerGrantCommand.self, ServerImportCommand.self])
}

struct ServerInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make the schema, the group roles and the row-level policies (run it as the schema's owner).",
        discussion: """
            Re-runnable. Each database has groups of its own, named after it; for a database called \
            caseaudit they are caseaudit_lead (quality leads: everything), caseaudit_senior (SM, AD, \
            DCS: the reports and the audits of the teams in their line) and caseaudit_auditor (the files \
            allocated to them, and their own audits). Every table has row-level security on \
            session_user, which SET ROLE cannot change.
            """)

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console, creating: true)
        guard let server = database as? any RightsAdministration else {
            throw NotAServer(location: database.location)
        }
        for change in try server.initialiseRights() { console.write("\(change)\n") }
    }
}

struct ServerGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Make or map a login for each person of the org chart with a login, in their level's group.",
        discussion: """
            Run it after each org chart import: new people get a login role (give it a password, a \
            certificate or Kerberos as your server does), people whose level changed move group, and \
            logins nobody in the chart has any more (leavers) lose every group. Prints what it changed.
            """)

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        guard let server = database as? any RightsAdministration else {
            throw NotAServer(location: database.location)
        }
        let changes = try server.grantRights(to: try database.requiredOrgChart())
        console.write(changes.isEmpty ? "Every login is as the org chart says: nothing changed.\n" : "")
        for change in changes { console.write("\(change)\n") }
    }
}

struct ServerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Copy a council's SQLite file, all of it, into an empty server database, checked, or nothing.",
        discussion: """
            Every table is copied in one transaction, read back, and compared with the file (its rows \
            and the SHA-256 of their content); any difference, or any refusal, keeps nothing. The \
            file is only read (one from an older caseaudit is brought up to date in a temporary copy). \
            Run it as the schema's owner or a quality lead, then `caseaudit server init` and \
            `caseaudit server grant`.
            """)

    @Argument(help: "The embedded database to copy (a caseaudit SQLite file).")
    var file: String

    @Option(help: "table or json: each table's rows and content hash, as checked.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let target = store.location(console)
        guard StoreFactory.isServer(target) else { throw NotAServer(location: target, purpose: .importTarget) }
        let report = try ServerImport.run(embedded: file, server: target, clock: console.clock)
        switch format {
        case .table:
            console.write(StoreCopyText.render(report))
            console.write("Next, as the schema's owner: caseaudit server init, then caseaudit server grant.\n")
        case .json: console.write(JSONOutput.render(report))
        }
    }
}
