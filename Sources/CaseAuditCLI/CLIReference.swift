import ArgumentParser

/// The command-line reference in Markdown, generated from the parser so it never drifts from
/// what the binary accepts (`make cli-reference` writes it to docs/cli-reference.md).
enum CLIReference {
    /// Every command with a help screen, in the order a reader meets them.
    static let commands: [(path: String, type: any ParsableCommand.Type)] = [
        ("caseaudit", CaseAuditCommand.self),
        ("caseaudit checklist validate", ChecklistValidateCommand.self),
        ("caseaudit checklist list", ChecklistListCommand.self),
        ("caseaudit checklist show", ChecklistShowCommand.self),
        ("caseaudit checklist diff", ChecklistDiffCommand.self),
        ("caseaudit org import", OrgImportCommand.self),
        ("caseaudit org show", OrgShowCommand.self),
        ("caseaudit cases import", CasesImportCommand.self),
        ("caseaudit cases summary", CasesSummaryCommand.self),
        ("caseaudit sample plan", SamplePlanCommand.self),
        ("caseaudit sample draw", SampleDrawCommand.self),
        ("caseaudit sample show", SampleShowCommand.self),
        ("caseaudit sample redraw", SampleRedrawCommand.self),
        ("caseaudit audit list", AuditListCommand.self),
        ("caseaudit generate", GenerateCommand.self),
        ("caseaudit demo", DemoCommand.self),
    ]

    static func markdown() -> String {
        var text = "# caseaudit command-line reference\n\n"
        text += "Generated from the argument parser by `make cli-reference`; do not edit by hand.\n"
        for command in commands {
            let help = CaseAuditCommand.helpMessage(for: command.type, columns: 100)
            text += "\n## \(command.path)\n\n```\n\(help.hasSuffix("\n") ? help : help + "\n")```\n"
        }
        return text
    }
}

/// Prints the reference; hidden from help because it is for the project's own tooling.
struct CLIReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cli-reference", abstract: "Print the command-line reference in Markdown.",
        shouldDisplay: false)

    func run() {
        Console.current.write(CLIReference.markdown())
    }
}
