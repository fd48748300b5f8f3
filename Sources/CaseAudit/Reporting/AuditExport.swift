/// The rows `caseaudit export` writes: one per submitted audit (its latest version), or one
/// per answer. Each value keeps its type: JSON gets numbers as numbers and absent values as
/// null; CSV gets their text, and an empty cell for null.
public enum AuditExport {
    public enum Kind: Sendable { case audits, answers }

    /// One cell.
    public enum Value: Sendable, Hashable, Encodable {
        case text(String)
        case integer(Int64)
        case number(Double)
        case null

        static func optional(_ text: String?) -> Value { text.map(Value.text) ?? .null }

        /// How the cell reads in CSV.
        public var csv: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .number(let value): Number.format(value)
            case .null: ""
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .null: try container.encodeNil()
            }
        }
    }

    /// The columns and the data rows.
    public struct Table: Sendable {
        public var columns: [String]
        public var rows: [[Value]]

        /// A header row, then the data, as CSV cells.
        public var csvRows: [[String]] { [columns] + rows.map { $0.map(\.csv) } }

        /// Each row as an object keyed by column, for JSON.
        public var objects: [[String: Value]] {
            rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
        }
    }

    /// What identifies the audit on every row of either kind.
    static let auditColumns = [
        "audit", "version", "sample", "month", "checklist", "checklist_version", "checklist_hash", "case_reference",
        "team",
        "case_type", "auditor", "auditor_level",
    ]

    static func auditCells(_ record: QualityRecord) -> [Value] {
        let provenance = record.provenance
        return [
            .integer(record.auditID.rawValue), provenance.map { .integer(Int64($0.version)) } ?? .null,
            provenance.map { .integer($0.sampleID.rawValue) } ?? .null, .text(record.month.description),
            .text(record.checklistID),
            .optional(provenance?.checklistVersion), .text(record.checklistHash), .text(record.caseReference),
            .optional(record.team), .optional(record.caseType?.rawValue), .text(record.auditorID),
            .optional(provenance?.auditorLevel),
        ]
    }

    public static func table(_ records: [QualityRecord], kind: Kind) -> Table {
        switch kind {
        case .audits:
            let columns =
                auditColumns + [
                    "judgement", "computed_grade", "judgement_reason", "score", "inclusion_probability", "started_at",
                    "submitted_at",
                    "amended_by", "amendment_reason",
                ]
            return Table(
                columns: columns,
                rows: records.map { record in
                    let provenance = record.provenance
                    return auditCells(record) + [
                        .text(record.judgement), .optional(record.computedGrade),
                        .optional(provenance?.judgementReason),
                        provenance?.score.map(Value.number) ?? .null, .number(record.inclusionProbability),
                        .optional(provenance?.startedAt), .optional(provenance?.submittedAt),
                        .optional(provenance?.amendedBy),
                        .optional(provenance?.amendedReason),
                    ]
                })
        case .answers:
            return Table(
                columns: auditColumns + ["item", "answer", "note"],
                rows: records.flatMap { record in
                    let identity = auditCells(record)
                    return record.answers.keys.sorted().map { item in
                        identity + [.text(item), .optional(record.answers[item]), .optional(record.notes[item])]
                    }
                })
        }
    }
}
