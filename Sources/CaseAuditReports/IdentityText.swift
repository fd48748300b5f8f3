import CaseAudit

/// What `whoami` says: who the system says you are, who that is in the org chart, and what you
/// may do.
public enum IdentityText {
    public static func render(_ caller: Caller) -> String {
        let identity = caller.identity
        var text = "You are \(identity.login) (\(identity.source.rawValue))"
        if let person = caller.person {
            text +=
                ": \(person.id), \(person.displayName), \(person.level.rawValue)\(person.team.map { ", team \($0)" } ?? "").\n"
        } else {
            text += "; nobody in the org chart has that login.\n"
        }
        switch caller.role {
        case .qualityLead:
            let why =
                identity.source == .operatingSystemAccount
                ? " (you hold the database file, so everything in it is yours)"
                : identity.administers ? " (you own the database's schema, so the database gives you every right)" : ""
            text +=
                "Role: quality lead\(why): import, draw, allocate and reallocate, key paper audits for others, amend, break a hold, draw moderations and decide challenges, report.\n"
        case .seniorManager:
            // An assistant director also decides challenges to moderated grades.
            let decides = caller.person?.level == .assistantDirector ? ", decide challenges to moderated grades" : ""
            text +=
                "Role: senior manager: score the files allocated or given you to moderate, read the reports and the audits of the teams in your line\(decides).\n"
        case .auditor:
            text +=
                "Role: auditor: score the files allocated or given you to moderate, and see your own audits and their moderations once decided.\n"
        case nil:
            text += "Role: none: ask your quality lead to add your login to the org chart.\n"
        }
        return text
    }
}
