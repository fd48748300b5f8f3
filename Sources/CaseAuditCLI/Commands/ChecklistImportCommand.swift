import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports
import Foundation

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

    func run() throws {
        let console = Console.current
        let result: BoardChecklist.Result
        let previous: LoadedChecklist?
        let options: BoardChecklist.Options
        let mapping = try map.map { text throws(InputError) in try BoardColumn.mapping(text).get() } ?? [:]
        previous = try update.map { path throws(InputError) in try Self.load(path) }
        let board = try BoardImport(BoardReader.read(file, sheet: sheet), mapping: mapping)
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        options = BoardChecklist.Options(
            id: id ?? previous?.checklist.id ?? BoardChecklist.slug(name, fallback: "imported"),
            title: title ?? previous?.checklist.title ?? board.title ?? name,
            version: version ?? previous.map { Self.nextVersion($0.checklist.version) } ?? "1.0.0",
            scale: scale?.value, issuer: issuer, document: URL(fileURLWithPath: file).lastPathComponent,
            importedOn: console.today())
        result = try BoardChecklist.make(board, options: options, previous: previous?.checklist)

        do {
            try Data(result.xml.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            console.writeError(
                "caseaudit: error: \(out): cannot write the checklist: \(WriteFailure.describe(error))\n")
            throw ExitCode(1)
        }
        console.write("Wrote \(out) (\(options.id) \(options.version)): \(result.summary).\n")
        if let previous, let matching = result.matching {
            console.write(
                "Kept the ids of \(matching.kept.count) question\(matching.kept.count == 1 ? "" : "s") (\(matching.kept.count { $0.similarity < 1 }) reworded); \(matching.added.count) new; \(matching.dropped.count) dropped.\n\n"
            )
            let diff = ChecklistDiff(old: previous.checklist, new: result.loaded.checklist)
            console.write(ChecklistDiffText.render(diff, oldPath: previous.path, newPath: out))
        }
    }

    private static func load(_ path: String) throws(InputError) -> LoadedChecklist {
        do {
            return try ChecklistLoader().load(file: path)
        } catch {
            throw InputError(error.diagnostics)
        }
    }

    /// "1.0.0" → "1.1.0"; "2" → "2.1".
    static func nextVersion(_ version: String) -> String {
        var parts = version.split(separator: ".").map { Int($0) ?? 0 }
        if parts.count == 1 { parts.append(0) }
        parts[1] += 1
        for index in parts.indices.dropFirst(2) { parts[index] = 0 }
        return parts.map(String.init).joined(separator: ".")
    }
}
