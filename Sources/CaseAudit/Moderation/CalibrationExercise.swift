/// A named calibration exercise: a group of auditors each scoring the same submitted files
/// blind, so that each one's grade and answers can be set against the group's. Each scoring is
/// an audit of its own that `moderates` the file's audit and names the exercise, kept out of
/// the roll-ups and reports like a moderation.
public struct CalibrationExercise: Sendable, Hashable, Codable {
    public struct File: Sendable, Hashable, Codable {
        public var original: AuditID
        public var sampleID: SampleID
        public var caseReference: String
        public var checklistID: String
        public var checklistHash: String
        public var team: String?

        public init(
            original: AuditID, sampleID: SampleID, caseReference: String, checklistID: String, checklistHash: String,
            team: String?
        ) {
            self.original = original
            self.sampleID = sampleID
            self.caseReference = caseReference
            self.checklistID = checklistID
            self.checklistHash = checklistHash
            self.team = team
        }
    }

    public var name: String
    public var month: AuditMonth
    public var createdAt: String
    public var files: [File]
    public var participants: [String]
    /// Each participant's scoring of each file, once begun.
    public var scorings: [Scoring]

    public struct Scoring: Sendable, Hashable, Codable {
        public var original: AuditID
        public var person: String
        public var audit: StoredAudit

        public init(original: AuditID, person: String, audit: StoredAudit) {
            self.original = original
            self.person = person
            self.audit = audit
        }
    }

    public init(
        name: String, month: AuditMonth, createdAt: String = "", files: [File], participants: [String],
        scorings: [Scoring] = []
    ) {
        self.name = name
        self.month = month
        self.createdAt = createdAt
        self.files = files
        self.participants = participants
        self.scorings = scorings
    }
}

extension CalibrationExercise {
    /// Makes and records an exercise on the month's submitted audits of `cases` for
    /// `participants` (people of the org chart who audit): the use case behind
    /// `moderation calibration create`.
    public static func create(
        name: String, month: AuditMonth, cases: [String], participants: [String], store: some CaseAuditStore
    ) throws -> CalibrationExercise {
        guard let name = name.nonBlank, !cases.isEmpty, participants.count >= 2 else {
            throw ModerationError.badExercise("a name, at least one case and at least two auditors")
        }
        guard let chart = try store.orgChart(levels: nil) else { throw ModerationError.noOrgChart }
        for person in participants where !(chart.person(id: person)?.level.audits ?? false) {
            throw ModerationError.badExercise("'\(person)' is nobody in the org chart who audits")
        }
        let records = try store.qualityRecords(months: month...month, withAnswers: false)
        var files: [File] = []
        for reference in cases {
            guard let record = records.last(where: { $0.caseReference == reference }),
                let stored = try store.audit(id: record.auditID)
            else { throw ModerationError.namedFileNotAudited(reference, month: month.description) }
            files.append(
                File(
                    original: record.auditID, sampleID: stored.audit.sampleID, caseReference: reference,
                    checklistID: record.checklistID, checklistHash: record.checklistHash, team: record.team))
        }
        return try store.addCalibrationExercise(
            CalibrationExercise(name: name, month: month, files: files, participants: Array(Set(participants)).sorted())
        )
    }
}
