import CaseAudit
import CaseAuditFormats

/// `report moderation`: the agreement between auditors and moderators over a span of months,
/// in HTML (with a chart), Markdown, CSV and JSON, small numbers suppressed as in the monthly
/// summary.
public enum ModerationReport {
    /// Every table, per checklist version.
    public static func tables(_ summary: ModerationSummary, _ suppression: Suppression) -> [ReportTable] {
        summary.sections.flatMap { section -> [ReportTable] in
            let stem = "moderation-\(section.checklist)-\(section.version)"
            let title = "\(section.title) v\(section.version)"
            let n = section.council.files
            let cross = ReportTable(
                name: "\(stem)-grades", title: "\(title): the auditor's grade (rows) against the moderator's (columns)",
                headers: ["Auditor's grade"] + section.gradeLabels,
                rows: zip(section.gradeLabels, section.table).map { label, row in
                    [label] + row.map { suppression.count($0, basedOn: n) }
                })
            let coefficients = ReportTable(
                name: "\(stem)-coefficients", title: "\(title): agreement between auditor and moderator",
                headers: ["Coefficient", "Value", "SE", "95% interval", "Null z", "Note"],
                rows: suppression.hides(n)
                    ? [["(fewer than \(suppression.minimum) files)", suppression.marker, "", "", "", ""]]
                    : section.agreement.coefficientRows().filter { !$0[0].contains("interval)") })
            func groups(_ name: String, _ heading: String, _ groups: [ModerationSummary.Group]) -> ReportTable {
                ReportTable(
                    name: "\(stem)-\(name)", title: "\(title): by \(heading)",
                    headers: [
                        heading.prefix(1).uppercased() + heading.dropFirst(), "Moderated", "Same grade", "Agreement",
                        "Moved better", "Moved worse", "Unchanged", "Undecided",
                    ],
                    rows: groups.map { group in
                        let hide = suppression.hides(group.files)
                        func cell(_ value: Int) -> String { hide ? suppression.marker : String(value) }
                        return [
                            group.name, String(group.files), cell(group.sameGrade),
                            hide ? suppression.marker : group.percentAgreement.map(Number.percentToATenth) ?? "–",
                            cell(group.movedBetter), cell(group.movedWorse), cell(group.unchanged),
                            cell(group.undecided),
                        ]
                    })
            }
            let items = ReportTable(
                name: "\(stem)-items", title: "\(title): which questions auditors and moderators answer alike",
                headers: ["Item", "Question", "Both answered", "Agreement", "Krippendorff's alpha (nominal)"],
                rows: section.items.map { item in
                    let hide = suppression.hides(item.files)
                    return [
                        item.item, item.prompt, String(item.files),
                        hide ? suppression.marker : figure(item.percentAgreement, percent: true),
                        hide ? suppression.marker : figure(item.alphaNominal, percent: false),
                    ]
                })
            return [
                cross, coefficients, groups("council", "council", [section.council]),
                groups("auditors", "auditor", section.auditors),
                groups("levels", "auditor level", section.auditorLevels),
                groups("teams", "team", section.teams), items,
            ]
        }
    }

    static func figure(_ figure: AgreementFigure, percent: Bool) -> String {
        guard let value = figure.value else { return "undefined (\(figure.undefined ?? ""))" }
        return percent ? Number.percentToATenth(value) : AgreementAnalysis.number(value)
    }

    /// One line per checklist version: what the command and the monthly summary say first.
    public static func headlines(_ summary: ModerationSummary, _ suppression: Suppression) -> [String] {
        summary.sections.map { headline($0, suppression, lineOf: summary.lineOf) }
    }

    /// Whose files the figures take in, after the months or a version: nothing for the council.
    public static func scope(_ summary: ModerationSummary) -> String { scope(lineOf: summary.lineOf) }

    private static func scope(lineOf: String?) -> String { lineOf.map { ", the teams in \($0)'s line" } ?? "" }

    static func headline(_ section: ModerationSummary.Section, _ suppression: Suppression, lineOf: String?) -> String {
        let council = section.council
        let n = council.files
        var text =
            "\(section.title) v\(section.version)\(scope(lineOf: lineOf)): \(Plural.count(n, "file")) moderated"
        guard !suppression.hides(n) else { return text + " (fewer than \(suppression.minimum): figures withheld)" }
        text +=
            "; auditor and moderator gave the same grade in \(council.percentAgreement.map(Number.percent) ?? "–") of them"
        if let kappa = section.agreement.twoRaters.first(where: { $0.weights == .quadratic })?.kappa.value {
            text += ", quadratic-weighted κ \(AgreementAnalysis.number(kappa))"
        }
        if let alpha = section.agreement.alphaOrdinal.value {
            text += ", ordinal α \(AgreementAnalysis.number(alpha))"
        }
        text +=
            "; moderation moved \(council.movedBetter) to a better grade and \(council.movedWorse) to a worse one, \(council.unchanged) unchanged"
        if council.undecided > 0 { text += ", \(council.undecided) not decided yet" }
        if n < AgreementAnalysis.indicativeBelow { text += " (fewer than 30 files: indicative)" }
        return text
    }

    public static func files(
        _ summary: ModerationSummary, formats: [MonthlyReport.Format], suppression: Suppression,
        trailHead: TrailHead? = nil
    ) -> [(path: String, text: String)] {
        let tables = tables(summary, suppression)
        var files: [(String, String)] = []
        for format in formats {
            switch format {
            case .md: files.append(("moderation.md", markdown(summary, tables, suppression, trailHead)))
            case .html: files.append(("moderation.html", html(summary, tables, suppression, trailHead)))
            case .csv:
                for table in tables {
                    files.append(("csv/\(table.name).csv", CSVWriter.render([table.headers] + table.rows)))
                }
            case .json:
                files.append(
                    (
                        "moderation.json",
                        JSONOutput.render(
                            ModerationJSON(
                                months: summary.months, teamsInLineOf: summary.lineOf, files: summary.files,
                                headlines: headlines(summary, suppression), tables: tables,
                                figures: suppression.detail ? summary : nil,
                                trailHead: trailHead.map { ["seq": String($0.seq), "sha256": $0.hash] }))
                    ))
            }
        }
        return files
    }

    struct ModerationJSON: Encodable {
        var months: String
        /// A senior manager's figures: whose line they take in.
        var teamsInLineOf: String?
        var files: Int
        var headlines: [String]
        var tables: [ReportTable]
        var figures: ModerationSummary?
        var trailHead: [String: String]?
    }

    static let method =
        "Agreement is between the auditor's grade and the moderator's own, given blind; the outcome is what the moderator then decided. κ with the Fleiss–Cohen–Everitt non-null SE and 95% interval, the null z apart; Gwet's AC1/AC2; Krippendorff's α (ordinal for grades, nominal for items). Fewer than 30 files: indicative."

    static func markdown(
        _ summary: ModerationSummary, _ tables: [ReportTable], _ suppression: Suppression, _ head: TrailHead?
    ) -> String {
        let months = summary.months + scope(summary)
        var out = "# Moderation: \(MarkdownText.escape(months))\n\n"
        if summary.sections.isEmpty { out += "No moderation was submitted for files drawn in \(months).\n" }
        for line in headlines(summary, suppression) { out += "- \(MarkdownText.escape(line)).\n" }
        out += "\n\(method)\n"
        for table in tables {
            out += "\n## \(MarkdownText.escape(table.title))\n\n"
            out += "| " + table.headers.map(MarkdownText.escape).joined(separator: " | ") + " |\n"
            out += "|" + table.headers.map { _ in " --- |" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(MarkdownText.escape).joined(separator: " | ") + " |\n" }
        }
        if let head { out += "\nThe audit trail's head when this was made: event \(head.seq), sha256 \(head.hash).\n" }
        return out
    }

    static func html(
        _ summary: ModerationSummary, _ tables: [ReportTable], _ suppression: Suppression, _ head: TrailHead?
    ) -> String {
        func e(_ text: String) -> String { XMLEscape.escape(text) }
        let months = summary.months + scope(summary)
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Moderation: \(e(months))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
            .note{color:#555;font-size:.9rem}</style></head><body>
            <h1>Moderation: \(e(months))</h1>

            """
        if summary.sections.isEmpty {
            out += "<p>No moderation was submitted for files drawn in \(e(months)).</p>\n"
        }
        for (section, line) in zip(summary.sections, headlines(summary, suppression)) {
            out += "<p>\(e(line)).</p>\n"
            out += chart(section, suppression)
        }
        out += "<p class=\"note\">\(e(method))</p>\n"
        for table in tables {
            out += "<h2>\(e(table.title))</h2>\n<table><tr>"
            out += table.headers.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
            out += "</table>\n"
        }
        if let head {
            out +=
                "<p class=\"note\">The audit trail's head when this was made: event \(head.seq), sha256 \(head.hash).</p>\n"
        }
        return out + "</body></html>\n"
    }

    /// Per auditor level: the decided files moved to a better grade, unchanged and moved to a
    /// worse one, as stacked bars (levels with too few files are left out).
    static func chart(_ section: ModerationSummary.Section, _ suppression: Suppression) -> String {
        let levels = section.auditorLevels.filter { !suppression.hides($0.files) && $0.files > 0 }
        guard !levels.isEmpty else { return "" }
        let width = 520
        let bar = 22
        let height = 30 + levels.count * (bar + 8) + 20
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"Moderation outcomes by auditor level\">"
        svg += "<title>Moderation outcomes by auditor level</title>"
        let colours = ["#2e7d32", "#9e9e9e", "#c62828"]
        let names = ["moved better", "unchanged", "moved worse"]
        for (index, name) in names.enumerated() {
            svg +=
                "<rect x=\"\(60 + index * 150)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(colours[index])\"/><text x=\"\(76 + index * 150)\" y=\"16\" font-size=\"12\">\(name)</text>"
        }
        for (row, level) in levels.enumerated() {
            let y = 30 + row * (bar + 8)
            svg +=
                "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(XMLEscape.escape(level.name))</text>"
            let parts = [level.movedBetter, level.unchanged, level.movedWorse]
            let total = max(1, parts.reduce(0, +))
            var x = 60.0
            for (index, part) in parts.enumerated() where part > 0 {
                let length = Double(width - 70) * Double(part) / Double(total)
                svg +=
                    "<rect x=\"\(Int(x))\" y=\"\(y)\" width=\"\(max(1, Int(length)))\" height=\"\(bar)\" fill=\"\(colours[index])\"><title>\(names[index]): \(part)</title></rect>"
                x += length
            }
        }
        return svg + "</svg>\n"
    }
}
