import ArgumentParser

/// The command-line reference in Markdown, generated from the parser so it never drifts from
/// what the binary accepts (`make cli-reference` writes it to docs/cli-reference.md).
enum CLIReference {
    /// Every command the parser knows, walked from the root in the order help lists them:
    /// a new command is in the reference the moment it is registered.
    static var commands: [(path: String, type: any ParsableCommand.Type)] {
        var found: [(path: String, type: any ParsableCommand.Type)] = []
        func walk(_ type: any ParsableCommand.Type, path: String) {
            let configuration = type.configuration
            guard configuration.shouldDisplay else { return }
            found.append((path, type))
            for child in configuration.subcommands {
                walk(child, path: path + " " + (child.configuration.commandName ?? child._commandName))
            }
        }
        walk(CaseAuditCommand.self, path: "caseaudit")
        return found
    }

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
