import ArgumentParser
import CaseAudit
import CaseAuditStore
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
    static let seed: UInt64 = 20_261_201
    static let months = 6
    static let perTeam = 6
    static let quota = AuditorQuota([.teamManager: 6, .serviceManager: 4, .assistantDirector: 2, .director: 1])

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
        let month = AuditMonth.following(console.today()).subtracting(months: 1)
        let details = Dictionary(cases.records.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var sampled: Set<String> = []
        for offset in stride(from: Self.months - 1, through: 0, by: -1) {
            let when = month.subtracting(months: offset)
            let parameters = SampleParameters(
                month: when, checklistID: shown.checklist.id, size: .perStratum(Self.perTeam), strata: [.team],
                caseTypes: shown.checklist.caseTypes, seed: Self.seed &+ UInt64(offset),
                excludeSampledWithinMonths: Self.months)
            let drawn = StratifiedSampler.draw(cases.records, parameters: parameters, excluded: sampled)
            let allocations = AuditorAllocator.allocate(drawn, chart: chart, quota: Self.quota, allowOwnLine: false)
            let sample = try store.addSample(parameters, snapshot: snapshot.id, cases: drawn.allocated(allocations))
            sampled.formUnion(sample.cases.map(\.reference))
            if offset == 0 {
                console.write(
                    "\n== This month's sample (caseaudit sample draw --month \(when) --checklist \(shown.checklist.id) --per-team \(Self.perTeam) --seed \(parameters.seed) --quota \(Self.quota.description) --exclude-audited-within \(Self.months)m)\n\n"
                )
                console.write(SampleReport.drawn(sample))
                console.write("\n" + SampleReport.table(sample, cases: details, chart: chart))
            }
            try score(
                sample, checklist: shown.checklist, month: when, store: store, console: console,
                current: offset == 0)
        }
        // Workers have done most of the earlier months' actions; the rest stay open (some overdue).
        for action in try store.actionListings() where action.due < month.lastDay && action.id % 3 != 0 {
            _ = try store.markActionDone(action.id)
        }
        try report(month, store: store, console: console)
        console.write(
            "\nThe database is at \(store.location); try `caseaudit cases summary --database \(store.location)`.\n")
    }

    /// Keys in a generated paper audit for every allocated file, as `audit score --answers`
    /// does; one file in eight is left half-done, as an interrupted auditor leaves it.
    private func score(
        _ sample: StoredSample, checklist: Checklist, month: AuditMonth, store: any CaseAuditStore, console: Console,
        current: Bool
    ) throws {
        let folder = (store.location as NSString).deletingLastPathComponent + "/answers/\(month)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var rows: [[String]] = []
        var unfinished: AuditAllocation?
        var shown: Int64?
        for (index, drawn) in sample.cases.filter({ $0.auditorID != nil }).enumerated() {
            let complete = !current || index % 8 != 7
            let sheet = SyntheticAnswers.sheet(
                for: checklist, caseReference: drawn.reference, worker: drawn.worker,
                due: month.lastDay.adding(days: 30),
                seed: Self.seed, complete: complete)
            let path = "\(folder)/demo-\(drawn.reference).csv"
            try Data(sheet.csv.utf8).write(to: URL(fileURLWithPath: path))
            let opening = try AuditOpening.open(
                caseReference: drawn.reference, auditor: drawn.auditorID ?? "", database: store, directory: location,
                console: console)
            // A past month's audits were keyed in during that month: their actions were due
            // after that, not after today.
            let keyedOn = min(month.lastDay, console.today())
            let keyed = try PaperAudit.keyIn(path, opening: opening, store: store, submit: complete, today: keyedOn)
            if let refused = keyed.notSubmitted { throw refused }
            let progress = keyed.checked.session.progress
            if !complete && unfinished == nil { unfinished = opening.allocation }
            if keyed.checked.judgement != nil && shown == nil { shown = keyed.audit.id }
            rows.append([
                drawn.reference, drawn.team ?? "", drawn.auditorID ?? "", "\(progress.answered) of \(progress.asked)",
                keyed.checked.session.grade.band?.grade ?? "", keyed.submitted?.grade ?? "",
                String(keyed.checked.actions.count),
                keyed.submitted == nil ? "in-progress" : "submitted",
            ])
        }
        guard current else {
            let done = rows.count { $0.last == "submitted" }
            console.write(
                "\(month): \(done) of \(rows.count) files scored and submitted from the sheets in \(folder)/\n")
            return
        }
        console.write(
            "\n== Scoring this month's sample from paper audits: generated demo sheets in \(folder)/ (caseaudit audit score CASE --auditor ID --answers FILE --submit)\n\n"
        )
        console.write(
            TextTable(
                headers: ["CASE", "TEAM", "AUDITOR", "ANSWERED", "COMPUTED", "JUDGEMENT", "ACTIONS", "STATUS"],
                rows: rows
            ).render())
        if let shown, let record = try store.audit(id: shown) {
            console.write(
                "\n== An audit whose judgement differs from its computed grade (caseaudit audit show \(shown))\n\n")
            console.write(AuditReport(record, checklist: checklist).text)
        }
        if let unfinished {
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

        let summary = try ReportMonthlyCommand.summary(
            month: month, database: store, today: console.today(), console: console)
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
