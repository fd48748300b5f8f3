import CaseAudit
import CaseAuditFormats

/// Publishing the agreement report for a span of months: the figures from the store, the
/// formats asked for, written under a folder, and the trail's head named in each. The use case
/// behind `report moderation`.
public enum ModerationPublication {
    public struct Request: Sendable {
        public var months: ClosedRange<AuditMonth>
        public var formats: [MonthlyReport.Format]
        public var folder: String
        public var suppression: Suppression

        public init(
            months: ClosedRange<AuditMonth>, formats: [MonthlyReport.Format], folder: String, suppression: Suppression
        ) {
            self.months = months
            self.formats = formats
            self.folder = OutputFiles.folder(folder)
            self.suppression = suppression
        }
    }

    public struct Published: Sendable {
        public var summary: ModerationSummary
        public var folder: String
        public var files: [String]
        public var trailHead: TrailHead?
        public var suppression: Suppression

        public var text: String {
            var text =
                summary.sections.isEmpty
                ? "No moderation was submitted for files drawn in \(summary.months)\(ModerationReport.scope(summary)): the report says so.\n"
                : ModerationReport.headlines(summary, suppression).map { $0 + "\n" }.joined()
            let main = files.first { $0 == "moderation.html" } ?? files.first
            text +=
                "Wrote \(Plural.count(files.count, "file")) to \(folder)/\(main.map { "; open \(folder)/\($0)" } ?? "")\n"
            if let trailHead { text += "The trail's head when published: \(trailHead.description)\n" }
            return text
        }
    }

    /// Only for quality leads and senior managers (`Caller.mayPublish`).
    public static func publish(_ request: Request, by caller: Caller, store: some CaseAuditStore) throws -> Published {
        try caller.mayPublish("the moderation report")
        // As the monthly summary: the figures and the head the report names from one state.
        var (summary, head) = try store.readingOneState {
            (try ModerationSummary.build(months: request.months, store: store), try store.trailHead())
        }
        if caller.seesOnlyTheirLine { summary.lineOf = caller.person?.id }
        let files = ModerationReport.files(
            summary, formats: request.formats, suppression: request.suppression, trailHead: head)
        try OutputFiles.write(files, to: request.folder, what: "the report")
        try store.appendEvent(
            .reportPublished(
                month: summary.months, format: "moderation " + request.formats.map(\.rawValue).joined(separator: ","),
                head: head))
        return Published(
            summary: summary, folder: request.folder, files: files.map(\.path), trailHead: head,
            suppression: request.suppression)
    }
}
