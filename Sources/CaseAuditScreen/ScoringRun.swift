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

    /// How the session ended: everything answered so far is already kept either way, except
    /// `unsaved` changes that were on screen, marked not saved, when the auditor left without
    /// them (or the terminal went) while the server could not be reached.
    public enum Ending: Sendable, Equatable {
        case submitted(AuditJudgement)
        /// Saved and left: answered of asked items.
        case saved(answered: Int, asked: Int, unsaved: Int)
    }

    /// How long the screen waits between tries while changes wait for the server.
    public static let retryEvery = 2.0

    /// Runs the screen on `terminal` until it ends. A change the store cannot keep because the
    /// server cannot be reached stays on screen, marked NOT SAVED, and is tried again every
    /// `retryEvery` seconds and after every key, in order, until it is kept; any other store
    /// failure ends the session at once (what was kept before stays kept). The terminal is
    /// left for the caller to restore.
    public func run(on terminal: some Terminal, store: some AuditStore) throws(StoreError) -> Ending {
        var screen = ScoringScreen(
            session: session,
            context: ScreenContext(
                caseReference: audit.caseReference, team: allocation.team, worker: allocation.worker, auditID: audit.id,
                auditorID: audit.auditorID),
            today: today)
        screen.size = terminal.size
        var decoder = KeyDecoder()
        var pending = PendingChanges(audit: audit.id)
        terminal.write(ScoringScreenText.frame(screen, colour: colour))
        reading: while true {
            let input = terminal.read(timeout: pending.isEmpty ? nil : Self.retryEvery)
            if terminal.takeResize() { screen.size = terminal.size }
            switch input {
            case .closed, .stopped: break reading
            case .interrupted: break
            case .timedOut: try pending.keep(in: store, screen: &screen)
            case .bytes(let bytes):
                for key in decoder.decode(bytes) {
                    let effect = screen.handle(key)
                    if effect == .quit {
                        try pending.keep(in: store, screen: &screen)
                        if pending.isEmpty || screen.unsaved?.leaveAsked == true { break reading }
                        screen.unsaved?.leaveAsked = true
                        continue
                    }
                    pending.add(effect, session: screen.session)
                    try pending.keep(in: store, screen: &screen)
                }
            }
            terminal.write(ScoringScreenText.frame(screen, colour: colour))
        }
        if let submitted = pending.submitted { return .submitted(submitted) }
        let progress = screen.session.progress
        return .saved(answered: progress.answered, asked: progress.asked, unsaved: pending.count)
    }
}

/// The screen's changes not yet kept, oldest first, each with the session as it was when it
/// was made (a submission records that session's grade and outcomes).
struct PendingChanges {
    let audit: AuditID
    private var changes: [(effect: ScreenEffect, session: ScoringSession)] = []
    /// The judgement of a submission once it is kept.
    private(set) var submitted: AuditJudgement?

    init(audit: AuditID) { self.audit = audit }

    var isEmpty: Bool { changes.isEmpty }
    var count: Int { changes.count }

    mutating func add(_ effect: ScreenEffect, session: ScoringSession) {
        if effect != .none { changes.append((effect, session)) }
    }

    /// Keeps what waits, in order, until the server cannot be reached (then the screen says
    /// what is not saved) or everything is kept (then it says nothing).
    mutating func keep(in store: some AuditStore, screen: inout ScoringScreen) throws(StoreError) {
        while let next = changes.first {
            do {
                try next.effect.keep(audit: audit, session: next.session, in: store)
            } catch {
                switch error {
                case .unavailable(_, let reason):
                    screen.unsaved = ScoringScreen.Unsaved(
                        changes: changes.count, reason: reason, leaveAsked: screen.unsaved?.leaveAsked ?? false)
                    return
                // A submission whose commit reached the server though its answer did not.
                case .submitted(let kept) where kept == audit && next.effect.isSubmission: break
                default: throw error
                }
            }
            if case .submit(let judgement) = next.effect { submitted = judgement }
            changes.removeFirst()
        }
        screen.unsaved = nil
    }
}

extension ScreenEffect {
    var isSubmission: Bool {
        if case .submit = self { return true }
        return false
    }
}

/// The auditor left (or the terminal went) while changes on screen were still not kept,
/// because the server could not be reached.
public struct UnsavedChanges: ReportableError, Hashable {
    public var audit: AuditID
    public var changes: Int

    public init(audit: AuditID, changes: Int) {
        self.audit = audit
        self.changes = changes
    }

    public var message: String {
        "the last \(changes == 1 ? "change" : "\(changes) changes") to audit \(audit), marked NOT SAVED on screen, "
            + "\(changes == 1 ? "was" : "were") not kept (the server could not be reached): enter "
            + "\(changes == 1 ? "it" : "them") again when you resume; everything before is kept"
    }
}
