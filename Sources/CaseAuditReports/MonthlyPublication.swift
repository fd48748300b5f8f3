import CaseAudit
import CaseAuditFormats

/// Publishing a month's quality summary: the figures from the store, rendered in the formats
/// asked for, written under a folder. The use case behind `report monthly` and the demo's
/// last step.
public enum MonthlyPublication {
    public struct Request: Sendable {
        public var month: AuditMonth
        public var formats: [MonthlyReport.Format]
        public var folder: String
        /// The templates' folder; only read for HTML and Markdown.
        public var templates: String
        public var suppression: Suppression

        public init(
            month: AuditMonth, formats: [MonthlyReport.Format], folder: String, templates: String,
            suppression: Suppression
        ) {
            self.month = month
            self.formats = formats
            self.folder = OutputFiles.folder(folder)
            self.templates = templates
            self.suppression = suppression
        }
    }

    public struct Published: Sendable {
        public var summary: MonthlySummary
        public var folder: String
        /// The files written, relative to the folder.
        public var files: [String]
        /// The trail's head the report names.
        public var trailHead: TrailHead?

        /// What a person is told: the council's figures (or that nothing was audited) and
        /// where to open the report.
        public var text: String {
            var text =
                summary.audited == 0
                ? "No audits were submitted for files drawn in \(summary.month): the report says so.\n"
                : MonthlyReport.councilLines(summary)
            let main = files.first { $0 == "summary.html" } ?? files.first
            text +=
                "Wrote \(Plural.count(files.count, "file")) to \(folder)/\(main.map { "; open \(folder)/\($0)" } ?? "")\n"
            if let trailHead { text += "The trail's head when published: \(trailHead.description)\n" }
            return text
        }
    }

    /// Templates are read before anything is built, and nothing is written unless every file
    /// renders. Only for quality leads and senior managers (`Caller.mayPublish`).
    public static func publish(_ request: Request, by caller: Caller, store: some CaseAuditStore, today: CalendarDate)
        throws -> Published
    {
        try caller.mayPublish("the monthly summary")
        let templates =
            request.formats.contains(where: { $0 == .html || $0 == .md })
            ? try MonthlyReport.Templates(directory: request.templates) : nil
        // The figures and the head the report names are read from one state of the store: an
        // audit submitted meanwhile is in both or in neither.
        var (summary, head) = try store.readingOneState {
            let summary = try MonthlySummary.build(
                month: request.month, store: store, today: today, detail: request.suppression.detail)
            return (summary, try store.trailHead())
        }
        // The roll-ups are the council's; the moderation figures come from the audits, which a
        // senior manager sees for their line only.
        if caller.seesOnlyTheirLine { summary.moderation?.lineOf = caller.person?.id }
        let files = MonthlyReport.files(
            summary, formats: request.formats, suppression: request.suppression, templates: templates,
            trailHead: head)
        try OutputFiles.write(files, to: request.folder, what: "the report")
        try store.appendEvent(
            .reportPublished(
                month: request.month.description, format: request.formats.map(\.rawValue).joined(separator: ","),
                head: head))
        return Published(summary: summary, folder: request.folder, files: files.map(\.path), trailHead: head)
    }
}
