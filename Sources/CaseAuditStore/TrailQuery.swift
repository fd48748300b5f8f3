import CaseAudit

/// A trail filter as SQL, for either engine (`placeholder` numbers the parameters, `?` or `$n`).
struct TrailQuery {
    var conditions: [String] = []
    var arguments: [String] = []

    init(_ filter: TrailFilter, placeholder: (Int) -> String) {
        func bind(_ value: String) -> String {
            arguments.append(value)
            return placeholder(arguments.count)
        }
        if let audit = filter.audit {
            conditions.append("(entity = 'audit' AND entity_id = \(bind(String(audit.rawValue))))")
        }
        if let reference = filter.caseReference {
            let first = bind(reference)
            let second = bind(reference)
            conditions.append(
                "((entity = 'case' AND entity_id = \(first)) OR (entity = 'audit' AND entity_id IN (SELECT CAST(id AS TEXT) FROM audit WHERE case_reference = \(second))))"
            )
        }
        if let actor = filter.actor {
            let first = bind(actor)
            let second = bind(actor)
            conditions.append("(actor_id = \(first) OR actor_login = \(second))")
        }
        if let since = filter.since { conditions.append("at >= \(bind(since.description))") }
        if let actions = filter.actions {
            conditions.append("action IN (\(actions.map(\.rawValue).sorted().map(bind).joined(separator: ", ")))")
        }
    }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
}
