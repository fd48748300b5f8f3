import CaseAudit

/// The answer scales an imported checklist can use.
public enum ImportScale: String, Sendable, CaseIterable {
    /// Yes / partly / no / not applicable.
    case ynp
    /// Ofsted's four grades.
    case grade4
    /// Red / amber / green.
    case rag

    /// The scale's XML, with the option a critical question fails on.
    var xml: String {
        switch self {
        case .ynp:
            """
              <scale id="ynp" label="Yes / partly / no">
                <option value="yes" label="Yes" key="y" score="1"/>
                <option value="partly" label="Partly" key="p" score="0.5"/>
                <option value="no" label="No" key="n" score="0" fail="true"/>
                <option value="na" label="Not applicable" key="-" counts="false"/>
              </scale>

            """
        case .grade4:
            """
              <scale id="grade4" label="Outstanding / good / requires improvement / inadequate">
                <option value="outstanding" label="Outstanding" key="o" score="3"/>
                <option value="good" label="Good" key="g" score="2"/>
                <option value="requires-improvement" label="Requires improvement" key="r" score="1"/>
                <option value="inadequate" label="Inadequate" key="i" score="0" fail="true"/>
              </scale>

            """
        case .rag:
            """
              <scale id="rag" label="Green / amber / red">
                <option value="green" label="Green" key="g" score="1"/>
                <option value="amber" label="Amber" key="a" score="0.5"/>
                <option value="red" label="Red" key="r" score="0" fail="true"/>
                <option value="na" label="Not applicable" key="-" counts="false"/>
              </scale>

            """
        }
    }

    /// The scale a document's rating values suggest; nil when they suggest none.
    static func suggested(by values: [String]) -> ImportScale? {
        let words = Set(values.map { BoardColumn.normalise($0) })
        if !words.isDisjoint(with: ["red", "amber", "green", "r", "a", "g"]) { return .rag }
        if !words.isDisjoint(with: ["outstanding", "good", "requires improvement", "inadequate"]) { return .grade4 }
        if !words.isDisjoint(with: ["yes", "no", "partly", "partially", "y", "n"]) { return .ynp }
        return nil
    }
}
