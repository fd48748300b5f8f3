import CaseAudit
import CaseAuditFormats

/// How a drawn sample is printed.
public enum SampleReport {
    /// What `sample draw` says: what was drawn, and what it takes to redraw it.
    public static func drawn(_ sample: StoredSample) -> String {
        let parameters = sample.parameters
        let strata = Dictionary(grouping: sample.cases, by: \.stratum)
        var out = "Sample \(sample.id) for \(parameters.month), checklist \(parameters.checklistID): "
        out +=
            "\(Plural.count(sample.cases.count, "file")) from \(Plural.count(strata.count, "stratum", "strata")) (snapshot \(sample.snapshotID))\n"
        let allocated = sample.cases.filter { $0.auditorID != nil }.count
        if allocated > 0 || sample.cases.contains(where: { $0.unallocatedReason != nil }) {
            let auditors = Set(sample.cases.compactMap(\.auditorID)).count
            out +=
                "Allocated \(allocated) of \(Plural.count(sample.cases.count, "file")) to \(Plural.count(auditors, "auditor"))"
            out +=
                allocated < sample.cases.count
                ? "; \(sample.cases.count - allocated) not allocated (see warnings)\n" : "\n"
        }
        if let reason = parameters.backdateReason {
            out += "A catch-up draw for a past month: \(reason). Its files are overdue.\n"
        }
        if let first = parameters.topUpOf {
            out += "A top-up of sample \(first): none of its files was drawn this month already.\n"
        }
        out += "Seed \(parameters.seed): the same snapshot, parameters and seed redraw the same files.\n"
        return out
    }

    public static func table(_ sample: StoredSample, cases: [String: CaseRecord], chart: OrgChart? = nil) -> String {
        let parameters = sample.parameters
        var out =
            "Sample \(sample.id) · \(parameters.month) · checklist \(parameters.checklistID) · snapshot \(sample.snapshotID)\n"
        let size: String
        switch parameters.size {
        case .total(let n): size = "\(n) in all, proportional"
        case .perStratum(let n): size = "\(n) per stratum"
        }
        out += "Drawn \(sample.drawnAt) · strata \(parameters.strata.map(\.rawValue).joined(separator: ",")) · \(size)"
        out += " · case types \(parameters.caseTypes.map(\.rawValue).joined(separator: ","))\n"
        out += "Seed \(parameters.seed) · \(sample.algorithm)\n"
        if let reason = parameters.backdateReason { out += "Catch-up draw for a past month: \(reason)\n" }
        if let first = parameters.topUpOf { out += "Top-up of sample \(first), with its design\n" }
        if let replacement = sample.replacedBy {
            out += "REPLACED by sample \(replacement): kept for the record; its files are not allocated\n"
        }
        out += "\n"
        let ordered = sample.cases.sorted { ($0.stratum, $0.reference) < ($1.stratum, $1.reference) }
        let rows = ordered.map { sampled -> [String] in
            let record = cases[sampled.reference]
            let auditor =
                sampled.auditorID.map { id in
                    chart?.person(id: id).map { "\($0.level.rawValue) \(id)" } ?? id
                } ?? (sampled.unallocatedReason == nil ? "" : "(not allocated)")
            return [
                sampled.stratum, sampled.reference, record?.caseType.rawValue ?? "", record?.worker ?? "",
                Number.format((sampled.inclusionProbability * 1000).rounded() / 1000), auditor,
            ]
        }
        out += TextTable(headers: ["STRATUM", "CASE", "TYPE", "WORKER", "P", "AUDITOR"], rows: rows).render()
        return out
    }

    public static func csv(_ samples: [StoredSample], cases: [Int64: [String: CaseRecord]]) -> String {
        var rows = [
            [
                "sample", "month", "checklist", "seed", "stratum", "case_reference", "case_type", "team", "worker",
                "inclusion_probability", "auditor", "not_allocated_because", "replaced_by",
            ]
        ]
        for sample in samples {
            for sampled in sample.cases {
                let record = cases[sample.snapshotID]?[sampled.reference]
                rows.append([
                    String(sample.id), sample.parameters.month.description, sample.parameters.checklistID,
                    String(sample.parameters.seed), sampled.stratum, sampled.reference, record?.caseType.rawValue ?? "",
                    record?.team ?? "", record?.worker ?? "", String(sampled.inclusionProbability),
                    sampled.auditorID ?? "", sampled.unallocatedReason ?? "", sample.replacedBy.map(String.init) ?? "",
                ])
            }
        }
        return CSVWriter.render(rows)
    }
}
