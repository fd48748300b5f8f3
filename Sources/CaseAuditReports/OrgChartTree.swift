import CaseAudit

/// The org chart as a tree from the DCS down, the way a quality lead checks it.
public enum OrgChartTree {
    public static func render(_ chart: OrgChart) -> String {
        var children: [String: [Person]] = [:]
        var roots: [Person] = []
        let ids = Set(chart.people.map(\.id))
        for person in chart.people {
            if let manager = person.reportsTo, ids.contains(manager) {
                children[manager, default: []].append(person)
            } else {
                roots.append(person)
            }
        }
        let managed = Dictionary(grouping: chart.teams, by: \.managerID).mapValues { $0.map(\.name) }
        var out = ""
        func emit(_ person: Person, prefix: String, isLast: Bool, isRoot: Bool) {
            var line = "\(person.level.rawValue) \(person.displayName) [\(person.id)]"
            if let teams = managed[person.id] { line += ": manages \(teams.joined(separator: ", "))" }
            out += (isRoot ? "" : prefix + (isLast ? "└─ " : "├─ ")) + line + "\n"
            let below = (children[person.id] ?? []).sorted {
                ($0.level.order, $0.displayName) < ($1.level.order, $1.displayName)
            }
            // Social workers are counted, not listed: the tree is about the management line.
            let workers = below.filter { $0.level == .socialWorker }
            let managers = below.filter { $0.level != .socialWorker }
            let nextPrefix = isRoot ? "" : prefix + (isLast ? "   " : "│  ")
            for (index, child) in managers.enumerated() {
                emit(child, prefix: nextPrefix, isLast: index == managers.count - 1 && workers.isEmpty, isRoot: false)
            }
            if !workers.isEmpty {
                out += nextPrefix + "└─ \(workers.count) social worker\(workers.count == 1 ? "" : "s")\n"
            }
        }
        for root in roots.sorted(by: { $0.level.order < $1.level.order }) {
            emit(root, prefix: "", isLast: true, isRoot: true)
        }
        out += "\(chart.people.count) people, \(chart.teams.count) teams\n"
        return out
    }
}
