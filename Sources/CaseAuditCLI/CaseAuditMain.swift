import ArgumentParser

/// Runs the command line and returns the exit status, printing through `Console.current`.
///
/// ArgumentParser exits 64 for usage errors; the caseaudit contract says 2, so errors are
/// mapped here rather than by `main()`.
public enum CaseAuditMain {
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        do {
            var command = try CaseAuditCommand.parseAsRoot(arguments)
            try command.run()
            return 0
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
}
