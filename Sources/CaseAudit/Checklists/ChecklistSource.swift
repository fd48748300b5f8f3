/// Who issued an audit tool, when, and which passage of which document it draws on.
public struct ChecklistSource: Sendable, Hashable, Encodable {
    public var issuer: String
    /// ISO 8601 date (`yyyy-mm-dd`), as written in the file.
    public var issued: String?
    public var document: String?
    public var text: String

    public init(issuer: String, issued: String? = nil, document: String? = nil, text: String) {
        self.issuer = issuer
        self.issued = issued
        self.document = document
        self.text = text
    }
}
