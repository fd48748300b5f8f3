import CaseAudit
import Testing

/// Expects `body` to be refused because another session holds `audit`; gives the hold the
/// refusal names (the server says whose it is; the embedded store's lock cannot).
@discardableResult
public func expectBusy(
    _ audit: AuditID, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> AuditHold? {
    let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try body() }
    guard case StoreError.auditBusy(audit, let hold)? = error else {
        Issue.record(
            "expected audit \(audit) to be held elsewhere, got \(String(describing: error))",
            sourceLocation: sourceLocation)
        return nil
    }
    return hold
}
