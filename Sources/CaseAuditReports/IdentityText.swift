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
                "Role: quality lead\(why): import, draw, allocate, key paper audits for others, amend, report.\n"
        case .seniorManager:
            text += "Role: senior manager: read the reports and the audits of the teams in your line.\n"
        case .auditor:
            text += "Role: auditor: score the files allocated to you, and see your own audits.\n"
        case nil:
            text += "Role: none: ask your quality lead to add your login to the org chart.\n"
        }
        return text
    }
}
