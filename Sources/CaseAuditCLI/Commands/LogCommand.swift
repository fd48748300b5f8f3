import ArgumentParser

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The trail: who changed what, when and why; append-only and hash-chained.",
        discussion: """
            Every change is an event, written in the same transaction as the change: imports (the \
            file's name and SHA-256, counts), draws and allocations, reallocations, each answer, \
            judgement and action, submissions, amendments with their reasons, actions done, holds \
            broken, rights granted or revoked, checklists pinned, reports published. Each event's \
            hash chains it to the one before, so a changed, removed or inserted event is found by \
            `log verify`; a head signed with `log checkpoint` and kept elsewhere shows a trail \
            rebuilt from scratch.
            """,
        subcommands: [
            LogShowCommand.self, LogVerifyCommand.self, LogExportCommand.self, LogCheckpointCommand.self,
            LogKeygenCommand.self,
        ]
    )
}
