import CaseAudit
import CaseAuditFormats
import Mustache

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The monthly quality summary's files: HTML (one self-contained page with inline SVG charts,
/// printable on A4), Markdown for board papers, one CSV per table, and JSON. HTML and Markdown
/// come from Mustache templates that a council can restyle without touching code.
public enum MonthlyReport {
    public enum Format: String, Sendable, CaseIterable {
        case html, md, csv, json
    }

    /// The templates, read from a folder (`Reports/templates/` in the repository).
    public struct Templates: Sendable {
        let html: MustacheTemplate
        let markdown: MustacheTemplate

        public static let htmlFile = "monthly.html.mustache"
        public static let markdownFile = "monthly.md.mustache"

        public init(directory: String) throws(InputError) {
            html = try Self.load("\(directory)/\(Self.htmlFile)")
            markdown = try Self.load("\(directory)/\(Self.markdownFile)")
        }

        private static func load(_ path: String) throws(InputError) -> MustacheTemplate {
            let bytes = try FileContents.readInput(path, limit: 4 * 1024 * 1024)
            do {
                return try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw InputError(.syntax, at: SourceLocation(file: path), "not a valid Mustache template: \(error)")
            }
        }
    }

    /// The files to write, by path relative to the output folder.
    /// Each file names `trailHead`, the trail's head as it was published, so the figures can
    /// be tied to the events they came from.
    public static func files(
        _ summary: MonthlySummary, formats: [Format], suppression: Suppression, templates: Templates?,
        trailHead: TrailHead? = nil
    ) -> [(path: String, text: String)] {
        let tables = summary.tables(suppression)
        var files: [(String, String)] = []
        for format in formats {
            switch format {
            case .html:
                if let templates {
                    files.append(
                        (
                            "summary.html",
                            templates.html.render(context(summary, tables, suppression, html: true, head: trailHead))
                        ))
                }
            case .md:
                if let templates {
                    files.append(
                        (
                            "summary.md",
                            templates.markdown.render(
                                context(summary, tables, suppression, html: false, head: trailHead))
                        ))
                }
            case .csv:
                for table in tables {
                    files.append(("csv/\(table.name).csv", CSVWriter.render([table.headers] + table.rows)))
                }
                if let trailHead {
                    files.append(
                        (
                            "csv/trail_head.csv",
                            CSVWriter.render([["trail_event", "sha256"], [String(trailHead.seq), trailHead.hash]])
                        ))
                }
            case .json:
                files.append(("summary.json", json(summary, tables, suppression, head: trailHead)))
            }
        }
        return files
    }

    /// One line per checklist version: files audited of sampled, and the share good or better
    /// (what `report monthly` and the demo print).
    public static func councilLines(_ summary: MonthlySummary) -> String {
        summary.sections.map { section in
            let council = section.council
            return
                "\(section.checklist) \(section.version): \(council.audited) of \(council.sampled) sampled files audited; good or better \(council.goodOrBetterShare.map(Number.percent) ?? "–")\n"
        }.joined()
    }

    /// The JSON: the tables as published; every underlying figure as well with `--detail`.
    static func json(
        _ summary: MonthlySummary, _ tables: [ReportTable], _ suppression: Suppression, head: TrailHead? = nil
    ) -> String {
        var json = JSONText()
        json.object { object in
            object.member("asOf") { $0.string(summary.asOf) }
            object.member("audited") { $0.raw(String(summary.audited)) }
            if suppression.detail {
                // The figures are nested Encodable values: the standard encoder, re-indented.
                let figures = JSONOutput.render(summary).dropLast().replacingOccurrences(of: "\n", with: "\n  ")
                object.member("figures") { $0.raw(figures) }
            }
            object.member("moderation") {
                $0.strings(summary.moderation.map { ModerationReport.headlines($0, suppression) } ?? [])
            }
            object.member("month") { $0.string(summary.month) }
            if !suppression.detail { object.member("suppressedBelow") { $0.raw(String(suppression.minimum)) } }
            object.member("tables") { value in value.array(tables.count) { $0.table(tables[$1]) } }
            if let head {
                object.member("trailHead") { value in
                    value.object { object in
                        object.member("seq") { $0.raw(String(head.seq)) }
                        object.member("sha256") { $0.string(head.hash) }
                    }
                }
            }
        }
        return json.text + "\n"
    }

    /// "November 2026" for "2026-11", as the report's title writes it.
    public static func monthName(_ month: String) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        guard let parsed = AuditMonth(month) else { return month }
        return "\(names[parsed.month - 1]) \(parsed.year)"
    }

    /// What the templates see. Text from the data is escaped here for Markdown (the template
    /// prints it raw); the HTML template lets Mustache escape it, and prints the SVG raw.
    static func context(
        _ summary: MonthlySummary, _ tables: [ReportTable], _ suppression: Suppression, html: Bool,
        head: TrailHead? = nil
    ) -> [String: Any] {
        func cell(_ text: String) -> String { html ? text : MarkdownText.escape(text) }
        func table(_ table: ReportTable) -> [String: Any] {
            [
                "title": table.title, "name": table.name, "headers": table.headers.map(cell),
                "separator": table.headers.map { _ in "---" }.joined(separator: " | "),
                "rows": table.rows.map { ["cells": $0.map(cell)] },
            ]
        }
        let headline = summary.sections.map { section -> [String: Any] in
            let council = section.council
            var entry: [String: Any] = [
                "title": cell(section.title), "version": cell(section.version), "audited": council.audited,
                "sampled": council.sampled,
                "goodShare": suppression.share(council.goodOrBetterShare, basedOn: council.audited),
                "interval": suppression.interval(council.goodOrBetterInterval, basedOn: council.audited),
                "differs": council.judgedDifferently,
            ]
            if let estimate = section.weightedEstimate, !suppression.hides(council.audited) {
                entry["estimate"] = Number.percent(estimate.share)
                entry["estimateInterval"] = suppression.interval(estimate.interval, basedOn: council.audited)
            }
            let weakest = council.items.filter { $0.rate != nil && !suppression.hides($0.answered) }.min {
                ($0.rate ?? 1) < ($1.rate ?? 1)
            }
            if let trend = summary.trendSummaries.first(where: { $0.checklist == section.checklist }) {
                func share(_ value: Double?) -> String { value.map(Number.percent) ?? "no files" }
                entry["trend"] =
                    "Last month \(share(trend.lastMonth)); the last 6 months \(share(trend.last6Months)); the last 12 months \(share(trend.last12Months))"
            }
            if section.filesNotYetAudited > 0 {
                let files = section.filesNotYetAudited
                var text = "\(Plural.count(files, "sampled file")) \(Plural.verb(files, "is", "are")) not yet audited"
                let teams = section.teamsNotYetAudited
                if !teams.isEmpty {
                    text +=
                        "; \(Plural.count(teams.count, "team")) \(Plural.verb(teams.count, "has", "have")) submitted none: "
                        + teams.map(cell).joined(separator: ", ")
                }
                entry["outstanding"] = text
            }
            if let weakest, let rate = weakest.rate {
                entry["weakest"] =
                    "\(cell(weakest.prompt)) (\(Number.percent(rate)) of \(Plural.count(weakest.answered, "file")))"
            }
            return entry
        }
        let sectionTables = Dictionary(
            grouping: tables,
            by: { table in
                summary.sections.first { table.name.hasPrefix("\($0.checklist)-\($0.version)-") }.map {
                    "\($0.checklist)-\($0.version)"
                } ?? ""
            })
        let sections = summary.sections.map { section -> [String: Any] in
            [
                "title": cell(section.title), "version": cell(section.version), "checklist": cell(section.checklist),
                "hash": String(section.hash.prefix(19)), "gradeChart": SummaryCharts.gradeBars(section, suppression),
                "itemChart": SummaryCharts.itemCompliance(section, suppression),
                "tables": (sectionTables["\(section.checklist)-\(section.version)"] ?? []).map(table),
            ]
        }
        let versions = Dictionary(grouping: summary.sections, by: \.checklist).filter { $0.value.count > 1 }.keys
            .sorted()
        return [
            "month": summary.month, "monthName": monthName(summary.month), "asOf": summary.asOf,
            "audited": summary.audited,
            "empty": summary.audited == 0, "headline": headline, "sections": sections,
            "trendChart": SummaryCharts.trend(summary.trend, suppression),
            "trendTable": tables.first { $0.name == "trend" }.map(table) ?? [:],
            "actionsTable": tables.first { $0.name == "actions" }.map(table) ?? [:],
            "actions": [
                "raised": summary.actions.raised, "done": summary.actions.done, "open": summary.actions.open,
                "overdue": summary.actions.overdue,
            ],
            "actionsYear": [
                "raised": summary.actionsLast12Months.raised, "done": summary.actionsLast12Months.done,
                "open": summary.actionsLast12Months.open, "overdue": summary.actionsLast12Months.overdue,
            ],
            "suppressed": !suppression.detail, "minimum": suppression.minimum, "detail": suppression.detail,
            "versionNote": TemplateText(
                versions.isEmpty
                    ? nil
                    : "Files were audited against more than one version of \(versions.map(cell).joined(separator: ", ")) this month: each version is reported on its own."
            ),
            "trailHead": TemplateText(head.map { "event \($0.seq), sha256 \($0.hash)" }),
            "hasModeration": summary.moderation != nil,
            "moderation": (summary.moderation.map { ModerationReport.headlines($0, suppression) } ?? []).map {
                ["line": cell($0)]
            },
            // Drift: how moderation moved each auditor level's and each auditor's grades.
            "moderationTables": summary.moderation.map { moderation in
                ModerationReport.tables(moderation, suppression).filter {
                    $0.name.hasSuffix("-levels") || $0.name.hasSuffix("-auditors")
                }.map(table)
            } ?? [],
        ]
    }
}
