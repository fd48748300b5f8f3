/// One problem libxml2 found, with its position in the source.
public struct XMLDiagnostic: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The bytes are not well-formed XML, or use a feature we refuse (DOCTYPE).
        case syntax
        /// The document is well-formed but does not match the schema.
        case schema
    }

    public var kind: Kind
    /// 1-based; 0 when libxml2 gave none.
    public var line: Int
    /// 1-based; 0 when libxml2 gave none.
    public var column: Int
    public var message: String
    /// The element the problem is about, where libxml2 said (schema errors).
    public var elementName: String?
    /// The attribute the problem is about, where the message names one.
    public var attributeName: String?

    public init(
        kind: Kind, line: Int, column: Int, message: String,
        elementName: String? = nil, attributeName: String? = nil
    ) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.elementName = elementName
        self.attributeName = attributeName
    }
}
