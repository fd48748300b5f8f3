import ArgumentParser

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Import and show the org chart: people, levels, teams and reporting lines.",
        subcommands: [OrgImportCommand.self, OrgShowCommand.self]
    )
}
