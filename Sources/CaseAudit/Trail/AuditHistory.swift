/// `audit history N`: one audit's life from the trail, with every version of its file's
/// audit (an amendment is a new version), and the file's allocation and reallocations.
public enum AuditHistory {
    /// With `caller`, an audit they may not see (on the server, someone else's) is refused as such.
    public static func events(of audit: AuditID, in store: some CaseAuditStore, seenBy caller: Caller? = nil) throws
        -> [TrailEvent]
    {
        guard let record = try store.audit(id: audit) else { throw AuditOpeningError.noAudit(audit, seenBy: caller) }
        let file = record.audit
        let candidates = try store.trailEvents(TrailFilter(caseReference: file.caseReference))
        var sampleOf: [String: SampleID?] = [:]
        var kept: [TrailEvent] = []
        let sampleMark = "\"sample\":\(file.sampleID.rawValue)"
        for event in candidates {
            if event.entity == TrailEntity.audit.rawValue, let id = event.entityID {
                if sampleOf[id] == nil, let number = Int64(id) {
                    sampleOf[id] = try store.audit(id: AuditID(number))?.audit.sampleID
                }
                if sampleOf[id] == .some(file.sampleID) { kept.append(event) }
            } else if event.payload.contains(sampleMark + ",") || event.payload.contains(sampleMark + "}") {
                kept.append(event)
            }
        }
        return kept
    }
}
