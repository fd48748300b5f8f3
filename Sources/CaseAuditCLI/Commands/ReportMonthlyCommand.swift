import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ReportMonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly quality summary: HTML, Markdown, CSV and JSON.",
        discussion: """
            For the files drawn for audit in the month, per checklist version: files audited out of \
            files sampled, the grade distribution (auditors' judgements), the share good or better \
            with a 95% Wilson interval, and each item's compliance rate, for the council, each team, \
            each manager's line (TM, SM, AD), each auditor level and each case type; the trend over \
            12 months; actions raised, done and overdue. When files had unequal chances of being \
            drawn, the council's share is also estimated for all open cases, weighting by inclusion \
            probability. Cells based on fewer than --min-cell files show "<5" unless --detail.
            """
    )

    @Option(help: "The month whose samples to report, YYYY-MM.")
    var month: MonthArgument

    @Option(help: "The formats to write, comma-separated.")
    var format: ReportFormats = .all

    @Option(name: [.short, .customLong("out")], help: "The folder to write to (default: Reports/out/YYYY-MM/).")
    var out: String?

    @Option(help: "The folder of report templates (default: $CASEAUDIT_TEMPLATES, else Reports/templates).")
    var templates: String?

    @OptionGroup var small: SuppressionOptions
    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let request = MonthlyPublication.Request(
            month: month.month, formats: format.formats, folder: out ?? "Reports/out/\(month.month)",
            templates: templates ?? console.environment("CASEAUDIT_TEMPLATES") ?? "Reports/templates",
            suppression: small.suppression)
        let published = try MonthlyPublication.publish(
            request, by: try Caller.current(in: database), store: database, today: console.today())
        console.write(published.text)
    }
}
