import Testing

@testable import CaseAudit

@Suite struct ModerationSelectionTests {
    /// A DCS, an AD over two SMs, each SM over one TM with a team; an IRO outside the line.
    static let chart = OrgChart(
        people: [
            Person(id: "dcs", displayName: "D", level: .director),
            Person(id: "ad", displayName: "A", level: .assistantDirector, reportsTo: "dcs"),
            Person(id: "sm1", displayName: "S1", level: .serviceManager, reportsTo: "ad"),
            Person(id: "sm2", displayName: "S2", level: .serviceManager, reportsTo: "ad"),
            Person(id: "tm1", displayName: "T1", level: .teamManager, team: "A", reportsTo: "sm1"),
            Person(id: "tm2", displayName: "T2", level: .teamManager, team: "B", reportsTo: "sm2"),
            Person(id: "iro", displayName: "I", level: .reviewingOfficer),
        ],
        teams: [Team(name: "A", managerID: "tm1"), Team(name: "B", managerID: "tm2")])

    static func candidates(_ count: Int, inadequate: Set<Int> = []) -> [ModerationCandidate] {
        (1...count).map { index in
            let team = index % 2 == 0 ? "A" : "B"
            let auditor = team == "A" ? "tm2" : "tm1"
            return ModerationCandidate(
                auditID: AuditID(Int64(index)), caseReference: "C\(1000 + index)", checklistID: "c", team: team,
                auditorID: auditor, auditorLevel: .teamManager,
                judgement: inadequate.contains(index) ? "inadequate" : "good")
        }
    }

    @Test func aRuleReadsAndWritesItsTerms() throws {
        let rule = try ModerationRule(parsing: " Inadequate , requires improvement,12.5%,case:C-1 ")
        #expect(rule.grades == ["inadequate", "requires-improvement"])
        #expect(rule.share == 0.125 && rule.files == ["C-1"])
        #expect(rule.description == "inadequate,requires-improvement,12.5%,case:C-1")
        #expect(try ModerationRule(parsing: rule.description) == rule)
        #expect(ModerationRule.standard.description == "inadequate,10%")
        #expect(throws: ModerationError.badRule("10%,20%", term: "20%", expected: "one share, from 0% to 100%")) {
            try ModerationRule(parsing: "10%,20%")
        }
        #expect(throws: ModerationError.self) { try ModerationRule(parsing: "inadequate,,10%") }
        #expect(throws: ModerationError.self) { try ModerationRule(parsing: "case:") }
    }

    @Test func everyChosenGradeAndTheShareRoundedUp() {
        let files = ModerationSelection.select(
            Self.candidates(23, inadequate: [4, 9]), rule: .standard, seed: 1, chart: Self.chart)
        #expect(files.filter { $0.reason == .grade }.map(\.auditID) == [4, 9])
        // 10 % of the other 21, rounded up: 3; 0 % takes none, 100 % all.
        #expect(files.count(where: { $0.reason == .random }) == 3)
        let none = ModerationSelection.select(
            Self.candidates(5), rule: ModerationRule(grades: [], share: 0), seed: 1, chart: Self.chart)
        #expect(none.isEmpty)
        let all = ModerationSelection.select(
            Self.candidates(5), rule: ModerationRule(grades: [], share: 1), seed: 1, chart: Self.chart)
        #expect(all.count == 5)
    }

    @Test func theSameSeedChoosesTheSameFilesWhateverTheOrder() {
        let candidates = Self.candidates(40)
        let rule = ModerationRule(grades: [], share: 0.25)
        let one = ModerationSelection.select(candidates, rule: rule, seed: 42, chart: Self.chart)
        let shuffled = ModerationSelection.select(candidates.reversed(), rule: rule, seed: 42, chart: Self.chart)
        #expect(one == shuffled && one.count == 10)
        let seeds = (1...20).map { seed in
            Set(
                ModerationSelection.select(candidates, rule: rule, seed: UInt64(seed), chart: Self.chart).map(\.auditID)
            )
        }
        #expect(Set(seeds).count > 15)  // other seeds, other files
    }

    @Test func aModeratorIsMoreSeniorAndOutsideTheFilesLine() throws {
        // tm1 audits team B's files: SM2 and the AD are in B's line; SM1 is not. Balance spreads
        // files to the fewest-loaded, the more junior first.
        let files = ModerationSelection.select(
            Self.candidates(6), rule: ModerationRule(grades: [], share: 1), seed: 1, chart: Self.chart)
        for file in files {
            let moderator = try #require(file.moderatorID)
            #expect(
                file.team == "B" ? moderator != "sm2" && moderator != "ad" : moderator != "sm1" && moderator != "ad")
            #expect(moderator != "tm1" && moderator != "tm2" && moderator != "iro")
        }
        // The SMs, being more junior, take the first files; the DCS (in every line, exempt) then.
        #expect(Set(files.compactMap(\.moderatorID)) == ["sm1", "sm2", "dcs"])

        // Nobody is more senior than the DCS; an IRO's audit goes to a manager from TM up.
        let top = ModerationCandidate(
            auditID: 1, caseReference: "X", checklistID: "c", team: "A", auditorID: "dcs", auditorLevel: .director,
            judgement: "inadequate")
        let iro = ModerationCandidate(
            auditID: 2, caseReference: "Y", checklistID: "c", team: "A", auditorID: "iro",
            auditorLevel: .reviewingOfficer, judgement: "inadequate")
        let chosen = ModerationSelection.select([top, iro], rule: .standard, seed: 1, chart: Self.chart)
        #expect(chosen[0].moderatorID == nil)
        #expect(chosen[0].unallocatedReason == "nobody in the org chart is more senior than dcs")
        #expect(chosen[1].moderatorID == "tm2")  // the most junior outside team A's line
    }
}
