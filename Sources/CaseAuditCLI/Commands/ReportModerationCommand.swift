import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ReportModerationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderation",
        abstract: "Do auditors and moderators grade alike? The agreement report: HTML, Markdown, CSV and JSON.",
        discussion: """
            For the moderated files drawn in the month (or the --months ending with it), per checklist \
            version: the auditor's grade against the moderator's blind grade over every grade of the \
            scale, percent agreement, Cohen's κ unweighted, linear and quadratic (Fleiss–Cohen–Everitt \
            SE and 95% interval, the null z apart), Gwet's AC1/AC2 and Krippendorff's α; the grades \
            the outcomes moved to better or worse; and the same by auditor, auditor level, team and \
            checklist item. Groups of fewer than --min-cell files show "<5" unless --detail.
            """
    )

    @Option(help: "The month, YYYY-MM: the last of the span with --months.")
    var month: MonthArgument

    @Option(help: "How many months, ending with --month (1 to 24).")
    var months: Int = 1

    @Option(help: "The formats to write, comma-separated.")
    var format: ReportFormats = .all

    @Option(
        name: [.short, .customLong("out")], help: "The folder to write to (default: Reports/out/moderation-YYYY-MM/).")
    var out: String?

    @OptionGroup var small: SuppressionOptions
    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard (1...24).contains(months) else { throw ValidationError("--months must be between 1 and 24") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let last = month.month
        let request = ModerationPublication.Request(
            months: last.subtracting(months: months - 1)...last, formats: format.formats,
            folder: out ?? "Reports/out/moderation-\(last)",
            suppression: small.suppression)
        console.write(
            try ModerationPublication.publish(request, by: try Caller.current(in: database), store: database).text)
    }
}
