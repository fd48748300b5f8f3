import ArgumentParser

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw the month's sample of case files and show it.",
        subcommands: [SampleDrawCommand.self, SampleShowCommand.self]
    )
}
