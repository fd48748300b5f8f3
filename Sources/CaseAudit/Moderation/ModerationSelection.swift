/// Chooses a month's files for moderation and gives each a moderator: the pure part of
/// `moderation draw`, run again by `moderation redraw` on what the draw recorded.
///
/// 1. Every candidate judged one of the rule's grades, then the files it names.
/// 2. Of the rest, in case-reference and audit order, a partial Fisher–Yates shuffle driven by
///    `SampleRandom(seed:)` picks the share, rounded up (so 10 % of 3 files is 1).
/// 3. Each chosen file, in case-reference and audit order, goes to a moderator: a manager more
///    senior than its auditor (ATM, TM, SM, AD, DCS; an auditor outside the management line,
///    such as an IRO, is moderated by a TM or above) who is not the auditor and whose line
///    does not include the file's team (the sampler's independence rule; the DCS is in every
///    line, so is exempt); of those, the one with the fewest files so far in this draw, then
///    the more junior (senior time is scarcer), then by id.
public enum ModerationSelection {
    public static func select(
        _ candidates: [ModerationCandidate], rule: ModerationRule, seed: UInt64, chart: OrgChart
    ) -> [ModeratedFile] {
        let ordered = candidates.sorted { ($0.caseReference, $0.auditID) < ($1.caseReference, $1.auditID) }
        let grades = Set(rule.grades.map(ModerationRule.gradeKey))
        let named = Set(rule.files)
        var chosen: [(ModerationCandidate, ModeratedFile.Reason)] = []
        var rest: [ModerationCandidate] = []
        for candidate in ordered {
            if grades.contains(ModerationRule.gradeKey(candidate.judgement)) {
                chosen.append((candidate, .grade))
            } else if named.contains(candidate.caseReference) {
                chosen.append((candidate, .named))
            } else {
                rest.append(candidate)
            }
        }
        let wanted = min(rest.count, Int((rule.share * Double(rest.count) - 1e-9).rounded(.up)))
        var random = SampleRandom(seed: seed)
        for index in 0..<max(0, wanted) {
            let pick = index + random.next(below: rest.count - index)
            rest.swapAt(index, pick)
        }
        chosen += rest.prefix(max(0, wanted)).map { ($0, .random) }
        chosen.sort { ($0.0.caseReference, $0.0.auditID) < ($1.0.caseReference, $1.0.auditID) }
        return allocate(chosen, chart: chart)
    }

    /// The levels that moderate, most senior first.
    static let moderating: [ManagerLevel] = [
        .director, .assistantDirector, .serviceManager, .teamManager, .assistantTeamManager,
    ]

    static func allocate(_ chosen: [(ModerationCandidate, ModeratedFile.Reason)], chart: OrgChart) -> [ModeratedFile] {
        let overseen = chart.teamsOverseenByEveryone()
        let moderators = chart.people.filter { moderating.contains($0.level) }.sorted { $0.id < $1.id }
        let excluded = moderators.map { chart.teamsExcludedFromAuditing(by: $0, overseen: overseen) }
        var load = [Int](repeating: 0, count: moderators.count)
        return chosen.map { candidate, reason in
            var file = ModeratedFile(
                auditID: candidate.auditID, caseReference: candidate.caseReference,
                checklistID: candidate.checklistID, team: candidate.team, auditorID: candidate.auditorID,
                reason: reason)
            // More senior: a smaller order. An auditor outside the line is moderated from TM up.
            let ceiling =
                candidate.auditorLevel.flatMap { moderating.contains($0) ? $0.order : nil }
                ?? ManagerLevel.assistantTeamManager.order
            var best: Int?
            var anySenior = false
            for index in moderators.indices {
                let person = moderators[index]
                guard person.level.order < ceiling, person.id != candidate.auditorID else { continue }
                anySenior = true
                if let team = candidate.team, excluded[index].contains(team) { continue }
                if let current = best {
                    let mine = (load[index], -person.level.order, person.id)
                    let theirs = (load[current], -moderators[current].level.order, moderators[current].id)
                    guard mine < theirs else { continue }
                }
                best = index
            }
            if let best {
                load[best] += 1
                file.moderatorID = moderators[best].id
            } else {
                file.unallocatedReason =
                    anySenior
                    ? "everyone more senior than \(candidate.auditorID) manages team \(candidate.team ?? "")"
                    : "nobody in the org chart is more senior than \(candidate.auditorID)"
            }
            return file
        }
    }
}
