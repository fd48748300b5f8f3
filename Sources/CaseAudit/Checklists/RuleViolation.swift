/// A broken rule found in a checklist's model, placed by element and attribute so the loader
/// can turn it into a line and column in the file.
public struct RuleViolation: Sendable, Hashable {
    public var line: Int
    public var element: String
    public var attribute: String?
    public var message: String

    public init(line: Int, element: String, attribute: String? = nil, _ message: String) {
        self.line = line
        self.element = element
        self.attribute = attribute
        self.message = message
    }
}
