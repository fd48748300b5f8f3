import CaseAudit

/// Prints diagnostics the way compilers do, so editors and CI can jump to them.
enum DiagnosticPrinter {
    static func line(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location.description): error: \(diagnostic.message)\(CommandHint.text(for: diagnostic.remedy))\n"
    }

    static func print(_ diagnostics: [Diagnostic], to console: Console) {
        console.writeError(diagnostics.map(line).joined())
    }
}
