import CaseAudit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `moderation agreement` as text: one row per coefficient, with its standard error, 95 %
/// interval and null z, or why it is undefined.
extension AgreementAnalysis {
    public func table() -> String {
        var out = "\(Plural.count(files, "file")) with two ratings or more, \(Plural.count(raters, "rater")), "
        out += "\(Plural.count(ratings, "rating")); scale: \(categories.joined(separator: ", "))\n"
        if scaleFromRatings {
            out += "The scale is the ratings used: weighted κ and AC1 change with the whole scale and its order.\n"
        }
        if isIndicative {
            out += "Fewer than \(Self.indicativeBelow) files: the figures are indicative only.\n"
        }
        let rows = coefficientRows()
        out += "\n"
        let headers = ["COEFFICIENT", "VALUE", "SE", "95% INTERVAL", "NULL Z", "NOTE"]
        let noted = rows.contains { !$0[5].isEmpty }
        out += TextTable(
            headers: noted ? headers : Array(headers.dropLast()), rows: noted ? rows : rows.map { Array($0.dropLast()) }
        ).render()
        out += "\nSE and interval from the non-null variance (Fleiss, Cohen & Everitt 1969 for κ; Gwet for AC1, AC2"
        out += " and Fleiss' κ); the null z tests agreement no better than chance.\n"
        return out
    }

    /// One row per coefficient: name, value, SE, interval, null z, and why it is undefined.
    public func coefficientRows() -> [[String]] {
        var rows: [[String]] = []
        func add(_ name: String, _ figure: AgreementFigure) {
            guard let value = figure.value else {
                rows.append([name, "undefined", "", "", "", figure.undefined ?? ""])
                return
            }
            rows.append([
                name, Self.number(value), figure.standardError.map(Self.number) ?? "",
                figure.lower.flatMap { lower in figure.upper.map { "\(Self.number(lower)) to \(Self.number($0))" } }
                    ?? "",
                figure.nullZ.map(Self.number) ?? "", "",
            ])
        }
        for two in twoRaters {
            let weighting = two.weights == .identity ? "" : " (\(two.weights.rawValue))"
            if two.weights == .identity { add("percent agreement", two.percentAgreement) }
            add("Cohen's kappa\(weighting)", two.kappa)
            if let pi = two.scottsPi { add("Scott's pi", pi) }
            add(two.weights == .identity ? "Gwet's AC1" : "Gwet's AC2\(weighting)", two.gwet)
        }
        if twoRaters.isEmpty {
            add("percent agreement (mean pairwise)", manyRaters.percentAgreement)
            add("Gwet's AC1", manyRaters.gwetAC1)
        }
        add("Fleiss' kappa", manyRaters.fleissKappa)
        add("Krippendorff's alpha (nominal)", alphaNominal)
        add("Krippendorff's alpha (ordinal)", alphaOrdinal)
        add("Krippendorff's alpha (interval)", alphaInterval)
        return rows
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return String(format: "%.4f", rounded == 0 ? 0 : rounded)
    }
}
