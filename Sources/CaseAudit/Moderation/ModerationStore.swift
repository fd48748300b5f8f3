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
    /// The auditor's challenge of the file's outcome, once, with a reason, and its event;
    /// refused unless the outcome is recorded and the file is the auditor's.
    func raiseChallenge(original: AuditID, by auditor: String, reason: String, onBehalfOf: String?)
        throws(StoreError)
    /// The challenge's decision, once, and its event; an upheld challenge whose `grade` differs
    /// from the grade reported makes the reported version's next version with it, in the same
    /// transaction (as a changed outcome does).
    func decideChallenge(
        original: AuditID, decision: ModerationChallenge.Decision, grade: String?, reason: String, by person: String
    ) throws(StoreError) -> ModerationChallenge
    /// Records a calibration exercise (its time filled in), with its event; refused with
    /// `.exists` when the name is taken.
    func addCalibrationExercise(_ exercise: CalibrationExercise) throws(StoreError) -> CalibrationExercise
    /// The exercise named, with the scorings begun so far (those the session may see).
    func calibrationExercise(named name: String) throws(StoreError) -> CalibrationExercise?
    /// `person`'s scoring of `file` in the exercise, begun (pinned to the file's checklist
    /// version) or resumed; refused with `.notModerator` unless they take part.
    func startOrResumeCalibration(
        _ exercise: String, file: CalibrationExercise.File, person: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit
}
