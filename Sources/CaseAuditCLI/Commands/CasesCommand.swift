import ArgumentParser

struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Import case lists (population snapshots) and summarise them.",
        subcommands: [CasesImportCommand.self, CasesSummaryCommand.self]
    )
}
