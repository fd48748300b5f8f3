import ArgumentParser
import CaseAudit
import CaseAuditFormats
import Foundation

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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case annexA = "annex-a"
        case cin
    }

    @Argument(help: "The case list file.")
    var file: String

    @Option(help: "The file's format (default: from its extension).")
    var format: Format?

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

    /// The format given, else the file's extension: .xlsx is Annex A, .xml a census, else CSV.
    var resolvedFormat: Format {
        if let format { return format }
        let name = file.lowercased()
        return name.hasSuffix(".xlsx") ? .annexA : name.hasSuffix(".xml") ? .cin : .csv
    }

    private func parsedLists() throws -> [Int] {
        guard let lists else { return AnnexAImport.defaultLists }
        let numbers = lists.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (3...9).contains($0) } ?? false }) else {
            throw ValidationError("--lists \(lists): list numbers from 3 to 9, e.g. 6,7,8,9")
        }
        return numbers.compactMap { $0 }
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
            throw ValidationError(error.message)
        }
        let database = try store.open(console, creating: true)
        if resolvedFormat != .csv {
            let cases =
                resolvedFormat == .cin
                ? try CINCensusImport.read(file: file, schema: schema, teams: teams)
                : try AnnexAImport.read(file: file, lists: try parsedLists())
            let snapshot = try database.addCaseSnapshot(cases, source: file)
            for note in cases.notes { console.writeError("caseaudit: note: \(file): \(note)\n") }
            console.write(
                "Snapshot \(snapshot.id): \(Plural.count(snapshot.cases, "case")) from \(file), \(snapshot.unallocated) unallocated\n"
            )
            try warnAboutTeams(of: snapshot, in: database, console: console)
            return
        }
        let result: CaseListImporter.Result
        do {
            console.progress("caseaudit: reading \(file)…")
            result = try CaseListImporter.importCSV(file: file, mapping: mapping, into: database) { stored in
                console.progress("caseaudit: \(file): \(stored) cases stored…")
            }
            console.endProgress()
        } catch {
            console.endProgress()
            switch error {
            case .input(let input): throw input
            case .store(let failure): throw failure
            }
        }
        let snapshot = result.snapshot
        for note in result.notes { console.writeError("caseaudit: note: \(file): \(note)\n") }
        console.write(
            "Snapshot \(snapshot.id): \(Plural.count(snapshot.cases, "case")) from \(file), \(snapshot.unallocated) unallocated\n"
        )
        try warnAboutTeams(of: snapshot, in: database, console: console)

    }

    /// Says which of the case list's teams the org chart lacks, and an empty list.
    private func warnAboutTeams(of snapshot: CaseSnapshot, in database: any CaseAuditStore, console: Console) throws {
        if snapshot.cases == 0 {
            console.writeError(
                "caseaudit: warning: \(file): no open cases: the latest case list is now empty, so a draw has nothing to sample\n"
            )
        }
        guard let chart = try database.orgChart() else { return }
        let unknown = UnknownTeams(counts: try database.caseCounts(snapshot: snapshot.id), chart: chart)
        if !unknown.isEmpty { console.writeError("caseaudit: warning: \(file): \(unknown.message(of: "cases"))\n") }
    }
}
