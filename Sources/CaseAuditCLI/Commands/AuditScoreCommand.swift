import ArgumentParser
import CaseAudit
import CaseAuditStore

struct AuditScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Enter a paper audit of an allocated file from a CSV of answers.",
        discussion: """
            The answers file has the columns item, answer and note (item ids and answer values as in \
            the checklist). The whole file is checked before anything is kept: unknown items, items \
            answered twice, answers the scale does not have, missing notes, and answers to items the \
            other answers skip. An audit already under way is continued against the checklist version \
            it began with.
            """
    )

    @Argument(help: "The case reference, as drawn in the sample.")
    var caseReference: String

    @Option(help: "The auditor's id in the org chart: the file must be allocated to them.")
    var auditor: String

    @Option(help: "The answers CSV (item,answer,note).")
    var answers: String

    @OptionGroup var location: ChecklistDirectoryOption
    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        do {
            let drawn = try database.allocations(auditor: nil).filter { $0.caseReference == caseReference }
            guard let allocation = drawn.max(by: { $0.sampleID < $1.sampleID }) else {
                console.writeError("caseaudit: error: case '\(caseReference)' is not allocated in any sample\n")
                throw ExitCode(1)
            }
            guard allocation.auditorID == auditor else {
                console.writeError(
                    "caseaudit: error: case '\(caseReference)' (sample \(allocation.sampleID), \(allocation.month)) is allocated to \(allocation.auditorID), not \(auditor)\n"
                )
                throw ExitCode(1)
            }
            let begun = try database.unfinishedAudit(sampleID: allocation.sampleID, caseReference: caseReference, auditorID: auditor)
            let pinned = try pinnedChecklist(of: begun, for: allocation, database: database, console: console)
            let checklist = try load(pinned, console: console)
            let earlier = try begun.map { audit throws(StoreError) in try database.answers(audit: audit.id) } ?? []
            let sheet: (session: ScoringSession, answers: [ItemAnswer])
            do {
                sheet = try AnswerSheetImport.read(file: answers, into: ScoringSession(checklist: checklist, answers: earlier))
            } catch {
                throw console.reject(error)
            }
            let audit = try database.startOrResumeAudit(
                sampleID: allocation.sampleID, caseReference: caseReference, auditorID: auditor, checklist: pinned)
            try database.recordAnswers(sheet.answers, audit: audit.id)
            console.write(AuditProgressText.render(sheet.session, recorded: sheet.answers.count, audit: audit))
        } catch let error as StoreError {
            throw console.reject(error)
        }
    }

    /// The checklist an audit under way was pinned to, else the current one in the folder.
    private func pinnedChecklist(
        of begun: StoredAudit?, for allocation: AuditAllocation, database: SQLiteStore, console: Console
    ) throws -> PinnedChecklist {
        if let begun, let pinned = try database.pinnedChecklist(hash: begun.checklistHash) {
            return pinned
        }
        let loaded = try ChecklistReference.load(allocation.checklistID, directory: location.resolved(console), console: console)
        // `load` always computes the content hash; the bytes' own hash is as good a pin key.
        let hash = loaded.contentHash ?? ContentHash(of: loaded.xml)
        return PinnedChecklist(id: loaded.checklist.id, version: loaded.checklist.version, hash: hash.description, xml: loaded.xml)
    }

    private func load(_ pinned: PinnedChecklist, console: Console) throws -> Checklist {
        do {
            return try ChecklistLoader().load(bytes: pinned.xml, path: "\(pinned.id) \(pinned.version) (as pinned)").checklist
        } catch {
            DiagnosticPrinter.print(error.diagnostics, to: console)
            throw ExitCode(1)
        }
    }
}
