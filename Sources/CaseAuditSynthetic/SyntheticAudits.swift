import CaseAudit

/// Submitted audits made up for benchmarks: months of samples across a synthetic council's
/// teams, every file audited against a generated checklist and submitted. The same seed gives
/// the same audits on any machine. Nothing in them is about a real child.
public enum SyntheticAudits {
    /// A valid checklist of `items` yes / partly / no / not-applicable questions, a tenth of
    /// them critical, in sections of ten.
    public static func checklistXML(items: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:caseaudit:checklist:1" id="benchmark-\(items)" version="1.0.0"
                       title="Generated benchmark checklist (\(items) questions)" caseTypes="CIN CP LAC CL" scale="ynp">
              <source issuer="caseaudit generate" issued="2026-11-21">Generated for benchmarks; not a real audit tool.</source>
              <scale id="ynp">
                <option value="yes" label="Yes" key="y" score="1"/>
                <option value="partly" label="Partly" key="p" score="0.5"/>
                <option value="no" label="No" key="n" score="0" fail="true"/>
                <option value="na" label="Not applicable" key="-" counts="false"/>
              </scale>

            """
        for section in 0..<((items + 9) / 10) {
            xml += "  <section id=\"s\(section + 1)\" title=\"Section \(section + 1)\">\n"
            for item in (section * 10)..<min(items, section * 10 + 10) {
                let critical = item % 10 == 0 ? " critical=\"true\"" : ""
                xml +=
                    "    <item id=\"q\(item + 1)\"\(critical)><prompt>Generated question \(item + 1): is it recorded on the file?</prompt></item>\n"
            }
            xml += "  </section>\n"
        }
        return xml + """
              <grading>
                <band grade="outstanding" min="0.9"/>
                <band grade="good" min="0.75"/>
                <band grade="requires-improvement" min="0.5"/>
                <band grade="inadequate" min="0"/>
                <cap when="critical-fail" grade="inadequate"/>
              </grading>
            </checklist>

            """
    }

    /// One month's sample (`filesPerTeam` files from each team, allocated to the next team's
    /// manager) and its audits, all submitted.
    public static func month(
        _ month: AuditMonth, council: SyntheticCouncil, checklist: Checklist, filesPerTeam: Int, casesPerTeam: Int,
        seed: UInt64
    ) -> (cases: [SampledCase], audits: [BulkAudit]) {
        var random = SampleRandom(seed: seed &+ UInt64(month.year * 12 + month.month))
        let teams = council.chart.teams
        let kinds = Dictionary(
            council.cases.map { ($0.team ?? "", $0.caseType) }, uniquingKeysWith: { first, _ in first })
        let levels = Dictionary(council.chart.people.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        var cases: [SampledCase] = []
        var audits: [BulkAudit] = []
        cases.reserveCapacity(teams.count * filesPerTeam)
        audits.reserveCapacity(teams.count * filesPerTeam)
        let probability = Double(filesPerTeam) / Double(max(casesPerTeam, filesPerTeam))
        for (index, team) in teams.enumerated() {
            // Each team has its own standard of practice, drifting a little month to month.
            let quality = 0.55 + Double((index * 37) % 40) / 100 + Double(random.next(below: 7)) / 100
            let auditor = teams[(index + 1) % teams.count].managerID
            for file in 0..<filesPerTeam {
                let reference = "BENCH-\(month)-\(index + 1)-\(file + 1)"
                let caseType = kinds[team.name] ?? .childInNeed
                cases.append(
                    SampledCase(
                        reference: reference, stratum: team.name, inclusionProbability: probability, caseType: caseType,
                        team: team.name,
                        auditorID: auditor))
                var answers: [ItemAnswer] = []
                answers.reserveCapacity(checklist.itemCount)
                for item in checklist.items {
                    let roll = Double(random.next(below: 1000)) / 1000
                    let value =
                        roll < quality
                        ? "yes" : roll < quality + (1 - quality) * 0.55 ? "partly" : roll < 0.97 ? "no" : "na"
                    answers.append(ItemAnswer(itemID: item.id, value: value))
                }
                let session = ScoringSession(checklist: checklist, answers: answers)
                let grade = session.grade
                let computed = grade.band?.grade ?? "inadequate"
                let bands = checklist.grading.bands.map(\.grade)
                let judgement: AuditJudgement
                if random.next(below: 10) == 0, let position = bands.firstIndex(of: computed),
                    position + 1 < bands.count
                {
                    judgement = AuditJudgement(grade: bands[position + 1], reason: "Generated: judged one grade lower.")
                } else {
                    judgement = AuditJudgement(grade: computed)
                }
                audits.append(
                    BulkAudit(
                        month: month, caseReference: reference, team: team.name, caseType: caseType,
                        inclusionProbability: probability,
                        auditorID: auditor, auditorLevel: levels[auditor], answers: answers, judgement: judgement,
                        grade: grade,
                        outcomes: session.outcomes))
            }
        }
        return (cases, audits)
    }
}
