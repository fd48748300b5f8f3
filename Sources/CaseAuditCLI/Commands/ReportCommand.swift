import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Quality reports: grades by team and manager level, and the monthly summary.",
        subcommands: [ReportMonthlyCommand.self, ReportModerationCommand.self]
    )
}
