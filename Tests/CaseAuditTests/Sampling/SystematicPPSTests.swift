import Testing

@testable import CaseAudit

@Suite struct SystematicPPSTests {
    static let units: [CaseRecord] = (0..<20).map {
        CaseRecord(
            reference: String(format: "C%02d", $0), caseType: $0 < 5 ? .childProtection : .childInNeed, team: "T")
    }

    static func parameters(seed: UInt64, weights: [CaseType: Double]) -> SampleParameters {
        SampleParameters(
            month: AuditMonth("2026-12")!, checklistID: "x", size: .perStratum(4), seed: seed, weights: weights)
    }

    @Test func drawsExactlyNWithProbabilitiesInProportionToWeight() {
        let drawn = StratifiedSampler.draw(
            Self.units, parameters: Self.parameters(seed: 3, weights: [.childProtection: 3]))
        #expect(drawn.count == 4)
        #expect(Set(drawn.map(\.reference)).count == 4)
        // W = 5·3 + 15·1 = 30; π = 4·w/30.
        for file in drawn {
            let expected = file.caseType == .childProtection ? 12.0 / 30 : 4.0 / 30
            #expect(abs(file.inclusionProbability - expected) < 1e-12)
        }
    }

    @Test func takesAHeavyUnitWithCertainty() {
        var random = SampleRandom(seed: 1)
        let picked = SystematicPPS.draw(
            Self.units, count: 3, weight: { $0.reference == "C00" ? 100 : 1 }, random: &random)
        #expect(picked.count == 3)
        #expect(picked.contains { $0.0.reference == "C00" && $0.1 == 1 })
        #expect(!picked.filter { $0.1 < 1 }.isEmpty)
        #expect(picked.filter { $0.1 < 1 }.allSatisfy { abs($0.1 - 2.0 / 19) < 1e-12 })
    }

    /// Over many seeds each unit is drawn about as often as its recorded probability says.
    @Test func frequenciesMatchTheRecordedProbabilities() {
        var counts: [String: Int] = [:]
        var probability: [String: Double] = [:]
        let runs = 4_000
        for seed in 0..<UInt64(runs) {
            for file in StratifiedSampler.draw(
                Self.units, parameters: Self.parameters(seed: seed, weights: [.childProtection: 3]))
            {
                counts[file.reference, default: 0] += 1
                probability[file.reference] = file.inclusionProbability
            }
        }
        for unit in Self.units {
            let expected = Double(runs) * (unit.caseType == .childProtection ? 12.0 / 30 : 4.0 / 30)
            let seen = Double(counts[unit.reference] ?? 0)
            // Within 5 standard deviations of a binomial count.
            let sd = (expected * (1 - expected / Double(runs))).squareRoot()
            #expect(abs(seen - expected) < 5 * sd, "\(unit.reference): \(seen) vs \(expected)")
        }
    }

    @Test func readsWeightsAndWindows() {
        #expect(SampleParameters.weights(parsing: "CP=3, LAC=2") == [.childProtection: 3, .lookedAfter: 2])
        #expect(SampleParameters.weights(parsing: "CP=0") == nil)
        #expect(SampleParameters.weights(parsing: "Adoption=2") == nil)
        #expect(SampleParameters.months(parsing: "6m") == 6)
        #expect(SampleParameters.months(parsing: "1y") == 12)
        #expect(SampleParameters.months(parsing: "90d") == nil)
        #expect(AuditMonth("2026-03")!.subtracting(months: 6).description == "2025-09")
    }
}
