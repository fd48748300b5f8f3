import ArgumentParser
import CaseAudit
import CaseAuditScreen

/// The scoring screen on this process's terminal, and what the auditor is told when it ends.
struct ScoringScreenDriver {
    let session: ScoringRun
    let database: any CaseAuditStore
    let console: Console
    /// The command that resumes this audit, as the auditor typed it (database and folder kept).
    let resumeCommand: String

    func run() throws {
        guard let terminal = RawTerminal() else { throw ScreenUnavailable.noRawMode }
        // The terminal is put back before anything is said, whether the session ended or failed.
        let ended = Result { () throws(StoreError) in try session.run(on: terminal, store: database) }
        terminal.restore()
        let ending = try ended.get()
        let audit = session.audit
        var unsavedChanges: UnsavedChanges?
        switch ending {
        case .submitted(let judgement):
            console.write("Submitted audit \(audit.id) of case \(audit.caseReference): \(judgement.grade).\n")
        case .saved(_, _, let unsaved) where unsaved > 0:
            console.write("Left audit \(audit.id) of case \(audit.caseReference). Resume with: \(resumeCommand)\n")
            unsavedChanges = UnsavedChanges(audit: audit.id, changes: unsaved)
        case .saved(let answered, let asked, _):
            console.write(
                "Saved audit \(audit.id) of case \(audit.caseReference): \(answered) of \(asked) asked items answered. Resume with: \(resumeCommand)\n"
            )
        }
        terminal.dieOfStopSignal()
        if let unsavedChanges { throw unsavedChanges }
    }
}
