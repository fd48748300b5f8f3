import CaseAudit
import CaseAuditXML

/// Reads the DfE Children in Need census XML: each child with an open episode (no closure date)
/// is an open case, a child protection case when that episode has a plan with no end date, a
/// child in need case otherwise. The census has no team or worker: they come from a mapping file
/// (`--teams`), or the case is unallocated. Nothing else about the child is kept: no name, no
/// date of birth, no ethnicity.
public enum CINCensusImport {
    /// Census files for a large authority run to tens of megabytes.
    static let sizeLimit = 512 * 1024 * 1024

    /// A team mapping file: child id, team, worker.
    public enum TeamField: String, CSVField {
        case reference, team, worker
        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .reference: ["child id", "la child id", "lachildid", "case reference", "reference", "id"]
            case .team: ["team", "allocated team"]
            case .worker: ["worker", "allocated worker", "social worker"]
            }
        }
        public var isRequired: Bool { self != .worker }
    }

    public static func read(file path: String, schema: String?, teams: String?) throws(InputError) -> CaseList {
        let bytes = try FileContents.readInput(path, limit: sizeLimit)
        let document: XMLDocumentHandle
        do {
            document = try SafeXMLParser.parse(bytes, name: path)
        } catch {
            throw InputError(
                error.diagnostics.map {
                    Diagnostic(.syntax, at: SourceLocation(file: path, line: $0.line, column: $0.column), $0.message)
                })
        }
        var notes: [String] = []
        if let schema { try validate(document, bytes: bytes, path: path, against: schema) }
        let allocation = try teams.map(readTeams) ?? [:]

        guard let root = document.rootElement, root.isNamed("Message"),
            let children = root.firstChild(named: "Children")
        else {
            throw InputError(
                .schema, at: SourceLocation(file: path, line: 1, column: 1), FormatMessages.Census.notACensus)
        }
        var records: [CaseRecord] = []
        var firstLine: [String: Int] = [:]
        var problems: [Diagnostic] = []
        var closed = 0
        for child in children.children(named: "Child") {
            guard
                let reference = child.firstChild(named: "ChildIdentifiers")?.firstChild(named: "LAchildID")?
                    .collapsedText,
                !reference.isEmpty
            else {
                problems.append(
                    Diagnostic(
                        .rules, at: SourceLocation(file: path, line: child.line), FormatMessages.Census.noChildID))
                continue
            }
            if let first = firstLine.updateValue(child.line, forKey: reference) {
                firstLine[reference] = first
                problems.append(
                    Diagnostic(
                        .rules, at: SourceLocation(file: path, line: child.line),
                        FormatMessages.Cases.duplicateReference(reference, firstLine: first)))
                continue
            }
            let open = child.children(named: "CINdetails").filter { $0.firstChild(named: "CINclosureDate") == nil }
            guard !open.isEmpty else {
                closed += 1
                continue
            }
            let protection = open.contains { episode in
                episode.children(named: "ChildProtectionPlans").contains { plan in
                    plan.firstChild(named: "CPPstartDate") != nil && plan.firstChild(named: "CPPendDate") == nil
                }
            }
            let referred = open.compactMap {
                $0.firstChild(named: "CINreferralDate").flatMap { CalendarDate(parsing: $0.collapsedText) }
            }.min()
            let placement = allocation[reference]
            records.append(
                CaseRecord(
                    reference: reference, caseType: protection ? .childProtection : .childInNeed, team: placement?.team,
                    worker: placement?.worker, opened: referred))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        if closed > 0 { notes.append(FormatMessages.Census.closedChildren(closed)) }
        let unknown = Set(allocation.keys).subtracting(firstLine.keys).count
        if unknown > 0 { notes.append(FormatMessages.Census.unknownInTeams(unknown)) }
        return CaseList(records: records, format: .cin, notes: notes, sha256: ImportSource.sha256(of: bytes))
    }

    private static func validate(
        _ document: XMLDocumentHandle, bytes: [UInt8], path: String, against schemaPath: String
    )
        throws(InputError)
    {
        let xsd = try FileContents.readInput(schemaPath, limit: 16 * 1024 * 1024)
        let schema: XMLSchema
        do {
            schema = try XMLSchema(xsd: xsd)
        } catch {
            throw InputError(
                error.diagnostics.map {
                    Diagnostic(
                        .schema, at: SourceLocation(file: schemaPath, line: $0.line, column: $0.column), $0.message)
                })
        }
        let (errors, omitted) = schema.validate(document)
        guard errors.isEmpty else {
            let locator = XMLSourceLocator(bytes)
            var diagnostics = errors.map { error -> Diagnostic in
                let position = locator.position(of: error)
                return Diagnostic(
                    .schema, at: SourceLocation(file: path, line: position.line, column: position.column), error.message
                )
            }
            if omitted > 0 {
                diagnostics.append(Diagnostic(.schema, at: SourceLocation(file: path), Messages.Load.omitted(omitted)))
            }
            throw InputError(diagnostics)
        }
    }

    private static func readTeams(_ path: String) throws(InputError) -> [String: (team: String, worker: String?)] {
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<TeamField>.resolve(
            header: CSVInput.header(table), mapping: [:], mappable: false, path: path)
        var teams: [String: (team: String, worker: String?)] = [:]
        for record in 1..<max(table.recordCount, 1) {
            func value(_ field: TeamField) -> String? {
                guard let column = columns.index[field], let text = table.field(column, ofRecord: record) else {
                    return nil
                }
                let trimmed = text.trimmingWhitespace
                return trimmed.isEmpty ? nil : trimmed
            }
            if let reference = value(.reference), let team = value(.team) {
                teams[reference] = (team, value(.worker))
            }
        }
        return teams
    }
}
