import CaseAudit
import CaseAuditFormats
import Foundation

/// A made-up council for demos, tests and benchmarks: an org chart and a case list, the same
/// for the same parameters on any machine (drawn with `SampleRandom`). Every name is plainly
/// fictional and every row is marked as demo data.
public struct SyntheticCouncil: Sendable {
    public struct Parameters: Sendable {
        public var teams: Int
        public var cases: Int
        public var workersPerTeam: Int
        public var asOf: CalendarDate
        public var seed: UInt64

        /// What the generator makes at most: a council far larger than any in England (the
        /// largest has about 400 teams and 15,000 open cases), so benchmarks fit and typos don't
        /// fill the disk.
        public static let teamRange = 1...5_000
        public static let caseRange = 0...10_000_000
        public static let workerRange = 1...200
        public static let auditRange = 1...10_000_000
        public static let monthRange = 1...240
        public static let itemRange = 1...500
        public static let boardQuestionRange = 1...100_000

        /// The demo council: 12 teams, 4 service managers, 2 ADs, a DCS, 80 social workers and
        /// about 1,500 open cases.
        public static func demo(asOf: CalendarDate) -> Parameters {
            Parameters(teams: 12, cases: 1500, workersPerTeam: 7, asOf: asOf, seed: 20_091_217)
        }

        public init(teams: Int, cases: Int, workersPerTeam: Int, asOf: CalendarDate, seed: UInt64) {
            self.teams = teams
            self.cases = cases
            self.workersPerTeam = workersPerTeam
            self.asOf = asOf
            self.seed = seed
        }
    }

    public let chart: OrgChart
    public let cases: [CaseRecord]

    static let kinds: [(name: String, types: [CaseType])] = [
        ("Assessment", [.childInNeed, .childInNeed, .childInNeed, .childProtection]),
        ("Child in Need", [.childInNeed]),
        ("Child Protection", [.childProtection, .childProtection, .childInNeed]),
        ("Children in Care", [.lookedAfter]),
        ("Leaving Care", [.careLeaver, .careLeaver, .lookedAfter]),
    ]
    static let firstNames = [
        "Robin", "Sam", "Alex", "Jo", "Charlie", "Frankie", "Jamie", "Kit", "Morgan", "Riley",
        "Sasha", "Toni", "Avery", "Billie", "Drew", "Emery",
    ]
    static let surnames = ["Example", "Sample", "Specimen", "Placeholder", "Dummy", "Mockup", "Testcase", "Prototype"]

    public init(_ parameters: Parameters) {
        var random = SampleRandom(seed: parameters.seed)
        var people: [Person] = []
        var teams: [Team] = []
        var counter = 0
        func name(_ role: String) -> String {
            counter += 1
            let first = Self.firstNames[random.next(below: Self.firstNames.count)]
            let last = Self.surnames[random.next(below: Self.surnames.count)]
            return "\(first) \(last) \(counter) (\(role), demo)"
        }
        let teamCount = max(parameters.teams, 1)
        let serviceManagers = max(1, (teamCount + 2) / 3)
        let directors = max(1, (serviceManagers + 1) / 2)
        people.append(Person(id: "dcs", displayName: name("DCS"), level: .director))
        for index in 0..<directors {
            people.append(
                Person(id: "ad\(index + 1)", displayName: name("AD"), level: .assistantDirector, reportsTo: "dcs"))
        }
        for index in 0..<serviceManagers {
            people.append(
                Person(
                    id: "sm\(index + 1)", displayName: name("SM"), level: .serviceManager,
                    reportsTo: "ad\(index * directors / serviceManagers + 1)"))
        }
        var workersByTeam: [String: [Person]] = [:]
        var teamKinds: [String: [CaseType]] = [:]
        for index in 0..<teamCount {
            let kind = Self.kinds[index % Self.kinds.count]
            let teamName = "\(kind.name) \(index / Self.kinds.count + 1)"
            teamKinds[teamName] = kind.types
            let manager = Person(
                id: "tm\(index + 1)", displayName: name("TM"), level: .teamManager, team: teamName,
                reportsTo: "sm\(index * serviceManagers / teamCount + 1)")
            people.append(manager)
            teams.append(Team(name: teamName, managerID: manager.id))
            people.append(
                Person(
                    id: "atm\(index + 1)", displayName: name("ATM"), level: .assistantTeamManager, team: teamName,
                    reportsTo: manager.id))
            for worker in 0..<parameters.workersPerTeam {
                let person = Person(
                    id: "sw\(index + 1)-\(worker + 1)", displayName: name("SW"), level: .socialWorker, team: teamName,
                    reportsTo: manager.id)
                people.append(person)
                workersByTeam[teamName, default: []].append(person)
            }
        }
        people.append(Person(id: "iro1", displayName: name("IRO"), level: .reviewingOfficer, reportsTo: "sm1"))
        people.append(Person(id: "qa1", displayName: name("QA"), level: .qualityOfficer, reportsTo: "ad1"))
        chart = OrgChart(people: people, teams: teams)

        var records: [CaseRecord] = []
        records.reserveCapacity(parameters.cases)
        let teamNames = teams.map(\.name)
        for index in 0..<parameters.cases {
            let reference = "DEMO-\(String(index + 1).leftPadded(to: 7))"
            let unallocated = random.next(below: 50) == 0
            let teamName = teamNames[random.next(below: teamNames.count)]
            let types = teamKinds[teamName] ?? [.childInNeed]
            let type = types[random.next(below: types.count)]
            let workers = workersByTeam[teamName] ?? []
            let worker = workers.isEmpty ? nil : workers[random.next(below: workers.count)].displayName
            let opened = parameters.asOf.adding(days: -random.next(below: 1000) - 1)
            let visited = parameters.asOf.adding(days: -random.next(below: 60))
            records.append(
                CaseRecord(
                    reference: reference, caseType: type, team: unallocated ? nil : teamName,
                    worker: unallocated ? nil : worker, opened: opened, lastVisit: max(visited, opened)))
        }
        cases = records
    }

    /// The org chart as `caseaudit org import` reads it.
    public func orgCSV() -> String {
        let managed = Dictionary(grouping: chart.teams, by: \.managerID).mapValues {
            $0.map(\.name).joined(separator: ";")
        }
        var rows = [["id", "name", "level", "team", "manages", "reports_to"]]
        for person in chart.people {
            rows.append([
                person.id, person.displayName, person.level.rawValue, person.team ?? "", managed[person.id] ?? "",
                person.reportsTo ?? "",
            ])
        }
        return CSVWriter.render(rows)
    }

    /// The case list as a case-management system would export it (columns in its own words).
    public func casesCSV() -> String {
        var text = "Case Reference,Case Type,Allocated Team,Allocated Worker,Start Date,Date Last Seen\r\n"
        text.reserveCapacity(cases.count * 96)
        let labels: [CaseType: String] = [
            .childInNeed: "Child in Need", .childProtection: "Child Protection Plan", .lookedAfter: "Looked After",
            .careLeaver: "Care Leaver",
        ]
        for record in cases {
            let row = [
                record.reference, labels[record.caseType] ?? record.caseType.rawValue, record.team ?? "",
                record.worker ?? "", record.opened.map(Self.ukDate) ?? "", record.lastVisit.map(Self.ukDate) ?? "",
            ]
            text += row.map(CSVWriter.cell).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// The case list as Ofsted's Annex A workbook: List 6 (children in need, including those on
    /// a plan), 7 (child protection), 8 (looked after), 9 (care leavers); dates as Excel serials.
    public func annexAWorkbook() throws(XLSXWriter.Failure) -> Data {
        func serial(_ date: CalendarDate?) -> XLSXWriter.Cell {
            guard let date else { return .empty }
            // Excel counts from 1899-12-30 for any date after February 1900.
            return .number(Double(date.dayNumber + 25_569))
        }
        func sheet(_ number: Int, _ headers: [String], _ types: [CaseType], _ dates: (CaseRecord) -> [XLSXWriter.Cell])
            -> XLSXWriter.Sheet
        {
            var rows: [[XLSXWriter.Cell]] = [headers.map { .text($0) }]
            for record in cases where types.contains(record.caseType) {
                rows.append(
                    [.text(record.reference)] + dates(record)
                        + [.text(record.team ?? "#N/A"), .text(record.worker ?? "#N/A")])
            }
            return XLSXWriter.Sheet(name: "List \(number)", rows: rows)
        }
        return try XLSXWriter.workbook([
            sheet(
                6,
                [
                    "Child Unique ID", "CIN Start Date", "Date Child Was Last Seen", "Allocated Team",
                    "Allocated Worker",
                ],
                [.childInNeed, .childProtection]
            ) { [serial($0.opened), serial($0.lastVisit)] },
            sheet(
                7,
                [
                    "Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit",
                    "Allocated Team", "Allocated Worker",
                ], [.childProtection]
            ) { [serial($0.opened), serial($0.lastVisit)] },
            sheet(
                8,
                [
                    "Child Unique ID", "Date Started to be Looked After", "Date of Last Social Work Visit",
                    "Allocated Team", "Allocated Worker",
                ], [.lookedAfter]
            ) { [serial($0.opened), serial($0.lastVisit)] },
            sheet(9, ["Child Unique ID", "Allocated Team", "Allocated Worker"], [.careLeaver]) { _ in [] },
        ])
    }

    /// dd/mm/yyyy, as UK exports write dates.
    static func ukDate(_ date: CalendarDate) -> String {
        "\(String(date.day).leftPadded(to: 2))/\(String(date.month).leftPadded(to: 2))/\(date.year)"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
