import CaseAudit

extension AnswerSheet {
    /// Reads a sheet: JSON when the file name ends in .json, else CSV.
    public static func read(file path: String) throws(InputError) -> AnswerSheet {
        path.lowercased().hasSuffix(".json")
            ? try AnswerSheetJSON.read(file: path) : try AnswerSheetCSV.read(file: path)
    }
}
