import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports

struct LogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Every event of the trail, for the council's records: JSON lines or CSV.",
        discussion: """
            Each event with its hashes, so the export can be checked against the chain. Written to \
            standard output, or to --output.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case csv
    }

    @Option(help: "jsonl or csv.")
    var format: Format

    @Option(help: "Write to this new file instead of standard output.")
    var output: String?

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let sink = try output.map { try ExportSink(path: $0) }
        let write: (String) -> Void = { text in
            if let sink { sink.write(text) } else { console.write(text) }
        }
        if format == .csv { write(CSVWriter.render([TrailText.csvHeader])) }
        try database.scanTrail(from: 1) { events in
            write(format == .csv ? TrailText.csv(events) : TrailText.jsonLines(events))
            return true
        }
        try sink?.close()
    }
}
