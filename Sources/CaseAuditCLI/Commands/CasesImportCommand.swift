import ArgumentParser
import CaseAudit
import CaseAuditFormats

struct CasesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a case list as a new dated snapshot of the population.",
        discussion: """
            CSV exports: a header row; columns found by common names (Case Reference, Case Type, Team, \
            Worker, Opened, Last Visit) or named with --map FIELD=HEADER (fields: reference, case-type, \
            team, worker, opened, last-visit). UTF-8 with or without a byte-order mark, or Windows-1252. \
            Only the case reference, case type, team, worker and dates are stored. Rows without a team are \
            kept and reported as unallocated. Nothing is stored unless the whole file is valid.
            """
    )

    @Argument(help: "The case list file.")
    var file: String

    @Option(help: "The file's format (default: from its extension).")
    var format: ArgumentChoice<CaseListImport.Format>?

    @Option(name: .customLong("map"), help: "FIELD=HEADER: the column that holds a field (repeatable).")
    var mappings: [String] = []

    @Option(help: "For a census: the DfE XSD to validate it against.")
    var schema: String?

    @Option(help: "For a census: a CSV of child id, team and worker (the census has no team).")
    var teams: String?

    @Option(
        help: "For an Annex A workbook: the lists to read (default 6,7,8,9; 3,4,5 add referrals, assessments, S47s).")
    var lists: String?

    @OptionGroup var store: DatabaseOption

    /// The format given, else the file's extension.
    var resolvedFormat: CaseListImport.Format { format?.value ?? CaseListImport.Format(file: file) }

    private func parsedLists() throws -> [Int] {
        guard let lists else { return AnnexAImport.defaultLists }
        guard let numbers = CaseListImport.lists(parsing: lists) else {
            throw ValidationError("--lists \(lists): list numbers from 3 to 9, e.g. 6,7,8,9")
        }
        return numbers
    }

    func validate() throws {
        if resolvedFormat != .cin, schema != nil || teams != nil {
            throw ValidationError("--schema and --teams are for a census (--format cin).")
        }
        if resolvedFormat != .annexA, lists != nil {
            throw ValidationError("--lists is for an Annex A workbook (--format annex-a).")
        }
        _ = try parsedLists()
    }

    func run() throws {
        let console = Console.current
        let mapping: [CaseListCSVImport.Field: String]
        do {
            mapping = try CSVMapping.parse(mappings, as: CaseListCSVImport.Field.self)
        } catch {
            throw ValidationError("--map \(error.message)")
        }
        let database = try store.open(console, creating: true)
        let options = CaseListImport.Options(mapping: mapping, schema: schema, teams: teams, lists: try parsedLists())
        let imported = try console.whileProgressing {
            console.progress("caseaudit: reading \(file)…")
            return try CaseListImport.run(file, format: resolvedFormat, options: options, into: database) { stored in
                console.progress("caseaudit: \(file): \(stored) cases stored…")
            }
        }
        console.write(imported.summary)
        console.tell(imported.notices)
    }
}
