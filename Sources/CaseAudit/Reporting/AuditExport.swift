/// The rows `caseaudit export` writes: one per submitted audit, or one per answer.
public enum AuditExport {
    public enum Kind: Sendable { case audits, answers }

    /// A header row, then the data.
    public static func rows(_ records: [QualityRecord], kind: Kind) -> [[String]] {
        switch kind {
        case .audits:
            return [["audit", "month", "checklist", "checklist_hash", "case_reference", "team", "case_type", "auditor", "judgement", "computed_grade", "inclusion_probability"]]
                + records.map { record in
                    [
                        String(record.auditID), record.month.description, record.checklistID, record.checklistHash, record.caseReference,
                        record.team ?? "", record.caseType?.rawValue ?? "", record.auditorID, record.judgement, record.computedGrade ?? "",
                        String(record.inclusionProbability),
                    ]
                }
        case .answers:
            return [["audit", "month", "checklist", "case_reference", "team", "item", "answer"]]
                + records.flatMap { record in
                    record.answers.keys.sorted().map { item in
                        [
                            String(record.auditID), record.month.description, record.checklistID, record.caseReference, record.team ?? "",
                            item, record.answers[item] ?? "",
                        ]
                    }
                }
        }
    }

    /// The same rows as JSON objects keyed by the header.
    public static func objects(_ rows: [[String]]) -> [[String: String]] {
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
