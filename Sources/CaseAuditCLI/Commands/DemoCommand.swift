import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports
import CaseAuditStore
import CaseAuditSynthetic
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the shipped samples, in a fresh database.",
        discussion: """
            Validates the shipped checklists, imports the demo council from Samples/ (org chart and case \
            list) into a fresh database and summarises the population; then runs six months of the \
            programme: each month's sample drawn with a fixed seed and allocated, its files scored from \
            paper audits (this month's left partly unfinished), actions raised and most done; and \
            publishes the monthly quality summary in every format.
            """
    )

    static let defaultDatabase = "Reports/out/demo/caseaudit.sqlite"

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "The folder with org.csv and cases.csv.")
    var samples: String = "Samples"

    @Option(
        help:
            "The demo's database: made fresh each run (default \(Self.defaultDatabase)); any other path must not exist yet."
    )
    var database: String?

    @Option(help: "The report templates.")
    var reportTemplates: String = "Reports/templates"

    @Option(help: "The checklist to show in full and to draw the sample for.")
    var show: String = "climbie-compliance"

    func run() throws {
        let console = Console.current
        let directory = location.resolved(console)
        let shown = try checklists(directory, console)
        let store = try freshStore(console)

        console.write("\n== The demo council (\(samples)/): org chart and case list into \(store.location)\n\n")
        let chart = try OrgChartImport.read(file: "\(samples)/org.csv")
        try store.replaceOrgChart(chart, source: "\(samples)/org.csv")
        console.write("Org chart: \(chart.people.count) people, \(chart.teams.count) teams\n")
        let cases = try CaseListCSVImport.read(file: "\(samples)/cases.csv")
        let snapshot = try store.addCaseSnapshot(cases, source: "\(samples)/cases.csv")
        console.write(CaseSummary(snapshot: snapshot, counts: try store.caseCounts(snapshot: snapshot.id)).table())

        // Six months of audits, so the summary has a trend: each month's sample drawn with the
        // demo's seed and scored from generated sheets; this month's left partly unfinished.
        let details = Dictionary(cases.records.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let folder = (store.location as NSString).deletingLastPathComponent + "/answers"
        var current: AuditMonth?
        try DemoProgramme.run(
            store: store, chart: chart, cases: cases, snapshot: snapshot, checklist: shown, today: console.today(),
            sheetPath: { month, reference in "\(folder)/\(month)/demo-\(reference).csv" },
            writeSheet: { path, text in
                try? FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
        ) { month in
            if month.isCurrent {
                current = month.month
                let parameters = month.sample.parameters
                console.write(
                    "\n== This month's sample (caseaudit sample draw --month \(month.month) --checklist \(shown.checklist.id) --per-team \(DemoProgramme.perTeam) --seed \(parameters.seed) --quota \(DemoProgramme.quota.description) --exclude-audited-within \(DemoProgramme.months)m)\n\n"
                )
                console.write(SampleReport.drawn(month.sample))
                console.write("\n" + SampleReport.table(month.sample, cases: details, chart: chart))
            }
            try show(
                month, checklist: shown.checklist, folder: "\(folder)/\(month.month)", store: store, console: console)
        }
        if let current { try report(current, store: store, console: console) }
        console.write(
            "\nThe database is at \(store.location); try `caseaudit cases summary --database \(store.location)`.\n")
    }

    /// What a month's keying came to: a line for a past month; this month's files in a table,
    /// an audit whose judgement differs, and how to finish a half-done one.
    private func show(
        _ month: DemoProgramme.Month, checklist: Checklist, folder: String, store: any CaseAuditStore, console: Console
    ) throws {
        let rows = month.files.map { file -> [String] in
            let keyed = file.keyed
            let progress = keyed.checked.session.progress
            return [
                file.allocation.caseReference, file.allocation.team ?? "", file.allocation.auditorID,
                "\(progress.answered) of \(progress.asked)", keyed.checked.session.grade.band?.grade ?? "",
                keyed.submitted?.grade ?? "", String(keyed.checked.actions.count),
                keyed.submitted == nil ? "in-progress" : "submitted",
            ]
        }
        guard month.isCurrent else {
            let done = month.files.count { $0.keyed.submitted != nil }
            console.write(
                "\(month.month): \(done) of \(rows.count) files scored and submitted from the sheets in \(folder)/\n")
            return
        }
        console.write(
            "\n== Scoring this month's sample from paper audits: generated demo sheets in \(folder)/ (caseaudit audit score CASE --auditor ID --answers FILE --submit)\n\n"
        )
        console.write(
            TextTable(
                headers: ["CASE", "TEAM", "AUDITOR", "ANSWERED", "COMPUTED", "JUDGEMENT", "ACTIONS", "STATUS"],
                rows: rows
            )
            .render())
        if let shown = month.files.first(where: { $0.keyed.checked.judgement != nil })?.keyed.audit.id,
            let record = try store.audit(id: shown)
        {
            console.write(
                "\n== An audit whose judgement differs from its computed grade (caseaudit audit show \(shown))\n\n")
            console.write(AuditReport(record, checklist: checklist).text)
        }
        if let unfinished = month.files.first(where: { $0.keyed.submitted == nil })?.allocation {
            console.write(
                "\nFinish a half-done audit on the scoring screen (in a terminal):\n  caseaudit audit score \(unfinished.caseReference) --auditor \(unfinished.auditorID) --database \(store.location)\n"
            )
        }
    }

    /// Renders this month's quality summary next to the demo database.
    private func report(_ month: AuditMonth, store: any CaseAuditStore, console: Console) throws {
        let folder = (store.location as NSString).deletingLastPathComponent + "/report/\(month)"
        let templates: MonthlyReport.Templates
        templates = try MonthlyReport.Templates(directory: "\(reportTemplates)")

        let summary = try MonthlySummary.build(month: month, store: store, today: console.today())
        let files = MonthlyReport.files(
            summary, formats: MonthlyReport.Format.allCases, suppression: Suppression(), templates: templates)
        try ReportFolder.write(files, to: folder)
        console.write("\n== The monthly quality summary for \(month) (caseaudit report monthly --month \(month))\n\n")
        console.write(MonthlyReport.councilLines(summary))
        console.write("Open \(folder)/summary.html in a browser (also summary.md, summary.json and csv/).\n")
    }

    /// Validates and lists the shipped checklists, prints the one to show, and returns it.
    private func checklists(_ directory: String, _ console: Console) throws -> LoadedChecklist {
        let entries: [ChecklistCatalog.Entry]
        do {
            entries = try ChecklistCatalog(directory: directory).loadAll()
        } catch {
            console.writeError("caseaudit: error: \(error.message)\n")
            throw ExitCode(1)
        }
        console.write(
            "== Checklists in \(directory): validated against \(ChecklistFormat.schemaFileName) and the format's rules\n\n"
        )
        var rows: [[String]] = []
        var failures: [Diagnostic] = []
        for entry in entries {
            switch entry.result {
            case .success(let loaded):
                let summary = ChecklistSummary(loaded)
                rows.append([
                    summary.id, summary.version, String(summary.items), String(summary.criticalItems),
                    String(summary.conditionalItems), loaded.contentHash.map { "sha256:\($0.short)" } ?? "", "valid",
                ])
            case .failure(let failure):
                rows.append([entry.path, "", "", "", "", "", "INVALID"])
                failures += failure.diagnostics
            }
        }
        console.write(
            TextTable(headers: ["ID", "VERSION", "ITEMS", "CRITICAL", "CONDITIONAL", "HASH", "STATUS"], rows: rows)
                .render())
        if !failures.isEmpty {
            DiagnosticPrinter.print(failures, to: console)
            throw ExitCode(1)
        }
        guard let shown = entries.compactMap({ try? $0.result.get() }).first(where: { $0.checklist.id == show }) else {
            console.writeError("caseaudit: error: no checklist with id '\(show)' in \(directory)\n")
            throw ExitCode(1)
        }
        console.write(
            "\n== \(shown.checklist.id), as an auditor reads it (caseaudit checklist show \(shown.checklist.id))\n\n")
        console.write(ChecklistOutline.render(shown))
        return shown
    }

    /// The demo's own database, made fresh: its default file is replaced; a path the user
    /// names must not exist, so the demo can never overwrite real data.
    private func freshStore(_ console: Console) throws -> any CaseAuditStore {
        let path = database ?? Self.defaultDatabase
        if database != nil && StoreFactory.exists(path) {
            console.writeError("caseaudit: error: \(path) exists: the demo only writes to a new database\n")
            throw ExitCode(1)
        }
        return database == nil
            ? try StoreFactory.fresh(path, clock: console.clock)
            : try StoreFactory.open(path, creating: true, clock: console.clock)

    }
}
