import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ChecklistValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklist files against the schema and the format's rules.",
        discussion: """
            Reports every error in every file as path:line:col: error: message on standard error. \
            Exit 0 when all files are valid, 1 otherwise.
            """
    )

    @Argument(help: "Checklist files to check.")
    var files: [String]

    @Option(help: "text or json (json goes to standard output and includes the errors).")
    var format: OutputFormat = .text

    func run() throws {
        let console = Console.current
        let loader = ChecklistLoader()
        let results = files.map { path in
            (path: path, result: Result { () throws(ChecklistLoadError) in try loader.validate(file: path) })
        }
        switch format {
        case .json:
            console.write(
                JSONOutput.render(
                    ChecklistReports.Validation(
                        files: results.map {
                            ChecklistReports.FileResult(path: $0.0, result: $0.1)
                        })))
        case .text:
            console.write(ChecklistCatalogText.validated(results))
            for case (_, .failure(let failure)) in results { DiagnosticPrinter.print(failure.diagnostics, to: console) }
        }
        let invalid = results.filter { (try? $0.1.get()) == nil }.count
        if invalid > 0 {
            if format == .text {
                console.writeError("\(invalid) of \(files.count) file\(files.count == 1 ? "" : "s") invalid\n")
            }
            throw ExitCode(1)
        }
    }
}
