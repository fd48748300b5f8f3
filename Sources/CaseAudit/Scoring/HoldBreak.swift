/// Breaking someone's hold on an audit (their session died on another machine, or they left
/// it open): a quality lead's decision, with a reason that is kept. The use case behind
/// `audit unlock`.
public enum HoldBreak {
    /// Who held the audit, or nil when nobody did.
    public static func breakHold(_ audit: AuditID, reason: String, by caller: Caller, store: some CaseAuditStore)
        throws -> String?
    {
        guard caller.role == .qualityLead else { throw HoldBreakError.notAQualityLead(caller.identity) }
        guard try store.audit(id: audit) != nil else { throw StoreError.noAudit(audit) }
        return try store.breakLease(audit, by: caller.recordedAs, reason: reason)
    }
}

public enum HoldBreakError: ReportableError, Hashable {
    case notAQualityLead(SessionIdentity)

    public var message: String {
        switch self {
        case .notAQualityLead(let identity):
            "you are '\(identity.login)' and not a quality lead, so you cannot break someone's hold on an audit"
        }
    }
}
