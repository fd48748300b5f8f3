/// Constants of the checklist XML format, version 1.
public enum ChecklistFormat {
    public static let namespace = "urn:caseaudit:checklist:1"
    public static let rootElement = "checklist"
    /// The XSD as shipped in `Checklists/schema/`; embedded so the binary needs no files beside it.
    public static var schemaText: String { ChecklistSchemaSource.text + "\n" }
    public static let schemaFileName = "checklist-1.xsd"
}
