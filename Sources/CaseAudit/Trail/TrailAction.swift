/// What a trail event records. The raw values are what the stores keep, and what `log show`
/// prints and filters on.
public enum TrailAction: String, Sendable, Hashable, Codable, CaseIterable {
    case trailBegan = "trail.began"
    case orgChartImported = "org-chart.imported"
    case casesImported = "cases.imported"
    case sampleDrawn = "sample.drawn"
    case fileAllocated = "file.allocated"
    case fileReallocated = "file.reallocated"
    case redrawChecked = "sample.redraw-checked"
    case checklistPinned = "checklist.pinned"
    case auditStarted = "audit.started"
    case auditKeyed = "audit.keyed"
    case answerRecorded = "answer.recorded"
    case judgementRecorded = "judgement.recorded"
    case actionAdded = "action.added"
    case auditSubmitted = "audit.submitted"
    case auditAmended = "audit.amended"
    case actionDone = "action.done"
    case leaseBroken = "lease.broken"
    case auditsLoaded = "audits.loaded"
    case rightsGranted = "rights.granted"
    case rightsRevoked = "rights.revoked"
    case reportPublished = "report.published"
    case councilImported = "council.imported"
    case checkpointSigned = "checkpoint.signed"
    case moderationDrawn = "moderation.drawn"
    case moderationRedrawChecked = "moderation.redraw-checked"
    case moderationDecided = "moderation.decided"
    case challengeRaised = "moderation.challenged"
    case challengeDecided = "moderation.challenge-decided"
    case calibrationCreated = "calibration.created"
}

/// Which kind of thing an event is about; its `entityID` names the one.
public enum TrailEntity: String, Sendable, Hashable, Codable {
    case store
    case orgChart = "org-chart"
    case caseSnapshot = "case-snapshot"
    case sample
    /// A case file, by its reference (never the child's name).
    case caseFile = "case"
    case checklist
    case audit
    case login
    case report
    case trail
    /// A month's moderation draw, by its number.
    case moderation
    /// A calibration exercise, by its name.
    case calibration
}
