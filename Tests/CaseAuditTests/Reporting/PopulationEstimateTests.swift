import Testing

@testable import CaseAudit

/// The weighted estimate's interval, checked by simulation against a synthetic council whose
/// true share good or better is known: drawn by the sampler itself, 10,000 times.
@Suite struct PopulationEstimateTests {
    /// 16 teams of 24 to 143 open cases whose true shares good or better run from 30 % to 90 %,
    /// the larger teams not the better ones; every case is good or not, fixed by its reference.
    static let council: (cases: [CaseRecord], good: [String: Bool]) = {
        var cases: [CaseRecord] = []
        var good: [String: Bool] = [:]
        var random = SampleRandom(seed: 20_261_202)
        let types: [CaseType] = [.childInNeed, .childProtection, .lookedAfter]
        for team in 0..<16 {
            let size = 24 + (team * 37) % 120
            let share = 0.3 + 0.6 * Double((team * 7) % 16) / 15
            for index in 0..<size {
                let reference = "T\(team)-\(index)"
                let type = types[random.next(below: 3)]
                cases.append(CaseRecord(reference: reference, caseType: type, team: "Team \(team)"))
                // Child-protection files a little weaker, so the weights matter.
                let chance = type == .childProtection ? share * 0.8 : share
                good[reference] = Double(random.next(below: 1_000_000)) / 1_000_000 < chance
            }
        }
        return (cases, good)
    }()

    static var truth: Double {
        Double(council.good.values.count(where: { $0 })) / Double(council.cases.count)
    }

    /// How often the interval holds the truth over `samples` draws of the design.
    static func coverage(_ parameters: (UInt64) -> SampleParameters, samples: Int) -> (
        covered: Double, meanEstimate: Double
    ) {
        var covered = 0
        var total = 0.0
        for seed in 1...samples {
            let drawn = StratifiedSampler.draw(council.cases, parameters: parameters(UInt64(seed)))
            let files = drawn.map {
                PopulationEstimate.File(
                    stratum: $0.team ?? "", inclusionProbability: $0.inclusionProbability,
                    good: council.good[$0.reference] ?? false)
            }
            guard let estimate = PopulationEstimate(files: files) else { continue }
            if estimate.lower <= truth && truth <= estimate.upper { covered += 1 }
            total += estimate.share
        }
        // The figure the README quotes (`swift test --filter PopulationEstimateTests`).
        print("population estimate: \(covered) of \(samples) intervals hold the truth \(truth)")
        return (Double(covered) / Double(samples), total / Double(samples))
    }

    @Test func intervalCoversTheTruthOfAStratifiedSample() throws {
        let month = try #require(AuditMonth(year: 2026, month: 11))
        let result = Self.coverage(
            { SampleParameters(month: month, checklistID: "c", size: .perStratum(6), seed: $0) }, samples: 10_000)
        #expect(result.covered >= 0.945, "covered \(result.covered)")
        // The estimator is (nearly) unbiased: the mean of 10,000 estimates is near the truth.
        #expect(abs(result.meanEstimate - Self.truth) < 0.005)
    }

    @Test func intervalCoversTheTruthOfARiskWeightedSample() throws {
        let month = try #require(AuditMonth(year: 2026, month: 11))
        let result = Self.coverage(
            {
                SampleParameters(
                    month: month, checklistID: "c", size: .total(96), seed: $0,
                    weights: [.childProtection: 3, .lookedAfter: 2])
            }, samples: 10_000)
        #expect(result.covered >= 0.945, "covered \(result.covered)")
        #expect(abs(result.meanEstimate - Self.truth) < 0.005)
    }

    @Test func varianceIsTheStratifiedFormula() throws {
        // Two strata: A with π ½ (4 files, 2 good), B with π ¼ (2 files, 1 good).
        let files = [
            PopulationEstimate.File(stratum: "A", inclusionProbability: 0.5, good: true, count: 2),
            PopulationEstimate.File(stratum: "A", inclusionProbability: 0.5, good: false, count: 2),
            PopulationEstimate.File(stratum: "B", inclusionProbability: 0.25, good: true),
            PopulationEstimate.File(stratum: "B", inclusionProbability: 0.25, good: false),
        ]
        let estimate = try #require(PopulationEstimate(files: files))
        // N̂ = 8 + 8 = 16, R̂ = (4 + 4)/16 = ½; A: (1 − ½)·4/3·(2/16)²·4·¼; B: (1 − ¼)·2·(4/16)²·2·¼.
        let a = 0.5 * 4.0 / 3.0 * (2.0 / 16) * (2.0 / 16) * 4 * 0.25
        let b = 0.75 * 2.0 * (4.0 / 16) * (4.0 / 16) * 2 * 0.25
        #expect(estimate.share == 0.5)
        #expect(abs(estimate.standardError - (a + b).squareRoot()) < 1e-12)
        #expect(estimate.strata == 2)
        #expect(abs(estimate.effectiveFiles - min(6, 0.25 / (a + b))) < 1e-9)
        #expect(estimate.lower < 0.5 && estimate.upper > 0.5)
    }

    @Test func singleFilesArePooledAndCertaintyHasNoVariance() throws {
        // Every file drawn with certainty: the estimate is the share and its variance nothing.
        let census = (0..<4).map {
            PopulationEstimate.File(stratum: "S\($0)", inclusionProbability: 1, good: $0 < 3)
        }
        let estimate = try #require(PopulationEstimate(files: census))
        #expect(estimate.share == 0.75)
        #expect(estimate.standardError == 0)
        #expect(estimate.strata == 1)  // four strata of one file, pooled
        #expect(PopulationEstimate(files: []) == nil)
        #expect(PopulationEstimate(files: [.init(stratum: "A", inclusionProbability: 0, good: true)]) == nil)
    }
}
