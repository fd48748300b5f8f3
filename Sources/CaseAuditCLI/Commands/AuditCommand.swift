import ArgumentParser

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Auditors' work: the files allocated to them (scoring arrives in the next release).",
        subcommands: [AuditListCommand.self]
    )
}
