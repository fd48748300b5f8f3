import CaseAudit
import CaseAuditFormats

/// The trail as people read it: `log show`'s table, `audit history`'s story of one audit,
/// `log verify`'s verdict, and `log export`'s lines.
public enum TrailText {
    /// One line per event: number, time, who (and for whom), what, which, and the change.
    public static func table(_ events: [TrailEvent]) -> String {
        guard !events.isEmpty else { return "No events.\n" }
        return TextTable(
            headers: ["#", "AT (UTC)", "WHO", "WHAT", "WHICH", "CHANGE", "REASON"],
            rows: events.map { event in
                [
                    String(event.seq), event.at, who(event), event.action,
                    event.entityID.map { "\(event.entity) \(shortHash($0))" } ?? event.entity, describe(event),
                    event.reason ?? "",
                ]
            }
        ).render()
    }

    /// A checklist version's hash as a table shows it: enough to tell versions apart (the JSON
    /// and the export keep it whole); any other text as it is.
    static func shortHash(_ text: String) -> String {
        guard text.hasPrefix("sha256:"), text.count > "sha256:".count + 12 else { return text }
        return text.prefix("sha256:".count + 12) + "…"
    }

    static func who(_ event: TrailEvent) -> String {
        let person = event.actorID.map { "\($0) (\(event.actorLogin))" } ?? event.actorLogin
        return event.onBehalfOf.map { "\(person) for \($0)" } ?? person
    }

    /// `audit history`: one audit's life, its versions together.
    public static func history(_ audit: AuditID, events: [TrailEvent]) -> String {
        guard !events.isEmpty else { return "Audit \(audit): the trail holds no events of it.\n" }
        var out = "Audit \(audit): \(events.count) events\n"
        for event in events {
            let which = event.entity == TrailEntity.audit.rawValue ? "audit \(event.entityID ?? "?")" : "file"
            out += "  \(event.at)  #\(event.seq)  \(who(event))  \(which)  \(event.action)  \(describe(event))"
            if let reason = event.reason { out += "  (reason: \(reason))" }
            out += "\n"
        }
        return out
    }

    /// `log verify`'s report.
    public static func verification(_ report: TrailVerification.Report) -> String {
        var out = ""
        switch report.verdict {
        case .intact(let head, let events):
            out +=
                head.map {
                    "The trail's chain is intact: \(Plural.count(Int(events), "event")); head: \($0.description)\n"
                }
                ?? "The trail is empty.\n"
        case .broken(let broken, let head):
            out += "The trail is broken at event \(broken.seq): \(broken.message)\n"
            if let head { out += "Intact up to \(head.description)\n" }
        }
        for entry in report.checkpoints {
            let place = "\(entry.source): \(entry.checkpoint.signer) signed \(entry.checkpoint.head.description)"
            out +=
                entry.problem.map { "  checkpoint \(place): NOT MATCHED: \($0)\n" }
                ?? "  checkpoint \(place): matches\n"
        }
        return out
    }

    public static let csvHeader = [
        "seq", "at", "actor_login", "actor", "on_behalf_of", "action", "entity", "entity_id", "payload", "reason",
        "prev_hash", "row_hash",
    ]

    /// Events as CSV rows (no header).
    public static func csv(_ events: [TrailEvent]) -> String {
        guard !events.isEmpty else { return "" }
        return CSVWriter.render(
            events.map { event in
                [
                    String(event.seq), event.at, event.actorLogin, event.actorID ?? "", event.onBehalfOf ?? "",
                    event.action, event.entity, event.entityID ?? "", event.payload, event.reason ?? "",
                    event.prevHash, event.rowHash,
                ]
            })
    }

    /// Events as JSON lines: one compact object each, keys in a fixed order.
    public static func jsonLines(_ events: [TrailEvent]) -> String {
        var out = ""
        for event in events {
            out +=
                TrailJSON.object([
                    ("seq", .int(event.seq)), ("at", .string(event.at)), ("actor_login", .string(event.actorLogin)),
                    ("actor", .text(event.actorID)), ("on_behalf_of", .text(event.onBehalfOf)),
                    ("action", .string(event.action)), ("entity", .string(event.entity)),
                    ("entity_id", .text(event.entityID)), ("payload", .string(event.payload)),
                    ("reason", .text(event.reason)), ("prev_hash", .string(event.prevHash)),
                    ("row_hash", .string(event.rowHash)),
                ]).text + "\n"
        }
        return out
    }
}
