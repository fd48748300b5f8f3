import CaseAudit
import CaseAuditFormats
import CaseAuditReports
import Foundation

/// The demo, end to end on the shipped samples: validates the checklists, imports the demo
/// council, runs six months of the programme (`DemoProgramme`) and publishes this month's
/// summary, telling the story as it goes. The use case behind `caseaudit demo`.
public struct DemoRun {
    /// The folder of checklists, and the one to show in full and draw for.
    public var directory: String
    public var show: String
    /// The folder with org.csv and cases.csv.
    public var samples: String
    public var reportTemplates: String
    public var today: CalendarDate
    /// Where the demo's answer sheets and report go.
    public var output: String

    public init(
        directory: String, show: String, samples: String, reportTemplates: String, today: CalendarDate, output: String
    ) {
        self.directory = directory
        self.show = show
        self.samples = samples
        self.reportTemplates = reportTemplates
        self.today = today
        self.output = output
    }

    /// Runs the demo: `openStore` makes its database once the checklists are found valid;
    /// `say` hears each part of the story as it happens.
    public func run(openStore: () throws -> any CaseAuditStore, say: (String) -> Void) throws {
        let shown = try checklists(say)
        let store = try openStore()

        say("\n== The demo council (\(samples)/): org chart and case list into \(store.location)\n\n")
        let (chart, source) = try OrgChartImport.readForImport(file: "\(samples)/org.csv")
        try store.replaceOrgChart(chart, source: source)
        say("Org chart: \(chart.people.count) people, \(chart.teams.count) teams\n")
        let cases = try CaseListCSVImport.read(file: "\(samples)/cases.csv")
        let snapshot = try store.addCaseSnapshot(
            cases, source: ImportSource(name: "\(samples)/cases.csv", sha256: cases.sha256))
        say(CaseSummary(snapshot: snapshot, counts: try store.caseCounts(snapshot: snapshot.id)).table())

        // Six months of audits, so the summary has a trend: each month's sample drawn with the
        // demo's seed and scored from generated sheets; this month's left partly unfinished.
        let details = Dictionary(cases.records.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let folder = output + "/answers"
        var current: AuditMonth?
        try DemoProgramme.run(
            store: store, chart: chart, cases: cases, snapshot: snapshot, checklist: shown, today: today,
            sheetPath: { month, reference in "\(folder)/\(month)/demo-\(reference).csv" },
            writeSheet: { path, text in
                try OutputFiles.write(
                    [(path: (path as NSString).lastPathComponent, text: text)],
                    to: (path as NSString).deletingLastPathComponent, what: "the demo's answer sheet")
            }
        ) { month in
            if month.isCurrent {
                current = month.month
                let parameters = month.sample.parameters
                say(
                    "\n== This month's sample (caseaudit sample draw --month \(month.month) --checklist \(shown.checklist.id) --per-team \(DemoProgramme.perTeam) --seed \(parameters.seed) --quota \(DemoProgramme.quota.description) --exclude-audited-within \(DemoProgramme.months)m)\n\n"
                )
                say(SampleReport.drawn(month.sample))
                say("\n" + SampleReport.table(month.sample, cases: details, chart: chart))
            }
            try show(
                month, checklist: shown.checklist, folder: "\(folder)/\(month.month)", store: store, say: say)
        }
        if let current {
            try moderate(current, store: store, checklist: shown, folder: output + "/moderation/\(current)", say: say)
            try report(current, store: store, say: say)
        }
        try trail(store, say: say)
        say(
            "\nThe database is at \(store.location); try `caseaudit cases summary --database \(ShellWord.quoted(store.location))`.\n"
        )
    }

    /// What a month's keying came to: a line for a past month; this month's files in a table,
    /// an audit whose judgement differs, and how to finish a half-done one.
    private func show(
        _ month: DemoProgramme.Month, checklist: Checklist, folder: String, store: any CaseAuditStore,
        say: (String) -> Void
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
            say(
                "\(month.month): \(done) of \(rows.count) files scored and submitted from the sheets in \(folder)/\n")
            return
        }
        say(
            "\n== Scoring this month's sample from paper audits: generated demo sheets in \(folder)/ (caseaudit audit score CASE --on-behalf-of ID --answers FILE --submit)\n\n"
        )
        say(
            TextTable(
                headers: ["CASE", "TEAM", "AUDITOR", "ANSWERED", "COMPUTED", "JUDGEMENT", "ACTIONS", "STATUS"],
                rows: rows
            )
            .render())
        if let shown = month.files.first(where: { $0.keyed.checked.judgement != nil })?.keyed.audit.id,
            let record = try store.audit(id: shown)
        {
            say(
                "\n== An audit whose judgement differs from its computed grade (caseaudit audit show \(shown))\n\n")
            say(AuditReport(record, checklist: checklist).text)
        }
        if let unfinished = month.files.first(where: { $0.keyed.submitted == nil })?.allocation {
            say(
                "\nFinish a half-done audit on the scoring screen (in a terminal):\n  caseaudit audit score \(ShellWord.quoted(unfinished.caseReference)) --on-behalf-of \(ShellWord.quoted(unfinished.auditorID)) --database \(ShellWord.quoted(store.location))\n"
            )
        }
    }

    /// The trail the programme left: what kinds of event, and the chain verified.
    private func trail(_ store: any CaseAuditStore, say: (String) -> Void) throws {
        var counts: [String: Int] = [:]
        var verifier = TrailVerifier()
        try store.scanTrail(from: 1) { events in
            for event in events { counts[event.action, default: 0] += 1 }
            return verifier.feed(events)
        }
        say(
            "\n== The trail: every change above is an event, hash-chained (caseaudit log show, caseaudit log verify)\n\n"
        )
        say(
            TextTable(
                headers: ["EVENT", "COUNT"], rows: counts.keys.sorted().map { [$0, String(counts[$0] ?? 0)] }
            ).render())
        switch verifier.finish() {
        case .intact(let head, let events):
            say("Verified: \(Plural.count(Int(events), "event")), intact; head \(head?.description ?? "none")\n")
        case .broken(let broken, _):
            say("The trail is broken: \(broken.message)\n")
        }
    }

    /// This month's moderation: drawn, scored blind from moderators' sheets, decided, and its
    /// agreement report published beside the summary.
    private func moderate(
        _ month: AuditMonth, store: any CaseAuditStore, checklist: LoadedChecklist, folder: String,
        say: (String) -> Void
    ) throws {
        let result = try DemoModeration.run(
            month: month, store: store, checklist: checklist, today: today,
            sheetPath: { "\(folder)/moderation-\($0).csv" },
            writeSheet: { path, text in
                try OutputFiles.write(
                    [(path: (path as NSString).lastPathComponent, text: text)],
                    to: (path as NSString).deletingLastPathComponent, what: "the demo's moderation sheet")
            })
        say(
            "\n== This month's moderation (caseaudit moderation draw --month \(month) --seed \(DemoProgramme.seed))\n\n"
        )
        say(ModerationText.draw(result.draw))
        let changed = result.decided.filter { $0.outcome.decision == .changed }
        say(
            "\nEach moderator scored their files blind (caseaudit audit score CASE --moderation) and decided: \(result.decided.count - changed.count) confirmed, \(changed.count) changed (\(changed.map { "\($0.caseReference) to \($0.outcome.grade)" }.joined(separator: ", "))).\n"
        )
        let request = ModerationPublication.Request(
            months: month...month, formats: MonthlyReport.Format.allCases,
            folder: output + "/report/\(month)/moderation",
            suppression: Suppression())
        let published = try ModerationPublication.publish(request, by: try Caller.current(in: store), store: store)
        say("\n== Do auditors grade alike? (caseaudit report moderation --month \(month))\n\n")
        say(published.text)
    }

    /// Renders this month's quality summary next to the demo database.
    private func report(_ month: AuditMonth, store: any CaseAuditStore, say: (String) -> Void) throws {
        let folder = output + "/report/\(month)"
        let request = MonthlyPublication.Request(
            month: month, formats: MonthlyReport.Format.allCases, folder: folder, templates: reportTemplates,
            suppression: Suppression())
        let published = try MonthlyPublication.publish(
            request, by: try Caller.current(in: store), store: store, today: today)
        say("\n== The monthly quality summary for \(month) (caseaudit report monthly --month \(month))\n\n")
        say(MonthlyReport.councilLines(published.summary))
        say("Open \(folder)/summary.html in a browser (also summary.md, summary.json and csv/).\n")
    }

    /// Validates and lists the shipped checklists, prints the one to show, and returns it.
    private func checklists(_ say: (String) -> Void) throws -> LoadedChecklist {
        let entries = try ChecklistCatalog(directory: directory).loadAll()
        say(
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
        say(
            TextTable(headers: ["ID", "VERSION", "ITEMS", "CRITICAL", "CONDITIONAL", "HASH", "STATUS"], rows: rows)
                .render())
        if !failures.isEmpty { throw InputError(failures) }
        let valid = entries.compactMap { try? $0.result.get() }
        guard let shown = valid.first(where: { $0.checklist.id == show }) else {
            throw ChecklistCatalog.LookupError.notFound(
                id: show, directory: directory, known: valid.map(\.checklist.id))
        }
        say(
            "\n== \(shown.checklist.id), as an auditor reads it (caseaudit checklist show \(shown.checklist.id))\n\n")
        say(ChecklistOutline.render(shown))
        return shown
    }
}
