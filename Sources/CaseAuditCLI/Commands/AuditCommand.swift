import ArgumentParser

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Auditors' work: the files allocated to them, and entering a paper audit.",
        subcommands: [AuditListCommand.self, AuditScoreCommand.self]
    )
}
