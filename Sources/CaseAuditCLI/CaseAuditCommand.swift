import ArgumentParser

/// The root command: `caseaudit <group> <command>`.
public struct CaseAuditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "caseaudit",
        abstract: "Case-file audit sampling for children's social care.",
        discussion: """
            Checklists (XML audit tools) drive the audit. Exit codes: 0 ok; 1 the input is wrong \
            (the message says where and why); 2 the command line is wrong. `caseaudit --version` \
            prints the version.
            """,
        subcommands: [
            ChecklistCommand.self, OrgCommand.self, CasesCommand.self, SampleCommand.self, AuditCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            LogCommand.self,
            ModerationCommand.self,
            WhoamiCommand.self,
            ServerCommand.self,
            GenerateCommand.self,
            DemoCommand.self,
            CLIReferenceCommand.self,
        ]
    )

    public init() {}
}

public enum CaseAuditVersion {
    public static let current = "0.1.0"
}
