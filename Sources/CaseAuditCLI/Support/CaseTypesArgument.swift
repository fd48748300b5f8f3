import ArgumentParser
import CaseAudit

/// `--case-types CIN,CP`, as `sample draw` and `sample plan` read it: a type it does not know
/// is a usage error, never quietly dropped.
enum CaseTypesArgument {
    static func parse(_ text: String?) throws -> [CaseType] {
        try (text ?? "").split(separator: ",").map { name in
            guard let type = CaseType(spelling: String(name)) else {
                throw ValidationError("--case-types \(text ?? ""): '\(name)' is not a case type (CIN, CP, LAC, CL)")
            }
            return type
        }
    }
}
