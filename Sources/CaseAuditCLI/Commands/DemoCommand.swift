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
            list) into a fresh database, summarises the population and draws next month's sample with a \
            fixed seed. Later releases add scoring and the monthly summary.
            """
    )

    static let defaultDatabase = "Reports/out/demo/caseaudit.sqlite"
    static let seed: UInt64 = 20_261_201

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "The folder with org.csv and cases.csv.")
    var samples: String = "Samples"

    @Option(help: "The demo's database: made fresh each run (default \(Self.defaultDatabase)); any other path must not exist yet.")
    var database: String?

    @Option(help: "The checklist to show in full and to draw the sample for.")
    var show: String = "climbie-compliance"

    func run() throws {
        let console = Console.current
        let directory = location.resolved(console)
        let shown = try checklists(directory, console)
        let store = try freshStore(console)

        console.write("\n== The demo council (\(samples)/): org chart and case list into \(store.path)\n\n")
        do {
            let chart = try OrgChartImport.read(file: "\(samples)/org.csv")
            try store.replaceOrgChart(chart, source: "\(samples)/org.csv")
            console.write("Org chart: \(chart.people.count) people, \(chart.teams.count) teams\n")
            let cases = try CaseListCSVImport.read(file: "\(samples)/cases.csv")
            let snapshot = try store.addCaseSnapshot(cases, source: "\(samples)/cases.csv")
            console.write(CaseSummary(snapshot: snapshot, counts: try store.caseCounts(snapshot: snapshot.id)).table())

            let month = AuditMonth.following(console.today())
            let parameters = SampleParameters(
                month: month, checklistID: shown.checklist.id, size: .perStratum(2), strata: [.team],
                caseTypes: shown.checklist.caseTypes, seed: Self.seed)
            let details = Dictionary(cases.records.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
            let drawn = StratifiedSampler.draw(cases.records, parameters: parameters)
            let allocations = AuditorAllocator.allocate(drawn, chart: chart, quota: .standard, allowOwnLine: false)
            let sample = try store.addSample(parameters, snapshot: snapshot.id, cases: drawn.allocated(allocations))
            console.write("\n== Next month's sample (caseaudit sample draw --month \(month) --checklist \(shown.checklist.id) --per-team 2 --seed \(Self.seed) --quota \(AuditorQuota.standard.description))\n\n")
            console.write(SampleReport.drawn(sample))
            console.write("\n" + SampleReport.table(sample, cases: details, chart: chart))
            try score(sample, checklist: shown.checklist, month: month, store: store, console: console)
        } catch let error as InputError {
            throw console.reject(error)
        } catch let error as StoreError {
            throw console.reject(error)
        }
        console.write("\nThe database is at \(store.path); try `caseaudit cases summary --database \(store.path)`.\n")
    }

    /// Keys in a generated paper audit for every allocated file, as `audit score --answers`
    /// does; one file in eight is left half-done, as an interrupted auditor leaves it.
    private func score(_ sample: StoredSample, checklist: Checklist, month: AuditMonth, store: SQLiteStore, console: Console) throws {
        let folder = (store.path as NSString).deletingLastPathComponent + "/answers"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        console.write("\n== Scoring the sample from paper audits: generated demo sheets in \(folder)/ (caseaudit audit score CASE --auditor ID --answers FILE --submit)\n\n")
        var rows: [[String]] = []
        var unfinished: AuditAllocation?
        var shown: Int64?
        for (index, drawn) in sample.cases.filter({ $0.auditorID != nil }).enumerated() {
            let complete = index % 8 != 7
            let sheet = SyntheticAnswers.sheet(
                for: checklist, caseReference: drawn.reference, worker: drawn.worker, due: month.lastDay.adding(days: 30),
                seed: Self.seed, complete: complete)
            let path = "\(folder)/demo-\(drawn.reference).csv"
            try Data(sheet.csv.utf8).write(to: URL(fileURLWithPath: path))
            let opening = try AuditOpening(
                caseReference: drawn.reference, auditor: drawn.auditorID ?? "", database: store, directory: location, console: console)
            let keyed = try PaperAudit.keyIn(path, opening: opening, database: store, submit: complete, console: console)
            let progress = keyed.checked.session.progress
            if !complete && unfinished == nil { unfinished = opening.allocation }
            if keyed.checked.judgement != nil && shown == nil { shown = keyed.audit.id }
            rows.append([
                drawn.reference, drawn.team ?? "", drawn.auditorID ?? "", "\(progress.answered) of \(progress.asked)",
                keyed.checked.session.grade.band?.grade ?? "", keyed.submitted?.grade ?? "", String(keyed.checked.actions.count),
                keyed.submitted == nil ? "in-progress" : "submitted",
            ])
        }
        console.write(
            TextTable(headers: ["CASE", "TEAM", "AUDITOR", "ANSWERED", "COMPUTED", "JUDGEMENT", "ACTIONS", "STATUS"], rows: rows).render())
        if let shown, let record = try store.audit(id: shown) {
            console.write("\n== An audit whose judgement differs from its computed grade (caseaudit audit show \(shown))\n\n")
            console.write(AuditReport(record, checklist: checklist).text)
        }
        if let unfinished {
            console.write(
                "\nFinish a half-done audit on the scoring screen (in a terminal):\n  caseaudit audit score \(unfinished.caseReference) --auditor \(unfinished.auditorID) --database \(store.path)\n"
            )
        }
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
        console.write("== Checklists in \(directory): validated against \(ChecklistFormat.schemaFileName) and the format's rules\n\n")
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
        return shown
    }

    /// The demo's own database, made fresh: its default file is replaced; a path the user
    /// names must not exist, so the demo can never overwrite real data.
    private func freshStore(_ console: Console) throws -> SQLiteStore {
        let path = database ?? Self.defaultDatabase
        let manager = FileManager.default
        if database == nil {
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
            try? manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } else if manager.fileExists(atPath: path) {
            console.writeError("caseaudit: error: \(path) exists: the demo only writes to a new database\n")
            throw ExitCode(1)
        }
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw console.reject(error)
        }
    }
}
