import CaseAudit

/// Importing a case list in any of its formats as a new snapshot, and what a person should
/// know about it. The use case behind `cases import`.
public enum CaseListImport {
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case annexA = "annex-a"
        case cin

        /// From the file's extension: .xlsx is Annex A, .xml a census, else CSV.
        public init(file: String) {
            let name = file.lowercased()
            self = name.hasSuffix(".xlsx") ? .annexA : name.hasSuffix(".xml") ? .cin : .csv
        }
    }

    /// The format's own options: the CSV's column mapping; a census's schema and teams file;
    /// an Annex A workbook's lists.
    public struct Options: Sendable {
        public var mapping: [CaseListCSVImport.Field: String] = [:]
        public var schema: String?
        public var teams: String?
        public var lists: [Int] = AnnexAImport.defaultLists

        public init(
            mapping: [CaseListCSVImport.Field: String] = [:], schema: String? = nil, teams: String? = nil,
            lists: [Int] = AnnexAImport.defaultLists
        ) {
            self.mapping = mapping
            self.schema = schema
            self.teams = teams
            self.lists = lists
        }
    }

    public struct Imported: Sendable {
        public var snapshot: CaseSnapshot
        public var notices: [Notice]

        public var summary: String {
            "Snapshot \(snapshot.id): \(Plural.count(snapshot.cases, "case")) from \(snapshot.source), \(snapshot.unallocated) unallocated\n"
        }
    }

    /// Nothing is stored unless the whole file is valid. `progress` hears how many cases of a
    /// CSV are stored so far.
    public static func run(
        _ file: String, format: Format, options: Options, into store: some CaseAuditStore,
        progress: (Int) -> Void = { _ in }
    ) throws -> Imported {
        let snapshot: CaseSnapshot
        var notes: [String]
        switch format {
        case .csv:
            let result = try CaseListImporter.importCSV(
                file: file, mapping: options.mapping, into: store, progress: progress)
            (snapshot, notes) = (result.snapshot, result.notes)
        case .annexA, .cin:
            let cases =
                format == .cin
                ? try CINCensusImport.read(file: file, schema: options.schema, teams: options.teams)
                : try AnnexAImport.read(file: file, lists: options.lists)
            snapshot = try store.addCaseSnapshot(cases, source: ImportSource(name: file, sha256: cases.sha256))
            notes = cases.notes
        }
        var notices = notes.map { Notice.note("\(file): \($0)") }
        if format == .cin, options.schema == nil {
            notices.insert(.note("\(file): \(FormatMessages.Census.notValidated)", .giveCensusSchema), at: 0)
        }
        if format == .cin, options.teams == nil, snapshot.cases > 0 {
            notices.append(.note("\(file): \(FormatMessages.Census.noTeams(snapshot.cases))", .giveCensusTeams))
        }
        if snapshot.cases == 0 {
            notices.append(
                .warning("\(file): no open cases: the latest case list is now empty, so a draw has nothing to sample"))
        }
        if let chart = try store.orgChart() {
            let unknown = UnknownTeams(counts: try store.caseCounts(snapshot: snapshot.id), chart: chart)
            if !unknown.isEmpty { notices.append(.warning("\(file): \(unknown.message(of: "cases"))")) }
        }
        return Imported(snapshot: snapshot, notices: notices)
    }

    /// "6,7,8,9": Annex A list numbers, 3 to 9; nil when any part is not one.
    public static func lists(parsing text: String) -> [Int]? {
        let numbers = text.split(separator: ",").map { Int($0.trimmingWhitespace) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (3...9).contains($0) } ?? false }) else { return nil }
        return numbers.compactMap { $0 }
    }
}
