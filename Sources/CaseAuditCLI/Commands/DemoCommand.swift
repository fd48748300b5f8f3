import ArgumentParser
import CaseAudit

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the shipped samples.",
        discussion: """
            Today: validates and lists the shipped checklists, then shows one. Later releases grow \
            this into the whole monthly job (population, sample, scoring, summary).
            """
    )

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "The checklist to show in full.")
    var show: String = "climbie-compliance"

    func run() throws {
        let console = Console.current
        let directory = location.resolved(console)
        let entries: [ChecklistCatalog.Entry]
        do {
            entries = try ChecklistCatalog(directory: directory).loadAll()
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
        console.write("== Checklists in \(directory): validated against \(ChecklistFormat.schemaFileName) and the format's rules\n\n")
        var rows: [[String]] = []
        var failures: [Diagnostic] = []
        for entry in entries {
            switch entry.result {
            case .success(let loaded):
                let items = loaded.checklist.items
                rows.append([
                    loaded.checklist.id, loaded.checklist.version, String(items.count),
                    String(items.filter(\.critical).count), String(items.filter { $0.condition != nil }.count),
                    loaded.contentHash.map { "sha256:\($0.short)" } ?? "", "valid",
                ])
            case .failure(let failure):
                rows.append([entry.path, "", "", "", "", "", "INVALID"])
                failures += failure.diagnostics
            }
        }
        console.write(TextTable(headers: ["ID", "VERSION", "ITEMS", "CRITICAL", "CONDITIONAL", "HASH", "STATUS"], rows: rows).render())
        if !failures.isEmpty {
            DiagnosticPrinter.print(failures, to: console)
            throw ExitCode(1)
        }
        guard let shown = entries.compactMap({ try? $0.result.get() }).first(where: { $0.checklist.id == show }) else {
            console.writeError("caseaudit: error: no checklist with id '\(show)' in \(directory)\n")
            throw ExitCode(1)
        }
        console.write("\n== \(shown.checklist.id), as an auditor reads it (caseaudit checklist show \(shown.checklist.id))\n\n")
        console.write(ChecklistOutline.render(shown))
    }
}
