import CaseAuditXML

/// The checklist XSD, compiled once per process and shared by every load.
enum ChecklistSchema {
    static let compiled: Result<XMLSchema, XMLSchemaCompilationFailure> = {
        do throws(XMLSchemaCompilationFailure) {
            return .success(
                try XMLSchema(xsd: Array(ChecklistFormat.schemaText.utf8), targetNamespace: ChecklistFormat.namespace))
        } catch {
            return .failure(error)
        }
    }()
}
