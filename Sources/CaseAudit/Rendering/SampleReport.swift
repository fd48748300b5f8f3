/// How a drawn sample is printed.
public enum SampleReport {
    /// What `sample draw` says: what was drawn, and what it takes to redraw it.
    public static func drawn(_ sample: StoredSample) -> String {
        let parameters = sample.parameters
        let strata = Dictionary(grouping: sample.cases, by: \.stratum)
        var out = "Sample \(sample.id) for \(parameters.month), checklist \(parameters.checklistID): "
        out += "\(sample.cases.count) files from \(strata.count) strata (snapshot \(sample.snapshotID))\n"
        out += "Seed \(parameters.seed): the same snapshot, parameters and seed redraw the same files.\n"
        return out
    }

    public static func table(_ sample: StoredSample, cases: [String: CaseRecord]) -> String {
        let parameters = sample.parameters
        var out = "Sample \(sample.id) · \(parameters.month) · checklist \(parameters.checklistID) · snapshot \(sample.snapshotID)\n"
        let size: String
        switch parameters.size {
        case .total(let n): size = "\(n) in all, proportional"
        case .perStratum(let n): size = "\(n) per stratum"
        }
        out += "Drawn \(sample.drawnAt) · strata \(parameters.strata.map(\.rawValue).joined(separator: ",")) · \(size)"
        out += " · case types \(parameters.caseTypes.map(\.rawValue).joined(separator: ","))\n"
        out += "Seed \(parameters.seed) · \(sample.algorithm)\n\n"
        let ordered = sample.cases.sorted { ($0.stratum, $0.reference) < ($1.stratum, $1.reference) }
        let rows = ordered.map { sampled -> [String] in
            let record = cases[sampled.reference]
            return [
                sampled.stratum, sampled.reference, record?.caseType.rawValue ?? "", record?.worker ?? "",
                Number.format((sampled.inclusionProbability * 1000).rounded() / 1000),
            ]
        }
        out += TextTable(headers: ["STRATUM", "CASE", "TYPE", "WORKER", "P"], rows: rows).render()
        return out
    }

    public static func csv(_ samples: [StoredSample], cases: [Int64: [String: CaseRecord]]) -> String {
        var rows = [["sample", "month", "checklist", "seed", "stratum", "case_reference", "case_type", "team", "worker",
            "inclusion_probability"]]
        for sample in samples {
            for sampled in sample.cases {
                let record = cases[sample.snapshotID]?[sampled.reference]
                rows.append([
                    String(sample.id), sample.parameters.month.description, sample.parameters.checklistID,
                    String(sample.parameters.seed), sampled.stratum, sampled.reference, record?.caseType.rawValue ?? "",
                    record?.team ?? "", record?.worker ?? "", String(sampled.inclusionProbability),
                ])
            }
        }
        return CSVWriter.render(rows)
    }
}
