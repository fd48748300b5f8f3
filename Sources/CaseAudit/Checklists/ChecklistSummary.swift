/// What a listing or a validation says about one valid checklist.
public struct ChecklistSummary: Sendable, Encodable, Hashable {
    public var path: String
    public var id: String
    public var version: String
    public var title: String
    public var caseTypes: [String]
    public var sections: Int
    public var items: Int
    public var criticalItems: Int
    public var conditionalItems: Int
    /// Present when the checklist was loaded with its hash.
    public var hash: String?

    public init(_ checklist: Checklist, path: String, hash: ContentHash?) {
        self.path = path
        id = checklist.id
        version = checklist.version
        title = checklist.title
        caseTypes = checklist.caseTypes.map(\.rawValue)
        sections = checklist.sections.count
        var items = 0
        var critical = 0
        var conditional = 0
        for section in checklist.sections {
            for item in section.items {
                items += 1
                if item.critical { critical += 1 }
                if item.condition != nil { conditional += 1 }
            }
        }
        self.items = items
        criticalItems = critical
        conditionalItems = conditional
        self.hash = hash?.description
    }

    public init(_ loaded: LoadedChecklist) {
        self.init(loaded.checklist, path: loaded.path, hash: loaded.contentHash)
    }
}
