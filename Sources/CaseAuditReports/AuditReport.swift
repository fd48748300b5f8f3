import CaseAudit

/// One audit as `audit show` prints it: the file, the checklist version it was scored against,
/// each answer with its question, the grade, the judgement, the actions and the version trail.
public struct AuditReport: Sendable, Encodable {
    public struct Answer: Sendable, Encodable {
        public var item: String
        public var section: String
        public var prompt: String
        public var value: String
        public var label: String
        public var note: String?
    }

    public var id: AuditID
    public var caseReference: String
    public var sampleID: SampleID
    public var auditorID: String
    public var checklist: String
    public var checklistVersion: String
    public var checklistHash: String
    /// in-progress, submitted, or superseded (a later version amends it).
    public var status: String
    public var version: Int
    public var amends: AuditID?
    public var amendedBy: String?
    /// Who keyed it for the auditor (a quality lead), when someone did.
    public var keyedBy: String?
    public var amendedReason: String?
    public var supersededBy: AuditID?
    public var startedAt: String
    public var submittedAt: String?
    public var progress: String
    public var computedGrade: String?
    public var score: Double?
    public var judgement: AuditJudgement?
    public var answers: [Answer]
    public var actions: [AuditAction]

    public init(_ record: AuditRecord, checklist: Checklist) {
        let audit = record.audit
        let session = ScoringSession(
            checklist: checklist, answers: record.content.answers, judgement: record.content.judgement,
            actions: record.content.actions)
        id = audit.id
        caseReference = audit.caseReference
        sampleID = audit.sampleID
        auditorID = audit.auditorID
        self.checklist = checklist.id
        checklistVersion = checklist.version
        checklistHash = audit.checklistHash
        status = record.supersededBy != nil ? "superseded" : audit.submittedAt != nil ? "submitted" : "in-progress"
        version = audit.version
        amends = audit.amends
        amendedBy = audit.amendedBy
        keyedBy = audit.keyedBy
        amendedReason = audit.amendedReason
        supersededBy = record.supersededBy
        startedAt = audit.startedAt
        submittedAt = audit.submittedAt
        let progress = session.progress
        self.progress = "\(progress.answered) of \(progress.asked)"
        // A submitted audit reports the grade kept at submission; one under way, the grade so far.
        let grade = session.grade
        computedGrade = audit.submittedAt != nil ? record.computedGrade : grade.band?.grade
        score = audit.submittedAt != nil ? record.score : grade.score
        judgement = record.content.judgement
        var asked: [Answer] = []
        let askedIDs = Set(session.askedItems.map(\.id))
        for section in checklist.sections {
            for item in section.items where askedIDs.contains(item.id) {
                guard let answer = session.answers[item.id] else { continue }
                let label = checklist.scale(for: item)?.option(value: answer.value)?.label ?? answer.value
                asked.append(
                    Answer(
                        item: item.id, section: section.title, prompt: item.prompt, value: answer.value, label: label,
                        note: answer.note))
            }
        }
        answers = asked
        actions = record.content.actions
    }

    /// The audit for a terminal, wrapped at 80 columns.
    public var text: String {
        var out = "Audit \(id) · case \(caseReference) · auditor \(auditorID) · \(checklist) \(checklistVersion)"
        out += " · version \(version) · \(status)\n"
        out +=
            "Started \(startedAt)" + (submittedAt.map { "; submitted \($0)" } ?? "")
            + "; \(progress) asked items answered\n"
        if let amends {
            out +=
                "Amends audit \(amends)" + (amendedBy.map { ", by \($0)" } ?? "")
                + (amendedReason.map { ": \($0)" } ?? "") + "\n"
        }
        if let keyedBy { out += "Keyed by \(keyedBy) on behalf of \(auditorID)\n" }
        if let supersededBy { out += "Superseded by audit \(supersededBy): reports use that version.\n" }
        var section = ""
        for answer in answers {
            if answer.section != section {
                section = answer.section
                out += "\n\(section)\n"
            }
            // The item's id first: an amendment sheet names items by it.
            out +=
                TextWrap.wrap(
                    "[\(answer.item)] \(answer.label): \(answer.prompt)", width: 80, indent: "      ", firstIndent: "  "
                ) + "\n"
            if let note = answer.note {
                out += TextWrap.wrap("Note: \(note)", width: 80, indent: "      ", firstIndent: "      ") + "\n"
            }
        }
        let computed =
            computedGrade.map { grade in grade + (score.map { " (score \(Number.percent($0)))" } ?? "") } ?? "none"
        out += "\n\(submittedAt == nil ? "Grade so far" : "Computed grade"): \(computed)\n"
        if let judgement {
            out +=
                TextWrap.wrap(
                    "Judgement: \(judgement.grade)" + (judgement.reason.map { ", because: \($0)" } ?? ""), width: 80,
                    indent: "  ", firstIndent: "") + "\n"
        }
        out += "Actions: \(actions.isEmpty ? "none" : String(actions.count))\n"
        for action in actions {
            out +=
                TextWrap.wrap(
                    "- \(action.what) (\(action.who), due \(action.due))", width: 80, indent: "  ", firstIndent: "")
                + "\n"
        }
        return out
    }
}
