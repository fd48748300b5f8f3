import CaseAudit

/// A scoring session on a terminal: keys in, each effect kept in the store at once (its own
/// transaction), the frame redrawn after every key and every resize, until the auditor
/// submits, quits, or the terminal goes. The use case behind `audit score` on the screen.
public struct ScoringRun {
    public var audit: StoredAudit
    public var allocation: AuditAllocation
    public var session: ScoringSession
    public var today: CalendarDate
    /// Colours in the frames (off for NO_COLOR or when output is not a terminal).
    public var colour: Bool

    public init(
        audit: StoredAudit, allocation: AuditAllocation, session: ScoringSession, today: CalendarDate, colour: Bool
    ) {
        self.audit = audit
        self.allocation = allocation
        self.session = session
        self.today = today
        self.colour = colour
    }

    /// How the session ended: everything answered so far is already kept either way.
    public enum Ending: Sendable, Equatable {
        case submitted(AuditJudgement)
        /// Saved and left: answered of asked items.
        case saved(answered: Int, asked: Int)
    }

    /// Runs the screen on `terminal` until it ends; a store failure ends it at once (what was
    /// kept before stays kept). The terminal is left for the caller to restore.
    public func run(on terminal: some Terminal, store: some AuditStore) throws(StoreError) -> Ending {
        var screen = ScoringScreen(
            session: session,
            context: ScreenContext(
                caseReference: audit.caseReference, team: allocation.team, worker: allocation.worker, auditID: audit.id,
                auditorID: audit.auditorID),
            today: today)
        screen.size = terminal.size
        var decoder = KeyDecoder()
        var submitted: AuditJudgement?
        terminal.write(ScoringScreenText.frame(screen, colour: colour))
        reading: while true {
            let input = terminal.read()
            if terminal.takeResize() { screen.size = terminal.size }
            switch input {
            case .closed, .stopped: break reading
            case .interrupted: break
            case .bytes(let bytes):
                for key in decoder.decode(bytes) {
                    let effect = screen.handle(key)
                    try effect.keep(audit: audit.id, session: screen.session, in: store)
                    if case .submit(let judgement) = effect { submitted = judgement }
                    if effect == .quit { break reading }
                }
            }
            terminal.write(ScoringScreenText.frame(screen, colour: colour))
        }
        if let submitted { return .submitted(submitted) }
        let progress = screen.session.progress
        return .saved(answered: progress.answered, asked: progress.asked)
    }
}
