import ArgumentParser
import CaseAudit
import CaseAuditFormats

struct OrgImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace the org chart with the one in a CSV file.",
        discussion: """
            Columns: id, name, level (SW, ATM, TM, SM, AD, DCS, IRO, QA), team, manages (the team(s) \
            a team manager manages, separated by ;), reports_to, and optionally login (the person's \
            database login on the server store, each used once). Every team must have a manager and roll \
            up to the DCS. Nothing is changed unless the whole file is valid. On a server, the schema's \
            owner then runs `caseaudit server grant`: new logins get their rights, leavers lose theirs.
            """
    )

    @Argument(help: "The org chart CSV.")
    var file: String

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let (chart, source) = try OrgChartImport.readForImport(file: file)
        let database = try store.open(console, creating: true)
        try database.replaceOrgChart(chart, source: source)

        let levels = Dictionary(grouping: chart.people, by: \.level).mapValues(\.count)
        let summary = ManagerLevel.allCases.compactMap { level in levels[level].map { "\($0) \(level.rawValue)" } }
        console.write(
            "Imported \(Plural.count(chart.people.count, "person", "people")) (\(summary.joined(separator: ", "))) and \(Plural.count(chart.teams.count, "team")) into \(database.location)\n"
        )
        if database is any RightsAdministration {
            console.write(
                "Next, as the schema's owner: caseaudit server grant, so that new logins get their rights and leavers lose theirs.\n"
            )
        }
    }
}
