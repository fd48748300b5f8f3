import CaseAudit

/// Reads an org chart from CSV:
///
///     id,name,level,team,manages,reports_to,login
///     dcs1,Director,DCS,,,
///     ad1,AD Children in Need,AD,,,dcs1
///     sm1,Service Manager East,SM,,,ad1
///     tm1,Team Manager Assessment 1,TM,Assessment 1,Assessment 1,sm1
///     sw1,Social Worker,SW,Assessment 1,,tm1
///
/// `team` is the team a person works in; `manages` the team(s) a team manager manages
/// (separated by `;`). Teams are the ones named there. `login` (optional) is who the person
/// is to the system: their database login, or their account on the machine. Every error names
/// its row.
public enum OrgChartImport {
    public enum Field: String, CSVField {
        case id, name, level, team, manages
        case reportsTo = "reports_to"
        case login

        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .id: ["id", "person id", "staff id", "employee id"]
            case .name: ["name", "display name", "full name"]
            case .level: ["level", "role", "grade"]
            case .team: ["team", "team name"]
            case .manages: ["manages", "manages team", "manages teams"]
            case .reportsTo: ["reports to", "line manager", "manager", "manager id"]
            case .login: ["login", "user", "username", "account"]
            }
        }
        public var isRequired: Bool { self == .id || self == .name || self == .level || self == .reportsTo }
    }

    public static func read(file path: String, mapping: [Field: String] = [:]) throws(InputError) -> OrgChart {
        try chart(from: CSVInput.table(path), path: path, mapping: mapping)
    }

    /// The org chart in the file, and where it came from: its name and the SHA-256 of the very
    /// bytes read, for the trail.
    public static func readForImport(file path: String, mapping: [Field: String] = [:]) throws(InputError) -> (
        chart: OrgChart, source: ImportSource
    ) {
        let read = try CSVInput.tableAndDigest(path)
        return (
            try chart(from: read.table, path: path, mapping: mapping), ImportSource(name: path, sha256: read.sha256)
        )
    }

    private static func chart(from table: CSVTable, path: String, mapping: [Field: String]) throws(InputError)
        -> OrgChart
    {
        let columns = try CSVColumns<Field>.resolve(
            header: CSVInput.header(table), mapping: mapping, mappable: false, path: path)
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ field: Field?, _ message: String) {
            problems.append(
                Diagnostic(
                    .rules, at: SourceLocation(file: path, line: line, column: columns.column(of: field)), message))
        }
        func value(_ field: Field, _ record: Int) -> String? { columns.value(field, record, in: table) }

        var people: [Person] = []
        var rowOf: [String: Int] = [:]
        var managerOf: [String: (id: String, line: Int)] = [:]
        var teamMentions: [String: [Int]] = [:]
        var loginOf: [String: (id: String, line: Int)] = [:]
        for record in 1..<table.recordCount {
            let line = table.line(ofRecord: record)
            guard let id = value(.id, record) else {
                problem(line, .id, FormatMessages.Org.missing("id"))
                continue
            }
            if let first = rowOf[id] {
                problem(line, .id, FormatMessages.Org.duplicateID(id, firstLine: first))
                continue
            }
            rowOf[id] = line
            guard let name = value(.name, record) else {
                problem(line, .name, FormatMessages.Org.missing("name"))
                continue
            }
            let levelText = value(.level, record) ?? ""
            guard let level = ManagerLevel(rawValue: levelText.uppercased()) else {
                problem(line, .level, FormatMessages.Org.unknownLevel(levelText))
                continue
            }
            let team = value(.team, record)
            if let team { teamMentions[team, default: []].append(line) }
            for managed in (value(.manages, record) ?? "").split(separator: ";").map({ $0.trimmingWhitespace })
            where !managed.isEmpty {
                if let other = managerOf[managed] {
                    problem(
                        line, .manages, FormatMessages.Org.twoManagers(managed, first: other.id, firstLine: other.line))
                } else {
                    managerOf[managed] = (id, line)
                }
                teamMentions[managed, default: []].append(line)
            }
            let login = value(.login, record)
            if let login {
                if let other = loginOf[login] {
                    problem(line, .login, FormatMessages.Org.sharedLogin(login, first: other.id, firstLine: other.line))
                } else {
                    loginOf[login] = (id, line)
                }
            }
            people.append(
                Person(
                    id: id, displayName: name, level: level, team: team, reportsTo: value(.reportsTo, record),
                    login: login))
        }
        if table.recordCount < 2 { problem(1, nil, FormatMessages.CSV.headerOnly) }

        for person in people {
            if let manager = person.reportsTo, rowOf[manager] == nil {
                problem(rowOf[person.id] ?? 0, .reportsTo, FormatMessages.Org.unknownManager(manager, of: person.id))
            }
        }
        let teams = managerOf.map { Team(name: $0.key, managerID: $0.value.id) }.sorted { $0.name < $1.name }
        for (team, lines) in teamMentions.sorted(by: { $0.key < $1.key }) where managerOf[team] == nil {
            problem(lines[0], .team, FormatMessages.Org.teamWithoutManager(team, lines: lines))
        }

        let chart = OrgChart(people: people, teams: teams)
        // Cycles: follow each reporting line; report each cycle once, at its first member's row.
        var reported: Set<String> = []
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for person in people where !reported.contains(person.id) {
            var path: [String] = [person.id]
            var next = person.reportsTo
            while let id = next, byID[id] != nil {
                if let start = path.firstIndex(of: id) {
                    let cycle = Array(path[start...])
                    if reported.isDisjoint(with: cycle) {
                        let first = cycle.min { (rowOf[$0] ?? 0) < (rowOf[$1] ?? 0) } ?? id
                        problem(rowOf[first] ?? 0, .reportsTo, FormatMessages.Org.cycle(cycle + [id]))
                    }
                    reported.formUnion(cycle)
                    break
                }
                path.append(id)
                next = byID[id]?.reportsTo
            }
        }
        if problems.isEmpty {
            let lines = chart.managementLines()
            for team in teams {
                if let top = lines[team.name]?.last, top.level != .director {
                    problem(
                        managerOf[team.name]?.line ?? 0, .manages, FormatMessages.Org.doesNotRollUp(team.name, top: top)
                    )
                }
            }
        }
        guard problems.isEmpty else {
            throw InputError(
                problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        return chart
    }
}
