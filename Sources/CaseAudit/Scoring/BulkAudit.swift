/// A submitted audit to load in bulk (generated data for benchmarks).
public struct BulkAudit: Sendable {
    public var month: AuditMonth
    public var caseReference: String
    public var team: String?
    public var caseType: CaseType?
    public var inclusionProbability: Double
    public var auditorID: String
    public var auditorLevel: ManagerLevel?
    public var answers: [ItemAnswer]
    public var judgement: AuditJudgement
    public var grade: FileGrade
    public var outcomes: [ItemOutcome]

    public init(
        month: AuditMonth, caseReference: String, team: String?, caseType: CaseType?, inclusionProbability: Double,
        auditorID: String, auditorLevel: ManagerLevel?, answers: [ItemAnswer], judgement: AuditJudgement,
        grade: FileGrade, outcomes: [ItemOutcome]
    ) {
        self.month = month
        self.caseReference = caseReference
        self.team = team
        self.caseType = caseType
        self.inclusionProbability = inclusionProbability
        self.auditorID = auditorID
        self.auditorLevel = auditorLevel
        self.answers = answers
        self.judgement = judgement
        self.grade = grade
        self.outcomes = outcomes
    }
}
