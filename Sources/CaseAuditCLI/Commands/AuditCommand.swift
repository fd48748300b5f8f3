import ArgumentParser

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Auditors' work: the files allocated to them, scoring them, and the audits kept.",
        subcommands: [
            AuditListCommand.self, AuditScoreCommand.self, AuditShowCommand.self, AuditAmendCommand.self,
            AuditActionsCommand.self, AuditUnlockCommand.self, AuditHistoryCommand.self,
        ]
    )
}
