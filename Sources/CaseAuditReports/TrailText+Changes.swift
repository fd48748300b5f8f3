import CaseAudit
import Foundation

extension TrailText {
    /// The change in words, for the actions whose payloads say something a person reads
    /// quickly; the payload itself otherwise.
    public static func describe(_ event: TrailEvent) -> String {
        let payload =
            (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) as? [String: Any] ?? [:]
        func answer(_ value: Any?) -> String? {
            guard let object = value as? [String: Any], let text = object["value"] as? String else { return nil }
            return (object["note"] as? String).map { "\(text) (note: \($0))" } ?? text
        }
        func judgement(_ value: Any?) -> String? {
            guard let object = value as? [String: Any], let grade = object["grade"] as? String else { return nil }
            return (object["reason"] as? String).map { "\(grade) (\($0))" } ?? grade
        }
        func text(_ value: Any?, or missing: String = "?") -> String { value as? String ?? missing }
        func number(_ value: Any?) -> String { (value as? Int).map(String.init) ?? "?" }
        func count(_ value: Any?, _ one: String, _ many: String? = nil) -> String {
            guard let value = value as? Int else { return "? \(many ?? one + "s")" }
            return Plural.count(value, one, many ?? one + "s")
        }
        func file(_ payload: [String: Any]) -> String {
            "\(text(payload["file"]))" + ((payload["sha256"] as? String).map { ", sha256 \($0)" } ?? "")
        }
        switch TrailAction(rawValue: event.action) {
        case .answerRecorded:
            let item = payload["item"] as? String ?? "?"
            let now = answer(payload["new"]) ?? "?"
            return answer(payload["old"]).map { "\(item): \(now), was \($0)" } ?? "\(item): \(now)"
        case .judgementRecorded:
            let now = judgement(payload["new"]) ?? "cleared"
            return judgement(payload["old"]).map { "\(now), was \($0)" } ?? now
        case .auditSubmitted:
            let grade = payload["computed_grade"] as? String ?? "no computed grade"
            return "judged \(judgement(payload["judgement"]) ?? "?"); computed \(grade)"
        case .auditAmended:
            let old = ((payload["old"] as? [String: Any])?["answers"] as? [String: Any]) ?? [:]
            let new = ((payload["new"] as? [String: Any])?["answers"] as? [String: Any]) ?? [:]
            let changed = Set(old.keys).union(new.keys).sorted().compactMap { item -> String? in
                let before = answer(old[item])
                let after = answer(new[item])
                return before == after ? nil : "\(item): \(after ?? "none"), was \(before ?? "none")"
            }
            let amends = (payload["amends"] as? Int).map { "amends audit \($0)" } ?? "an amendment"
            let judged = [
                judgement((payload["old"] as? [String: Any])?["judgement"]),
                judgement((payload["new"] as? [String: Any])?["judgement"]),
            ]
            let judgementChange =
                judged[0] == judged[1] ? [] : ["judgement \(judged[1] ?? "none"), was \(judged[0] ?? "none")"]
            return ([amends] + changed + judgementChange).joined(separator: "; ")
        case .orgChartImported:
            return "\(count(payload["people"], "person", "people")), \(count(payload["teams"], "team")), "
                + "\(count(payload["logins"], "login")) from \(file(payload))"
        case .casesImported:
            let format = (payload["format"] as? String).map { " (\($0))" } ?? ""
            return "\(count(payload["cases"], "case")), \(number(payload["unallocated"])) unallocated, "
                + "from \(file(payload))\(format)"
        case .councilImported:
            let tables = payload["tables"] as? [String: Any] ?? [:]
            let rows = tables.values.reduce(0) { $0 + (($1 as? Int) ?? 0) }
            return "\(count(rows, "row")) in \(count(tables.count, "table")) from \(file(payload))"
        case .sampleDrawn:
            let replacing = (payload["replacing"] as? [Int] ?? []).map(String.init)
            return "\(text(payload["month"])) \(text(payload["checklist"])): \(count(payload["files"], "file")), "
                + "seed \(text(payload["seed"])), case list \(number(payload["snapshot"]))"
                + (replacing.isEmpty
                    ? "" : "; replaces sample\(replacing.count == 1 ? "" : "s") \(replacing.joined(separator: ", "))")
        case .redrawChecked, .moderationRedrawChecked:
            return (payload["reproduced"] as? Bool) == true
                ? "reproduced" : "DIFFERENT: \(count(payload["differences"], "difference"))"
        case .checklistPinned:
            return "\(text(payload["checklist"])) \(text(payload["version"]))"
        case .auditStarted:
            return "case \(text(payload["case"])) by \(text(payload["auditor"])), sample \(number(payload["sample"])), "
                + "checklist \(shortHash(text(payload["checklist"])))"
        case .auditKeyed:
            return "keyed in by \(text(payload["keyed_by"]))"
        case .actionAdded:
            return "\(text(payload["what"])) (\(text(payload["who"])), due \(text(payload["due"])))"
        case .actionDone:
            return "action \(number(payload["action"])) done"
        case .leaseBroken:
            return "\(text(payload["holder"]))'s hold broken"
        case .auditsLoaded:
            return "\(count(payload["audits"], "audit")), \(count(payload["answers"], "answer")) loaded"
        case .rightsGranted:
            return "\(text(payload["person"], or: "nobody in the chart")) into \(text(payload["group"]))"
        case .rightsRevoked:
            return "\(text(payload["person"], or: "nobody in the chart")) out of \(text(payload["group"]))"
        case .reportPublished:
            let head = (payload["head_seq"] as? Int).map { " at the trail's event \($0)" } ?? ""
            return "\(text(payload["format"]))\(head)"
        case .checkpointSigned:
            return "\(text(payload["signer"])) signed the head at event \(number(payload["seq"]))"
        case .fileAllocated:
            return (payload["auditor"] as? String).map { "to \($0)" } ?? "not allocated"
        case .fileReallocated:
            return "from \(payload["from"] as? String ?? "nobody") to \(payload["to"] as? String ?? "?")"
        case .moderationDrawn:
            let files = (payload["files"] as? [Any])?.count ?? 0
            return
                "\(payload["month"] as? String ?? "?"): \(files) of \(payload["audits"] as? Int ?? 0) audits, rule \(payload["rule"] as? String ?? "?"), seed \(payload["seed"] as? String ?? "?")"
        case .challengeRaised:
            return "challenged the moderated grade"
        case .challengeDecided:
            let decision = payload["decision"] as? String ?? "?"
            return (payload["grade"] as? String).map { "\(decision): reported as \($0)" } ?? decision
        case .calibrationCreated:
            let files = (payload["files"] as? [String] ?? []).joined(separator: ", ")
            let people = (payload["participants"] as? [String] ?? []).joined(separator: ", ")
            return "files \(files) for \(people)"
        case .moderationDecided:
            let grade = payload["grade"] as? String ?? "?"
            return (payload["decision"] as? String) == "changed" ? "changed to \(grade)" : "confirmed \(grade)"
        default:
            return event.payload
        }
    }
}
