import CaseAudit

/// A calibration exercise's file as both stores keep it.
enum CalibrationColumns {
    static let file = "audit_id, sample_id, case_reference, checklist_id, checklist_hash, team"

    static func file(_ text: (String) -> String?) -> CalibrationExercise.File? {
        guard let original = text("audit_id").flatMap({ AuditID($0) }),
            let sample = text("sample_id").flatMap({ SampleID($0) }), let reference = text("case_reference"),
            let checklist = text("checklist_id"), let hash = text("checklist_hash")
        else { return nil }
        return CalibrationExercise.File(
            original: original, sampleID: sample, caseReference: reference, checklistID: checklist,
            checklistHash: hash, team: text("team"))
    }
}
