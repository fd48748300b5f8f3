/// Where moderation draws are kept.
public protocol ModerationStore: Sendable {
    /// Records a month's moderation draw (its id, time and who drew it filled in), with its
    /// event in the trail, in one transaction; refused with `.moderationDrawn` when the month
    /// has one already.
    func addModerationDraw(_ draw: ModerationDraw) throws(StoreError) -> ModerationDraw
    /// The month's draw, if one was made.
    func moderationDraw(month: AuditMonth) throws(StoreError) -> ModerationDraw?
    /// The files given to moderators (to `moderator` alone, and of `caseReference` alone, when
    /// given), with each one's second scoring and outcome; what a moderator may see of them.
    func moderationAssignments(moderator: String?, caseReference: String?) throws(StoreError)
        -> [ModerationAssignment]
    /// The moderator's second scoring of the file, begun (pinned to the first audit's checklist
    /// version) or resumed; refused with `.notModerator` unless the file is theirs to moderate.
    func startOrResumeModeration(_ assignment: ModerationAssignment, checklist: PinnedChecklist) throws(StoreError)
        -> StoredAudit
    /// Records the moderator's decision on the first audit, once, after their own scoring is
    /// submitted, with its event in the trail.
    /// `onBehalfOf`: the moderator, when a quality lead records it for them. A changed outcome
    /// also makes the first audit's next version, in the same transaction, from the first
    /// audit's own rows (its answers, actions and outcomes), amended by the moderator, with the
    /// moderated grade as its judgement: the reports count the moderated grade. Refused with
    /// `.alreadyAmended` when the first audit has a later version by then.
    func recordModerationOutcome(
        _ outcome: ModerationOutcome, original: AuditID, moderator: String, onBehalfOf: String?
    ) throws(StoreError)
}
