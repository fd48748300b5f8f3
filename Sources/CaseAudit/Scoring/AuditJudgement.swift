/// The auditor's overall judgement of a file: one of the checklist's grades, and the reason
/// when it differs from the grade the answers compute.
public struct AuditJudgement: Sendable, Hashable, Codable {
    public var grade: String
    public var reason: String?

    public init(grade: String, reason: String? = nil) {
        self.grade = grade
        self.reason = reason?.nonBlank
    }
}
