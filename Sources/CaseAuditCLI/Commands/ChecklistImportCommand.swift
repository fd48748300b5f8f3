import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports

struct ChecklistImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a board's audit tool (xlsx, docx or csv) into a checklist.",
        discussion: """
            The header row is found by its names (No./Ref, Question/Standard, Guidance/Evidence to look \
            for, Section, Weight, Critical, RAG/Rating); a row with one filled cell, or a Word heading, \
            starts a section; blank rows are skipped; the board's numbering and wording are kept. When \
            the detection gets a layout wrong, --map says which column is which. With --update, the \
            questions of the checklist given that are unchanged or only lightly reworded keep their \
            ids (at least 75% of their words in common, or 50% with the same number), new questions \
            get new ids, removed ones are dropped, the version goes up, and the differences are printed.
            """
    )

    @Argument(help: "The board's document: .xlsx, .docx or .csv.")
    var file: String

    @Option(name: [.short, .customLong("out")], help: "The checklist to write.")
    var out: String

    @Option(help: "The checklist's id (default: from the file name, or the updated checklist's).")
    var id: String?

    @Option(help: "The title (default: the document's title row, else the file name).")
    var title: String?

    @Option(help: "The version (default: 1.0.0; with --update, the old one's next minor version).")
    var version: String?

    @Option(help: "The answer scale: ynp, grade4 or rag (default: from a rating column, else ynp).")
    var scale: ArgumentChoice<ImportScale>?

    @Option(help: "The sheet to read in a workbook (default: the first).")
    var sheet: String?

    @Option(help: "Which column is which, e.g. prompt=B,guidance=C,section=A,critical=D (letters or header names).")
    var map: String?

    @Option(help: "Who issued the document (recorded in the checklist).")
    var issuer: String = "Local safeguarding children board"

    @Option(help: "A checklist this document is a new version of: unchanged questions keep their ids.")
    var update: String?

    private func parsedMap() throws -> [BoardColumn: String] {
        do {
            return try map.map(BoardColumn.mapping) ?? [:]
        } catch {
            throw ValidationError("--map \(error.message)")
        }
    }

    func validate() throws {
        _ = try parsedMap()
        if let id, !ChecklistNaming.isID(id) { throw ValidationError("--id '\(id)': \(ChecklistNaming.idRule).") }
        if let version, !ChecklistNaming.isVersion(version) {
            throw ValidationError("--version '\(version)': \(ChecklistNaming.versionRule).")
        }
    }

    func run() throws {
        let console = Console.current
        let request = BoardChecklistImport.Request(
            file: file, out: out, sheet: sheet, map: try parsedMap(), update: update, id: id, title: title,
            version: version, scale: scale?.value, issuer: issuer)
        let imported = try BoardChecklistImport.run(request, today: console.today())
        console.write(BoardImportText.render(imported, out: out))
    }
}
