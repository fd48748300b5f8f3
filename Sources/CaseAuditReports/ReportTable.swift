import CaseAudit

/// One table of a published report: what the CSV files, the Markdown and the HTML show.
public struct ReportTable: Sendable, Hashable, Encodable {
    /// File-name stem for the CSV (e.g. "climbie-compliance-1.0.0-teams").
    public var name: String
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
}

/// Small numbers: in published reports a cell based on fewer than `minimum` files shows
/// "<minimum", so that nobody can be recognised from a team's handful of files; `detail`
/// (internal use) shows everything.
public struct Suppression: Sendable, Hashable {
    public var minimum: Int
    public var detail: Bool

    public init(minimum: Int = 5, detail: Bool = false) {
        self.minimum = minimum
        self.detail = detail
    }

    public func hides(_ files: Int) -> Bool { !detail && files > 0 && files < minimum }

    public var marker: String { "<\(minimum)" }

    /// A count of files, or the marker.
    func count(_ value: Int, basedOn files: Int) -> String { hides(files) ? marker : String(value) }

    func share(_ value: Double?, basedOn files: Int) -> String {
        guard let value else { return "–" }
        return hides(files) ? marker : Number.percentToATenth(value)
    }

    func interval(_ value: WilsonInterval?, basedOn files: Int) -> String {
        guard let value else { return "–" }
        return hides(files) ? marker : "\(Number.percentToATenth(value.lower))–\(Number.percentToATenth(value.upper))"
    }
}

extension MonthlySummary {
    /// Every table of the summary, with small numbers suppressed as `suppression` says.
    public func tables(_ suppression: Suppression) -> [ReportTable] {
        var tables: [ReportTable] = []
        for section in sections {
            let stem = "\(section.checklist)-\(section.version)"
            let gradeHeaders = section.council.grades.map(\.label)
            func row(_ group: GroupFigures, sampled: Bool = true) -> [String] {
                let files = group.audited
                return (sampled ? [String(group.sampled)] : []) + [suppression.count(files, basedOn: files)]
                    + group.grades.map { suppression.count($0.files, basedOn: files) }
                    + [
                        suppression.share(group.goodOrBetterShare, basedOn: files),
                        suppression.interval(group.goodOrBetterInterval, basedOn: files),
                        suppression.count(group.judgedDifferently, basedOn: files),
                    ]
            }
            let figureHeaders = ["Audited"] + gradeHeaders + ["Good or better", "95% interval", "Judged differently"]
            tables.append(
                ReportTable(
                    name: "\(stem)-teams", title: "\(section.title) \(section.version): by team",
                    headers: ["Team", "Sampled"] + figureHeaders,
                    rows: section.teams.map { [$0.name] + row($0) } + [["Council"] + row(section.council)]))
            tables.append(
                ReportTable(
                    name: "\(stem)-management", title: "\(section.title) \(section.version): by management line",
                    headers: ["Level", "Manager", "Teams", "Sampled"] + figureHeaders,
                    rows: section.managementLines.map {
                        [$0.level, $0.manager, $0.teams.joined(separator: "; ")] + row($0.figures)
                    }))
            tables.append(
                ReportTable(
                    name: "\(stem)-auditor-levels",
                    title: "\(section.title) \(section.version): by the auditor's level",
                    headers: ["Auditor level"] + figureHeaders,
                    rows: section.auditorLevels.map { [$0.name] + row($0, sampled: false) }))
            tables.append(
                ReportTable(
                    name: "\(stem)-case-types", title: "\(section.title) \(section.version): by case type",
                    headers: ["Case type", "Sampled"] + figureHeaders,
                    rows: section.caseTypes.map { [$0.name] + row($0) }))
            tables.append(
                ReportTable(
                    name: "\(stem)-items", title: "\(section.title) \(section.version): compliance by item (council)",
                    headers: ["Item", "Question", "Critical", "Compliant", "Answered", "Rate", "95% interval"],
                    rows: section.council.items.map { item in
                        [
                            item.item, item.prompt, item.critical ? "yes" : "",
                            suppression.count(item.compliant, basedOn: item.answered),
                            suppression.count(item.answered, basedOn: item.answered),
                            suppression.share(item.rate, basedOn: item.answered),
                            suppression.interval(item.interval, basedOn: item.answered),
                        ]
                    }))
        }
        tables.append(
            ReportTable(
                name: "trend", title: "Trend: share good or better, last 12 months",
                headers: ["Month", "Checklist", "Audited", "Good or better", "Share"],
                rows: trend.map { point in
                    [
                        point.month, point.checklist, suppression.count(point.audited, basedOn: point.audited),
                        suppression.count(point.goodOrBetter, basedOn: point.audited),
                        suppression.share(point.goodOrBetterShare, basedOn: point.audited),
                    ]
                }))
        tables.append(
            ReportTable(
                name: "actions", title: "Actions raised in this month's audits",
                headers: ["Team", "Raised", "Done", "Open", "Overdue"],
                rows: actionsByTeam.keys.sorted().compactMap { team in
                    actionsByTeam[team].map {
                        [team, String($0.raised), String($0.done), String($0.open), String($0.overdue)]
                    }
                } + [
                    [
                        "Council", String(actions.raised), String(actions.done), String(actions.open),
                        String(actions.overdue),
                    ]
                ]))
        return tables
    }
}
