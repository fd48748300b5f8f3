import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats
@testable import CaseAuditSynthetic

@Suite struct AuditorAllocatorTests {
    static let council = SyntheticCouncil(.demo(asOf: CalendarDate(year: 2026, month: 11, day: 1)!))

    static func draw(perTeam: Int, seed: UInt64) -> ([SampledCase], [String: CaseRecord]) {
        let parameters = SampleParameters(
            month: AuditMonth("2026-12")!, checklistID: "x", size: .perStratum(perTeam), seed: seed)
        let cases = Dictionary(council.cases.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        return (StratifiedSampler.draw(council.cases, parameters: parameters), cases)
    }

    /// Over many seeds: nobody audits a file from a team in their own line (the DCS aside),
    /// and nobody exceeds their quota.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func independenceAndQuotasAlwaysHold(seed: UInt64) {
        let (files, cases) = Self.draw(perTeam: 2, seed: seed)
        let allocations = AuditorAllocator.allocate(
            files, chart: Self.council.chart, quota: .standard, allowOwnLine: false)
        #expect(allocations.count == files.count)
        var load: [String: Int] = [:]
        for allocation in allocations {
            guard let auditor = allocation.auditorID, let person = Self.council.chart.person(id: auditor) else {
                Issue.record("\(allocation.reference) not allocated: \(allocation.reason?.text ?? "")")
                continue
            }
            load[auditor, default: 0] += 1
            if person.level != .director, let team = cases[allocation.reference]?.team {
                #expect(
                    !Self.council.chart.managementLine(ofTeam: team).contains { $0.id == auditor },
                    "\(auditor) audits \(team)")
            }
        }
        for (auditor, count) in load {
            let level = Self.council.chart.person(id: auditor)?.level
            #expect(count <= (level.flatMap { AuditorQuota.standard.filesPerAuditor[$0] } ?? 0))
        }
    }

    @Test func spreadsWorkBeforeDoublingUp() {
        let (files, _) = Self.draw(perTeam: 1, seed: 11)
        let allocations = AuditorAllocator.allocate(
            files, chart: Self.council.chart, quota: .standard, allowOwnLine: false)
        let load = Dictionary(grouping: allocations.compactMap(\.auditorID), by: { $0 }).mapValues(\.count)
        // 13 files and 19 auditors: nobody should have two.
        #expect(files.count == 13 && load.count == files.count)
        #expect(load.values.allSatisfy { $0 == 1 })
    }

    @Test func listsWhatCannotBeAllocatedAndWhy() {
        let (files, _) = Self.draw(perTeam: 2, seed: 3)
        let tight = AuditorQuota([.teamManager: 1])
        let allocations = AuditorAllocator.allocate(files, chart: Self.council.chart, quota: tight, allowOwnLine: false)
        let unallocated = allocations.filter { $0.auditorID == nil }
        #expect(unallocated.count == files.count - 12)
        #expect(unallocated.allSatisfy { $0.reason != nil })
        #expect(unallocated.contains { $0.reason == .quotasUsedUp })
        // The reasons say what happened; what to do about it is the front end's to word.
        #expect(unallocated.allSatisfy { $0.reason?.text.contains("--") == false })
    }

    /// After a draw: each file nobody could be given, with what would help, for a handful; past
    /// that, one warning counting them by reason, whose remedy says how to list them.
    @Test func unallocatedFilesAreWarnedOfWithWhatWouldHelp() throws {
        let (files, _) = Self.draw(perTeam: 2, seed: 3)
        let allocations = AuditorAllocator.allocate(
            files, chart: Self.council.chart, quota: AuditorQuota([.teamManager: 1]), allowOwnLine: false)
        let reasons = Dictionary(
            allocations.compactMap { allocation in allocation.reason.map { (allocation.reference, $0) } },
            uniquingKeysWith: { first, _ in first })
        let month = try #require(AuditMonth("2026-12"))
        let sample = StoredSample(
            id: SampleID(1), sequence: 1,
            parameters: SampleParameters(month: month, checklistID: "x", size: .perStratum(2), seed: 3),
            snapshotID: 1, algorithm: "", drawnAt: "", cases: files.allocated(allocations))
        let outcome = MonthlyDraw.Outcome(
            sample: sample, replaced: [], excludedCount: 0, allocated: true, unknownTeams: nil, unallocated: reasons)
        #expect(reasons.count > 5)

        let grouped = outcome.unallocatedWarnings()
        #expect(grouped.count == 1)
        let ownLine = reasons.values.contains { $0 != .quotasUsedUp }
        guard case .warning(let text, let remedy) = grouped.first else {
            Issue.record("no warning: \(grouped)")
            return
        }
        #expect(text.hasPrefix("\(reasons.count) files are not allocated: "))
        #expect(remedy == .listUnallocated(month, ownLine: ownLine))

        let each = outcome.unallocatedWarnings(listing: reasons.count)
        #expect(each.count == reasons.count)
        for notice in each {
            guard case .warning(let text, let remedy) = notice,
                let reference = text.split(separator: " ").first.map(String.init), let why = reasons[reference]
            else {
                Issue.record("not a file's warning: \(notice)")
                continue
            }
            #expect(text.hasSuffix("is not allocated: \(why.text)"))
            #expect(remedy == .allocateMore(ownLine: why != .quotasUsedUp))
        }
    }

    @Test func ownLineIsAllowedOnlyWhenAsked() throws {
        let chart = try OrgChartImport.read(file: Fixtures.population("org-valid.csv"))
        let file = SampledCase(
            reference: "C1", stratum: "Assessment", inclusionProbability: 1, caseType: .childInNeed, team: "Assessment")
        let quota = AuditorQuota([.teamManager: 1, .serviceManager: 1])
        let strict = AuditorAllocator.allocate([file], chart: chart, quota: quota, allowOwnLine: false)
        #expect(strict.first?.auditorID == "tm2")
        let onlyOwn = AuditorAllocator.allocate(
            [file], chart: chart, quota: AuditorQuota([.serviceManager: 1]), allowOwnLine: false)
        #expect(onlyOwn.first?.auditorID == nil)
        #expect(onlyOwn.first?.reason == .onlyOwnLine(team: "Assessment"))
        #expect(onlyOwn.first?.reason?.remedy == .allocateMore(ownLine: true))
        let allowed = AuditorAllocator.allocate(
            [file], chart: chart, quota: AuditorQuota([.serviceManager: 1]), allowOwnLine: true)
        #expect(allowed.first?.auditorID == "sm1")
    }

    @Test func readsQuotas() throws {
        #expect(
            try AuditorQuota(parsing: "TM=2, SM=2,ad=1").filesPerAuditor == [
                .teamManager: 2, .serviceManager: 2, .assistantDirector: 1,
            ])
        for bad in ["TM", "XX=1", "SW=2", "TM=two", "TM=-1", ""] {
            #expect(throws: AuditorQuota.SyntaxError.self, "\(bad)") { try AuditorQuota(parsing: bad) }
        }
        #expect(AuditorQuota.standard.description == "TM=2,SM=2,AD=1,DCS=1")
    }
}
