/// Counts of open cases by team and case type in one snapshot, with the unallocated.
public struct CaseSummary: Sendable, Codable {
    public struct Row: Sendable, Codable, Hashable {
        /// Nil: cases with no team in the export.
        public var team: String?
        public var counts: [String: Int]
        public var total: Int
    }

    public var snapshot: CaseSnapshot
    public var teams: [Row]
    public var unallocated: Int
    public var total: Int

    public init(snapshot: CaseSnapshot, counts: [TeamCaseCount]) {
        self.snapshot = snapshot
        var rows: [Row] = []
        for (team, group) in Dictionary(grouping: counts, by: \.team) {
            var byType: [String: Int] = [:]
            for count in group { byType[count.caseType.rawValue, default: 0] += count.count }
            rows.append(Row(team: team, counts: byType, total: byType.values.reduce(0, +)))
        }
        teams = rows.sorted { ($0.team == nil ? 1 : 0, $0.team ?? "") < ($1.team == nil ? 1 : 0, $1.team ?? "") }
        unallocated = rows.first { $0.team == nil }?.total ?? 0
        total = rows.reduce(0) { $0 + $1.total }
    }

    public func table() -> String {
        let types = CaseType.allCases.map(\.rawValue)
        var rows = teams.map { row in
            [row.team ?? "(unallocated)"] + types.map { String(row.counts[$0] ?? 0) } + [String(row.total)]
        }
        rows.append(
            ["total"] + types.map { type in String(teams.reduce(0) { $0 + ($1.counts[type] ?? 0) }) } + [String(total)])
        var out =
            "Snapshot \(snapshot.id), imported \(snapshot.importedAt) from \(snapshot.source) (\(snapshot.format.rawValue))\n\n"
        out += TextTable(headers: ["TEAM"] + types + ["TOTAL"], rows: rows).render()
        if unallocated > 0 {
            out += "\n\(unallocated) case\(unallocated == 1 ? " has" : "s have") no team in the export.\n"
        }
        return out
    }
}
