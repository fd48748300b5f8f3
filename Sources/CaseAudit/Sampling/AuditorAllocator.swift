/// Gives each sampled file an auditor.
///
/// - Capacity: each person of a level with a quota audits at most that many files.
/// - Independence: nobody audits a file from a team whose management line includes them
///   (their own team, or teams under them), unless `allowOwnLine`. The DCS is in every team's
///   line, so is exempt; a file with no team has no line and anyone may audit it.
/// - Balance: of the auditors left, the one who has used the smallest share of their quota
///   (then the more junior, then by id), so work spreads across people and levels.
/// Files are taken in stratum and reference order, so the result is the same every time.
/// `alreadyAllocated`: files each auditor holds already this month (a top-up counts the
/// month's other samples against the quota).
public enum AuditorAllocator {
    public static func allocate(
        _ files: [SampledCase], chart: OrgChart, quota: AuditorQuota, allowOwnLine: Bool,
        alreadyAllocated: [String: Int] = [:]
    ) -> [Allocation] {
        struct Auditor {
            var person: Person
            var capacity: Int
            var used = 0
            var overseen: Set<String>
        }
        let overseenBy = chart.teamsOverseenByEveryone()
        var auditors = chart.people.compactMap { person -> Auditor? in
            guard let capacity = quota.filesPerAuditor[person.level], capacity > 0 else { return nil }
            let overseen = chart.teamsExcludedFromAuditing(by: person, overseen: overseenBy)
            return Auditor(
                person: person, capacity: capacity, used: alreadyAllocated[person.id] ?? 0, overseen: overseen)
        }.sorted { $0.person.id < $1.person.id }

        // For each team, the auditors in its line (at most a handful), by index.
        var inLine: [String: [Int]] = [:]
        for index in auditors.indices {
            for team in auditors[index].overseen { inLine[team, default: []].append(index) }
        }
        func better(_ a: Int, than b: Int) -> Bool {
            let left = auditors[a], right = auditors[b]
            let shareLeft = Double(left.used) / Double(left.capacity)
            let shareRight = Double(right.used) / Double(right.capacity)
            return (shareLeft, -left.person.level.order, left.person.id)
                < (shareRight, -right.person.level.order, right.person.id)
        }

        var allocations: [Allocation] = []
        for file in files.sorted(by: { ($0.stratum, $0.reference) < ($1.stratum, $1.reference) }) {
            let excluded = allowOwnLine ? [] : file.team.flatMap { inLine[$0] } ?? []
            var anyRoom = false
            var chosen: Int?
            for index in auditors.indices where auditors[index].used < auditors[index].capacity {
                anyRoom = true
                if excluded.contains(index) { continue }
                if let current = chosen, !better(index, than: current) { continue }
                chosen = index
            }
            guard let chosen else {
                let reason: Unallocated = anyRoom ? .onlyOwnLine(team: file.team ?? "") : .quotasUsedUp
                allocations.append(Allocation(reference: file.reference, auditorID: nil, reason: reason))
                continue
            }
            auditors[chosen].used += 1
            allocations.append(
                Allocation(reference: file.reference, auditorID: auditors[chosen].person.id, reason: nil))
        }
        return allocations
    }
}

extension Array where Element == SampledCase {
    /// The same files with their allocations recorded on them.
    public func allocated(_ allocations: [Allocation]) -> [SampledCase] {
        let byReference = Dictionary(allocations.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        return map { file in
            var file = file
            file.auditorID = byReference[file.reference]?.auditorID
            file.unallocatedReason = byReference[file.reference]?.reason?.text
            return file
        }
    }
}

/// Who audits a sampled file, or why nobody could be given it.
public struct Allocation: Sendable, Hashable, Codable {
    public var reference: String
    public var auditorID: String?
    public var reason: Unallocated?

    public init(reference: String, auditorID: String?, reason: Unallocated?) {
        self.reference = reference
        self.auditorID = auditorID
        self.reason = reason
    }
}
