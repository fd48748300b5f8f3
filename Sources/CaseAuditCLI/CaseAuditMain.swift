import ArgumentParser
import CaseAudit

/// Runs the command line and returns the exit status, printing through `Console.current`.
///
/// ArgumentParser exits 64 for usage errors; the caseaudit contract says 2, so errors are
/// mapped here rather than by `main()`.
public enum CaseAuditMain {
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        // `--version` is answered here rather than by the parser, which would list it on every
        // command's help (beside `checklist import --version`, the checklist's own version).
        if arguments == ["--version"] {
            console.write(CaseAuditVersion.current + "\n")
            return 0
        }
        if arguments.first == "help", let unknown = unknownCommand(Array(arguments.dropFirst())) {
            console.writeError("caseaudit: error: there is no command '\(unknown)': `caseaudit help` lists them\n")
            return 2
        }
        do {
            var command = try CaseAuditCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as any ReportableError {
            report(error, to: console)
            return 1
        } catch {
            let code = CaseAuditCommand.exitCode(for: error)
            let message = CaseAuditCommand.fullMessage(for: error)
            if !message.isEmpty {
                let text = message.hasSuffix("\n") ? message : message + "\n"
                if code == .success { console.write(text) } else { console.writeError(text) }
            }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }

    /// The one place a refusal is printed: its located problems, or its message.
    static func report(_ error: any ReportableError, to console: Console) {
        if error.diagnostics.isEmpty {
            console.writeError("caseaudit: error: \(error.message)\(CommandHint.hint(for: error))\n")
        } else {
            DiagnosticPrinter.print(error.diagnostics, to: console)
        }
    }

    /// The words of `caseaudit help WORDS` that name no command, or nil when they name one.
    static func unknownCommand(_ words: [String]) -> String? {
        var command: any ParsableCommand.Type = CaseAuditCommand.self
        for (index, word) in words.enumerated() where !word.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else {
                return words[0...index].joined(separator: " ")
            }
            command = next
        }
        return nil
    }
}
