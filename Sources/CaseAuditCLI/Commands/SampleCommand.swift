import ArgumentParser

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Plan, draw and show the month's sample of case files.",
        subcommands: [
            SamplePlanCommand.self, SampleDrawCommand.self, SampleShowCommand.self, SampleRedrawCommand.self,
            SampleReallocateCommand.self,
        ]
    )
}
