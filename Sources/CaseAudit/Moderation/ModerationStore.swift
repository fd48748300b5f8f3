/// Where moderation draws are kept.
public protocol ModerationStore: Sendable {
    /// Records a month's moderation draw (its id, time and who drew it filled in), with its
    /// event in the trail, in one transaction; refused with `.moderationDrawn` when the month
    /// has one already.
    func addModerationDraw(_ draw: ModerationDraw) throws(StoreError) -> ModerationDraw
    /// The month's draw, if one was made.
    func moderationDraw(month: AuditMonth) throws(StoreError) -> ModerationDraw?
}
