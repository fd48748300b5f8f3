/// Draws a stratified random sample of case files.
///
/// 1. Eligible cases (by case type) are grouped into strata (team, case type or both), each
///    stratum sorted by case reference, the strata in order of their key: the result does not
///    depend on the order of the export.
/// 2. Each stratum's share: a fixed number per stratum, or a total shared in proportion to
///    stratum size by the largest-remainder method (ties to the earlier stratum).
/// 3. Within each stratum, in that order, a partial Fisher–Yates shuffle driven by
///    `SampleRandom(seed:)` picks the files. Each file's inclusion probability is n/N of its
///    stratum, recorded for weighted estimates.
public enum StratifiedSampler {
    /// `excluded`: case references left out (recently sampled).
    public static func draw(_ cases: [CaseRecord], parameters: SampleParameters, excluded: Set<String> = [])
        -> [SampledCase]
    {
        let strata = sortedStrata(grouped(cases, parameters: parameters, excluded: excluded), cases: cases)
        let shares = allocate(parameters.size, sizes: strata.map(\.members.count))
        var random = SampleRandom(seed: parameters.seed)
        var drawn: [SampledCase] = []
        for (stratum, share) in zip(strata, shares) where share > 0 {
            let picked: [(Int, Double)]
            if parameters.weights.isEmpty {
                var pool = stratum.members
                for index in 0..<share {
                    let pick = index + random.next(below: pool.count - index)
                    pool.swapAt(index, pick)
                }
                let probability = Double(share) / Double(pool.count)
                picked = pool[0..<share].map { ($0, probability) }
            } else {
                let members = stratum.members.map { cases[$0] }
                let chosen = SystematicPPS.draw(
                    members, count: share, weight: { parameters.weights[$0.caseType] ?? 1 }, random: &random)
                let position = Dictionary(uniqueKeysWithValues: zip(members.map(\.reference), stratum.members))
                picked = chosen.compactMap { record, probability in position[record.reference].map { ($0, probability) }
                }
            }
            drawn += picked.map { index, probability in
                let record = cases[index]
                return SampledCase(
                    reference: record.reference, stratum: stratum.key, inclusionProbability: probability,
                    caseType: record.caseType, team: record.team, worker: record.worker)
            }
        }
        return drawn
    }

    /// The eligible cases' positions, by stratum, the strata in no particular order. Work is on
    /// positions, each field read in place: a snapshot can hold a million cases, and copying a
    /// record retains and releases its strings. Strata are numbered by their keys' bytes
    /// (`ByteIndex`): a Dictionary keyed by String hashed every case's key with SipHash.
    static func grouped(_ cases: [CaseRecord], parameters: SampleParameters, excluded: Set<String>)
        -> [(key: String, members: [Int])]
    {
        let byTeam = parameters.strata == [.team]
        var numbers = ByteIndex(capacity: 1_024)
        var strata: [(key: String, members: [Int])] = []
        cases.withUnsafeBufferPointer { cases in
            for position in cases.indices {
                guard parameters.caseTypes.isEmpty || parameters.caseTypes.contains(cases[position].caseType),
                    excluded.isEmpty || !excluded.contains(cases[position].reference)
                else { continue }
                let key =
                    byTeam ? cases[position].team ?? unallocatedKey : stratumKey(cases[position], parameters.strata)
                let stratum = numbers.number(key)
                if stratum.isNew { strata.append((key: key, members: [])) }
                strata[stratum.number].members.append(position)
            }
        }
        // Keys equal as Strings but not in their bytes (a name written composed in one row and
        // decomposed in another) are one stratum, as they were when a String keyed them.
        guard Set(strata.map(\.key)).count < strata.count else { return strata }
        return Dictionary(grouping: strata, by: \.key).map { key, parts in
            (key: key, members: parts.flatMap(\.members).sorted())
        }
    }

    /// From this many eligible cases, half the strata are sorted on another core.
    static let parallelSortThreshold = 200_000

    /// The strata in key order, each stratum's members in reference order (so that the draw
    /// does not depend on the order the cases came in).
    static func sortedStrata(_ groups: [(key: String, members: [Int])], cases: [CaseRecord]) -> [(
        key: String, members: [Int]
    )] {
        let keyed = groups.sorted { $0.key < $1.key }
        @Sendable func sortMembers(_ members: [Int]) -> [Int] {
            cases.withUnsafeBufferPointer { cases in members.sorted { cases[$0].reference < cases[$1].reference } }
        }
        let total = keyed.reduce(0) { $0 + $1.members.count }
        guard total >= parallelSortThreshold, keyed.count > 1 else {
            return keyed.map { (key: $0.key, members: sortMembers($0.members)) }
        }
        // Split the strata into two halves of about the same number of cases.
        var running = 0
        let split =
            keyed.firstIndex {
                running += $0.members.count; return running >= total / 2
            } ?? keyed.count / 2
        let later = Array(keyed[(split + 1)...])
        let background = BackgroundWork { later.map { (key: $0.key, members: sortMembers($0.members)) } }
        let earlier = keyed[...split].map { (key: $0.key, members: sortMembers($0.members)) }
        return earlier + background.wait()
    }

    /// The strata the cases fall into, with their sizes, in key order.
    public static func strata(of cases: [CaseRecord], by strata: [SampleParameters.Stratum], caseTypes: [CaseType] = [])
        -> [(key: String, population: Int)]
    {
        let eligible = caseTypes.isEmpty ? cases : cases.filter { caseTypes.contains($0.caseType) }
        return Dictionary(grouping: eligible) { stratumKey($0, strata) }.map { ($0.key, $0.value.count) }
            .sorted { $0.0 < $1.0 }.map { (key: $0.0, population: $0.1) }
    }

    /// The stratum of the cases without a team.
    static let unallocatedKey = "(unallocated)"

    /// "team|case type" style key; "(unallocated)" for a case with no team.
    static func stratumKey(_ record: CaseRecord, _ strata: [SampleParameters.Stratum]) -> String {
        if strata == [.team] { return record.team ?? unallocatedKey }  // the common case, without joining
        return strata.map { stratum in
            switch stratum {
            case .team: record.team ?? unallocatedKey
            case .caseType: record.caseType.rawValue
            case .worker: record.worker ?? "(no worker)"
            }
        }.joined(separator: " | ")
    }

    /// How many files each stratum gives.
    static func allocate(_ size: SampleParameters.Size, sizes: [Int]) -> [Int] {
        switch size {
        case .perStratum(let count):
            return sizes.map { min($0, count) }
        case .total(let wanted):
            let population = sizes.reduce(0, +)
            return LargestRemainder.shares(
                of: min(wanted, population), weights: sizes.map(Double.init), caps: sizes)
        }
    }
}

/// One file in a sample.
public struct SampledCase: Sendable, Hashable, Codable {
    public var reference: String
    public var stratum: String
    /// The chance this file had of being drawn: its stratum's n/N.
    public var inclusionProbability: Double
    /// The case as it was when drawn.
    public var caseType: CaseType?
    public var team: String?
    public var worker: String?
    /// The person (org chart id) who audits it, once allocated.
    public var auditorID: String?
    /// Why it could not be allocated, when it could not.
    public var unallocatedReason: String?

    public init(
        reference: String, stratum: String, inclusionProbability: Double, caseType: CaseType? = nil,
        team: String? = nil,
        worker: String? = nil, auditorID: String? = nil, unallocatedReason: String? = nil
    ) {
        self.reference = reference
        self.stratum = stratum
        self.inclusionProbability = inclusionProbability
        self.caseType = caseType
        self.team = team
        self.worker = worker
        self.auditorID = auditorID
        self.unallocatedReason = unallocatedReason
    }
}
