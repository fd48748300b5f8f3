import Testing

@testable import CaseAudit

@Suite struct StratifiedSamplerTests {
    static func population() -> [CaseRecord] {
        var cases: [CaseRecord] = []
        let teams = [("Alpha", 40, CaseType.childInNeed), ("Beta", 25, .childProtection), ("Gamma", 10, .lookedAfter)]
        for (team, size, type) in teams {
            for index in 0..<size {
                cases.append(CaseRecord(reference: "\(team)-\(index)", caseType: type, team: team))
            }
        }
        cases.append(CaseRecord(reference: "Orphan-1", caseType: .childInNeed))
        return cases
    }

    static func parameters(_ size: SampleParameters.Size, seed: UInt64 = 1, types: [CaseType] = []) -> SampleParameters
    {
        SampleParameters(
            month: AuditMonth(year: 2026, month: 12)!, checklistID: "x", size: size, caseTypes: types, seed: seed)
    }

    @Test func sameSeedSameSampleWhateverTheInputOrder() {
        let cases = Self.population()
        let first = StratifiedSampler.draw(cases, parameters: Self.parameters(.perStratum(3), seed: 99))
        let again = StratifiedSampler.draw(cases.reversed(), parameters: Self.parameters(.perStratum(3), seed: 99))
        let other = StratifiedSampler.draw(cases, parameters: Self.parameters(.perStratum(3), seed: 100))
        #expect(first == again)
        #expect(first != other)
    }

    @Test func perStratumTakesNFromEachTeamAndAllOfASmallOne() {
        let drawn = StratifiedSampler.draw(Self.population(), parameters: Self.parameters(.perStratum(3)))
        let byStratum = Dictionary(grouping: drawn, by: \.stratum).mapValues(\.count)
        #expect(byStratum == ["Alpha": 3, "Beta": 3, "Gamma": 3, "(unallocated)": 1])
        #expect(drawn.first { $0.stratum == "Alpha" }?.inclusionProbability == 3.0 / 40)
        #expect(drawn.first { $0.stratum == "(unallocated)" }?.inclusionProbability == 1)
        #expect(Set(drawn.map(\.reference)).count == drawn.count)
        #expect(!drawn.isEmpty)
        #expect(drawn.allSatisfy { $0.reference.hasPrefix($0.stratum == "(unallocated)" ? "Orphan" : $0.stratum) })
    }

    @Test func totalIsSharedInProportionByLargestRemainder() {
        #expect(StratifiedSampler.allocate(.total(15), sizes: [40, 25, 10, 1]) == [8, 5, 2, 0])
        #expect(StratifiedSampler.allocate(.total(10), sizes: [5, 5, 5]) == [4, 3, 3])
        #expect(StratifiedSampler.allocate(.total(100), sizes: [3, 2]) == [3, 2])
        let drawn = StratifiedSampler.draw(Self.population(), parameters: Self.parameters(.total(15)))
        #expect(drawn.count == 15)
    }

    @Test func onlyEligibleCaseTypesAreDrawn() {
        let drawn = StratifiedSampler.draw(
            Self.population(), parameters: Self.parameters(.perStratum(5), types: [.childProtection]))
        #expect(Set(drawn.map(\.stratum)) == ["Beta"])
        #expect(drawn.count == 5)
    }

    /// Within a stratum every case is equally likely: draw one file from a 10-case team under
    /// 5,000 fixed seeds and test the counts against the uniform distribution.
    @Test func everyCaseInAStratumIsEquallyLikely() {
        let cases = (0..<10).map { CaseRecord(reference: "C\($0)", caseType: .childInNeed, team: "T") }
        var counts: [String: Int] = [:]
        let runs = 5_000
        for seed in 0..<UInt64(runs) {
            for drawn in StratifiedSampler.draw(cases, parameters: Self.parameters(.perStratum(1), seed: seed)) {
                counts[drawn.reference, default: 0] += 1
            }
        }
        #expect(counts.count == 10)
        let expected = Double(runs) / 10
        let chiSquare = counts.values.reduce(0.0) { $0 + pow2(Double($1) - expected) / expected }
        // 9 degrees of freedom: 27.88 is the 0.1 % critical value.
        #expect(chiSquare < 27.88, "counts \(counts)")
    }

    /// The strata, numbered by their keys' bytes, are those a String-keyed grouping makes: the
    /// same keys in the same order, the same members in the same order, for each way of forming
    /// strata, with cases in no order, some without a team or worker, and a team name written
    /// both composed and decomposed (one stratum, as String equality makes it).
    @Test func strataAreThoseOfAGroupingByStringKeys() {
        var random = SampleRandom(seed: 7)
        let teams: [String?] = (0..<30).map { "Team \($0)" } + [nil, "\u{E9}quipe", "e\u{301}quipe"]
        let workers: [String?] = (0..<12).map { "Worker \($0)" } + [nil]
        let types = CaseType.allCases
        let cases = (0..<3_000).map { index in
            CaseRecord(
                reference: "R\(random.next(below: 1_000_000))-\(index)",
                caseType: types[random.next(below: types.count)],
                team: teams[random.next(below: teams.count)], worker: workers[random.next(below: workers.count)])
        }
        let designs: [([SampleParameters.Stratum], [CaseType])] = [
            ([.team], []), ([.team], [.childProtection, .lookedAfter]), ([.team, .caseType], []), ([.worker], []),
        ]
        for (strata, eligible) in designs {
            var parameters = Self.parameters(.perStratum(2), types: eligible)
            parameters.strata = strata
            let excluded: Set<String> = [cases[0].reference, cases[1].reference]
            let expected = Dictionary(
                grouping: cases.indices.filter {
                    (eligible.isEmpty || eligible.contains(cases[$0].caseType))
                        && !excluded.contains(cases[$0].reference)
                }, by: { StratifiedSampler.stratumKey(cases[$0], strata) }
            ).map { (key: $0.key, members: $0.value.sorted { cases[$0].reference < cases[$1].reference }) }
                .sorted { $0.key < $1.key }
            let made = StratifiedSampler.sortedStrata(
                StratifiedSampler.grouped(cases, parameters: parameters, excluded: excluded), cases: cases)
            #expect(made.count == expected.count, "\(strata)")
            #expect(made.map(\.key) == expected.map(\.key), "\(strata)")
            #expect(made.map(\.members) == expected.map(\.members), "\(strata)")
        }
        #expect(teams[31] == teams[32])
    }
}
