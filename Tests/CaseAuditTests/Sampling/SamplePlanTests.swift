import Testing

@testable import CaseAudit

@Suite struct SamplePlanTests {
    @Test(arguments: [
        (0.975, 1.959963984540054), (0.995, 2.5758293035489004), (0.95, 1.6448536269514722),
        (0.5, 0.0), (0.025, -1.959963984540054), (1e-10, -6.361340902404056),
    ])
    func normalQuantilesMatchPublishedValues(p: Double, z: Double) {
        #expect(abs(NormalQuantile.z(p) - z) < 1e-12)
    }

    /// Published values (e.g. the usual survey sample-size tables, Cochran with FPC).
    @Test(arguments: [
        (1000, 0.95, 0.10, 88), (500, 0.99, 0.05, 286), (1500, 0.95, 0.10, 91), (100, 0.95, 0.05, 80),
        (10, 0.95, 0.10, 10),
    ])
    func sizesMatchPublishedTables(population: Int, confidence: Double, margin: Double, n: Int) {
        #expect(SamplePlan.size(population: population, confidence: confidence, margin: margin, expectedRate: 0.5) == n)
    }

    @Test func anInfinitePopulationNeedsCochransN0() {
        #expect(SamplePlan.size(population: nil, confidence: 0.95, margin: 0.10, expectedRate: 0.5) == 97)
        #expect(SamplePlan.size(population: nil, confidence: 0.95, margin: 0.05, expectedRate: 0.5) == 385)
    }

    @Test func sharesAcrossStrataAddUpToThePlan() {
        let strata = [(key: "A", population: 600), (key: "B", population: 300), (key: "C", population: 100)]
        let plan = SamplePlan(
            strata: strata, confidence: 0.95, margin: 0.10, expectedRate: 0.5, allocation: .proportional)
        #expect(plan.sampleSize == 88)
        #expect(plan.strata.map(\.proportional) == [53, 26, 9])
        #expect(plan.strata.map(\.equal) == [30, 29, 29])
        // With one expected rate everywhere Neyman allocation is proportional allocation.
        #expect(plan.strata.map(\.neyman) == plan.strata.map(\.proportional))
        for allocation in [\SamplePlan.Stratum.proportional, \.equal, \.neyman] {
            #expect(plan.strata.map { $0[keyPath: allocation] }.reduce(0, +) == 88)
        }
        #expect(plan.strata.map(\.forOwnEstimate) == [83, 73, 50])
    }

    @Test func neymanGivesFewerFilesToAStratumWhoseRateIsNearlyCertain() {
        let strata = [(key: "A", population: 500), (key: "B", population: 500)]
        let plan = SamplePlan(
            strata: strata, confidence: 0.95, margin: 0.10, expectedRate: 0.5, stratumRates: ["A": 0.95],
            allocation: .neyman)
        #expect(plan.strata[0].neyman < plan.strata[1].neyman)
        #expect(plan.strata[0].neyman + plan.strata[1].neyman == plan.sampleSize)
    }

    @Test func neverAsksForMoreThanAStratumHas() {
        let plan = SamplePlan(
            strata: [(key: "A", population: 3), (key: "B", population: 1000)], confidence: 0.95, margin: 0.10,
            expectedRate: 0.5,
            allocation: .equal)
        #expect(plan.strata[0].equal == 3)
        #expect(plan.strata[0].equal + plan.strata[1].equal == plan.sampleSize)
    }
}
