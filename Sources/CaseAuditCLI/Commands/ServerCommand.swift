import ArgumentParser
import CaseAudit

struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Set up a PostgreSQL server's rights: the groups, the policies, a login for each person.",
        subcommands: [ServerInitCommand.self, ServerGrantCommand.self])
}

struct ServerInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make the schema, the group roles and the row-level policies (run it as the schema's owner).",
        discussion: """
            Re-runnable. The groups are caseaudit_lead (quality leads: everything), caseaudit_senior \
            (SM, AD, DCS: the reports and the audits of the teams in their line) and caseaudit_auditor \
            (the files allocated to them, and their own audits). Every table has row-level security on \
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
