import ArgumentParser

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Validate, list, show, compare and import audit checklists.",
        subcommands: [
            ChecklistValidateCommand.self, ChecklistListCommand.self, ChecklistShowCommand.self,
            ChecklistDiffCommand.self, ChecklistImportCommand.self,
        ]
    )
}
