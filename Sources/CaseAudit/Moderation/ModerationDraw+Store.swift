extension ModerationDraw {
    /// Draws and records the month's moderation from its submitted audits (their latest
    /// versions): the use case behind `moderation draw`.
    public static func draw(month: AuditMonth, rule: ModerationRule, seed: UInt64, store: some CaseAuditStore)
        throws -> ModerationDraw
    {
        if let drawn = try store.moderationDraw(month: month) {
            throw StoreError.moderationDrawn(month: month.description, draw: drawn.id)
        }
        guard let chart = try store.orgChart(levels: nil) else { throw ModerationError.noOrgChart }
        let records = try store.qualityRecords(months: month...month, withAnswers: false)
        guard !records.isEmpty else { throw ModerationError.noAudits(month: month.description) }
        let audited = Set(records.map(\.caseReference))
        if let missing = rule.files.first(where: { !audited.contains($0) }) {
            throw ModerationError.namedFileNotAudited(missing, month: month.description)
        }
        let candidates = records.map { record in
            ModerationCandidate(
                auditID: record.auditID, caseReference: record.caseReference, checklistID: record.checklistID,
                team: record.team, auditorID: record.auditorID, auditorLevel: chart.person(id: record.auditorID)?.level,
                judgement: record.judgement)
        }
        var files = ModerationSelection.select(candidates, rule: rule, seed: seed, chart: chart)
        for index in files.indices {
            guard let record = try store.audit(id: files[index].auditID) else {
                throw StoreError.noAudit(files[index].auditID)
            }
            files[index].sampleID = record.audit.sampleID
            files[index].checklistHash = record.audit.checklistHash
        }
        return try store.addModerationDraw(
            ModerationDraw(month: month, rule: rule, seed: seed, candidates: candidates, files: files))
    }
}

/// Draws a recorded moderation again from the audits, rule and seed it recorded, as an
/// inspector would, and says whether the same files come out with the same moderators (a
/// moderator can differ only if the org chart has changed since).
public enum ModerationRedraw {
    public struct Outcome: Sendable {
        public var draw: ModerationDraw
        public var redrawn: [ModeratedFile]
        /// Files the draw holds that the redraw does not choose (or chooses for another reason).
        public var missing: [ModeratedFile]
        /// Files the redraw chooses that the draw does not hold.
        public var extra: [ModeratedFile]
        /// Files chosen both times whose moderator differs.
        public var moderatorsDiffer: [ModeratedFile]
        public var isIdentical: Bool { missing.isEmpty && extra.isEmpty && moderatorsDiffer.isEmpty }
        public var differences: Int { missing.count + extra.count + moderatorsDiffer.count }
    }

    public static func check(_ draw: ModerationDraw, chart: OrgChart) -> Outcome {
        let recordedFiles = Dictionary(draw.files.map { ($0.auditID, $0) }, uniquingKeysWith: { first, _ in first })
        let redrawn = ModerationSelection.select(draw.candidates, rule: draw.rule, seed: draw.seed, chart: chart).map {
            file in
            // Where the first audit was kept is filled in from the draw (it is not chosen).
            var file = file
            file.sampleID = recordedFiles[file.auditID]?.sampleID
            file.checklistHash = recordedFiles[file.auditID]?.checklistHash
            return file
        }
        func key(_ file: ModeratedFile) -> String { "\(file.auditID) \(file.reason.rawValue)" }
        let recorded = Dictionary(draw.files.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let again = Dictionary(redrawn.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        return Outcome(
            draw: draw, redrawn: redrawn, missing: draw.files.filter { again[key($0)] == nil },
            extra: redrawn.filter { recorded[key($0)] == nil },
            moderatorsDiffer: draw.files.filter { file in
                again[key(file)].map { $0.moderatorID != file.moderatorID } ?? false
            })
    }

    /// The check of the month's draw, recorded in the trail with its result (the use case
    /// behind `moderation redraw`).
    public static func checkAndRecord(month: AuditMonth, store: some CaseAuditStore) throws -> Outcome {
        guard let draw = try store.moderationDraw(month: month) else {
            throw ModerationError.notDrawn(month: month.description)
        }
        guard let chart = try store.orgChart(levels: nil) else { throw ModerationError.noOrgChart }
        let outcome = check(draw, chart: chart)
        try store.appendEvent(
            .moderationRedrawChecked(draw, reproduced: outcome.isIdentical, differences: outcome.differences))
        return outcome
    }
}
