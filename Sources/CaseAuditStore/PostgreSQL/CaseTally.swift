import CaseAudit

/// A case list's counts by team and case type, counted as its rows are written to the server
/// (`case_tally`). Teams are found by their bytes through a `ByteIndex`: a Dictionary keyed by
/// the team's String hashed a million team names with SipHash (4 % of an import's client work).
struct CaseTally {
    private static let types = CaseType.allCases
    private var teams = ByteIndex(capacity: 1_024)
    private var names: [String] = []
    /// By team number, then case type; cases without a team last.
    private var counts: [Int] = []
    private var unallocated = [Int](repeating: 0, count: types.count)

    mutating func count(team: String?, caseType: CaseType) {
        let type = Self.types.firstIndex(of: caseType) ?? 0
        guard let team else { return unallocated[type] += 1 }
        let seen = teams.number(team)
        if seen.isNew {
            names.append(team)
            counts.append(contentsOf: repeatElement(0, count: Self.types.count))
        }
        counts[seen.number * Self.types.count + type] += 1
    }

    /// The cases without a team.
    var unallocatedCount: Int { unallocated.reduce(0, +) }

    /// Each team and case type with cases, and how many.
    var rows: [(team: String?, caseType: CaseType, cases: Int)] {
        let allocated = names.indices.flatMap { team in
            Self.types.indices.map { type in
                (names[team] as String?, Self.types[type], counts[team * Self.types.count + type])
            }
        }
        let none = Self.types.indices.map { (nil as String?, Self.types[$0], unallocated[$0]) }
        return (allocated + none).filter { $0.2 > 0 }.map { (team: $0.0, caseType: $0.1, cases: $0.2) }
    }
}
