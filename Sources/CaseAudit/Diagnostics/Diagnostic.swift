/// One thing wrong with an input, located precisely enough to fix.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Which check found it; files fail at the first stage that cannot go on.
    public enum Stage: String, Sendable, Codable {
        /// The file could not be read (missing, a directory, binary, too large).
        case file
        /// Not well-formed XML, or a refused feature such as a DOCTYPE.
        case syntax
        /// Well-formed, but against the XSD.
        case schema
        /// Valid against the XSD, but breaks a rule the XSD cannot express.
        case rules
    }

    public var location: SourceLocation
    public var stage: Stage
    public var message: String
    /// What would help, where the person can do something about it besides mending the file.
    public var remedy: Remedy? = nil

    public init(_ stage: Stage, at location: SourceLocation, _ message: String, remedy: Remedy? = nil) {
        self.location = location
        self.stage = stage
        self.message = message
        self.remedy = remedy
    }

    private enum CodingKeys: String, CodingKey {
        case location, stage, message
    }
}
