import ArgumentParser
import CaseAudit
import CaseAuditScreen

/// Runs the scoring screen on the terminal: raw keys in, each effect kept in the store at once
/// (its own transaction), the frame redrawn after every key and every resize.
struct ScoringScreenDriver {
    let audit: StoredAudit
    let allocation: AuditAllocation
    let session: ScoringSession
    let database: any CaseAuditStore
    let console: Console
    /// The command that resumes this audit, as the auditor typed it (database and folder kept).
    let resumeCommand: String

    func run() throws {
        guard let terminal = RawTerminal() else {
            console.writeError("caseaudit: error: cannot put the terminal into raw mode; use --answers FILE instead\n")
            throw ExitCode(1)
        }
        let colour = RawTerminal.outputIsTerminal && (console.environment("NO_COLOR") ?? "").isEmpty
        var screen = ScoringScreen(
            session: session,
            context: ScreenContext(
                caseReference: audit.caseReference, team: allocation.team, worker: allocation.worker, auditID: audit.id,
                auditorID: audit.auditorID),
            today: console.today())
        screen.size = terminal.size
        var decoder = KeyDecoder()
        var submitted: AuditJudgement?
        var failure: StoreError?
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
                    do {
                        try effect.keep(audit: audit.id, session: screen.session, in: database)
                        if case .submit(let judgement) = effect { submitted = judgement }
                        if effect == .quit { break reading }
                    } catch {
                        failure = error
                        break reading
                    }
                }
            }
            terminal.write(ScoringScreenText.frame(screen, colour: colour))
        }
        terminal.restore()
        if let failure { throw failure }
        let progress = screen.session.progress
        if let submitted {
            console.write("Submitted audit \(audit.id) of case \(audit.caseReference): \(submitted.grade).\n")
        } else {
            console.write(
                "Saved audit \(audit.id) of case \(audit.caseReference): \(progress.answered) of \(progress.asked) asked items answered. Resume with: \(resumeCommand)\n"
            )
        }
        terminal.dieOfStopSignal()
    }
}
