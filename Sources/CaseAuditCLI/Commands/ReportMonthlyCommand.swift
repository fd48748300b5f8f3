import ArgumentParser
import CaseAudit
import Foundation

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

    @Option(
        name: .customLong("min-cell"), help: "Cells based on fewer files than this show \"<N\" in published formats.")
    var minimumCell: Int = 5

    @Flag(help: "Show every figure, small numbers included (for internal use only).")
    var detail = false

    @OptionGroup var store: DatabaseOption

    /// The folder as given, without trailing slashes (so messages say `board-papers/summary.md`).
    static func folder(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    func validate() throws {
        if minimumCell < 1 { throw ValidationError("--min-cell must be at least 1") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let month = month.month
        let folder = Self.folder(out ?? "Reports/out/\(month)")
        let suppression = Suppression(minimum: minimumCell, detail: detail)
        var loadedTemplates: MonthlyReport.Templates?
        if format.formats.contains(where: { $0 == .html || $0 == .md }) {
            let directory = templates ?? console.environment("CASEAUDIT_TEMPLATES") ?? "Reports/templates"
            loadedTemplates = try MonthlyReport.Templates(directory: directory)

        }
        let summary: MonthlySummary
        summary = try Self.summary(
            month: month, database: database, today: console.today(), detail: detail, console: console)

        let files = MonthlyReport.files(
            summary, formats: format.formats, suppression: suppression, templates: loadedTemplates)
        do {
            try ReportFolder.write(files, to: folder)
        } catch {
            console.writeError(
                "caseaudit: error: \(folder): cannot write the report: \(WriteFailure.describe(error))\n")
            throw ExitCode(1)
        }
        if summary.audited == 0 {
            console.write("No audits were submitted for files drawn in \(month): the report says so.\n")
        } else {
            console.write(MonthlyReport.councilLines(summary))
        }
        let main = files.first { $0.path == "summary.html" } ?? files.first
        console.write(
            "Wrote \(Plural.count(files.count, "file")) to \(folder)/\(main.map { "; open \(folder)/\($0.path)" } ?? "")\n"
        )
    }

    /// Everything the month's summary needs, from the store's roll-ups. Item figures by group
    /// are read only for `--detail` (the published tables show the council's). (Reading on a
    /// second connection in parallel was measured slower: a second open and thread cost more
    /// than the few milliseconds of reads they overlapped.)
    static func summary(
        month: AuditMonth, database: any CaseAuditStore, today: CalendarDate, detail: Bool = true, console: Console
    ) throws
        -> MonthlySummary
    {
        let grades = try database.gradeCells(months: month...month)
        let trend = try database.trendCells(months: month.subtracting(months: 11)...month)
        var checklists: [String: Checklist] = [:]
        for hash in Set(trend.map(\.checklistHash)) {
            guard let pinned = try database.pinnedChecklist(hash: hash) else { continue }
            checklists[hash] = try AuditOpening.checklist(of: pinned)
        }
        let managers: [ManagerLevel] = [.teamManager, .serviceManager, .assistantDirector, .director]
        return MonthlySummary(
            month: month, today: today, grades: grades, items: try database.itemCells(month: month, byGroup: detail),
            itemsByGroup: detail,
            trendGrades: trend, sampled: try database.sampledCounts(month: month),
            actions: try database.actionRecords(months: month.subtracting(months: 11)...month), checklists: checklists,
            chart: try database.orgChart(levels: managers))
    }
}
