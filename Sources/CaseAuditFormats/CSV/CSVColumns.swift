import CaseAudit

/// A field an import reads from a CSV column, with the header names it is known by.
public protocol CSVField: Hashable, CaseIterable, Sendable {
    /// The name used with `--map FIELD=HEADER` and in messages.
    var name: String { get }
    /// Header names that mean this field, in any case and spacing.
    var aliases: [String] { get }
    var isRequired: Bool { get }
}

/// Which column holds which field, found from the header row and the user's `--map`.
public struct CSVColumns<Field: CSVField>: Sendable {
    public private(set) var index: [Field: Int]
    public let headers: [String]

    /// The 1-based column a field is in, for a diagnostic; 0 when the file has none.
    public func column(of field: Field?) -> Int {
        field.flatMap { index[$0] }.map { $0 + 1 } ?? 0
    }

    /// A field's text in a record, trimmed; nil when the file has no such column or it is blank.
    public func value(_ field: Field, _ record: Int, in table: CSVTable) -> String? {
        guard let column = index[field], let text = table.field(column, ofRecord: record) else { return nil }
        let trimmed = text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Normalised for matching: lower case, with runs of spaces, underscores and hyphens as
    /// one space ("Case_Ref", "case ref" and "CASE-REF" match).
    static func normalise(_ header: String) -> String {
        header.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
            .joined(separator: " ")
    }

    /// Matches the header row. `mapping` names the header (or 1-based column number) for a
    /// field and wins over the aliases; `mappable`: whether the import takes a mapping at all
    /// (the messages suggest one only then). Every problem is reported, located at line 1.
    public static func resolve(header: [String], mapping: [Field: String], mappable: Bool = true, path: String)
        throws(InputError) -> Self
    {
        var problems: [Diagnostic] = []
        func problem(_ column: Int, _ message: String, remedy: Remedy? = nil) {
            problems.append(
                Diagnostic(.schema, at: SourceLocation(file: path, line: 1, column: column), message, remedy: remedy))
        }
        let normalised = header.map(normalise)
        var seen: [String: Int] = [:]
        for (column, name) in normalised.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                problem(
                    column + 1,
                    FormatMessages.CSV.duplicatedColumn(header[column], first: first + 1, second: column + 1))
            } else {
                seen[name] = column
            }
        }
        var index: [Field: Int] = [:]
        for field in Field.allCases {
            if let wanted = mapping[field] {
                if let number = Int(wanted), number >= 1, number <= header.count {
                    index[field] = number - 1
                } else if let column = normalised.firstIndex(of: normalise(wanted)) {
                    index[field] = column
                } else {
                    problem(0, FormatMessages.CSV.mappedColumnMissing(field.name, header: wanted, headers: header))
                }
                continue
            }
            let matches = normalised.indices.filter { field.aliases.map(normalise).contains(normalised[$0]) }
            if matches.count > 1 {
                problem(
                    matches[1] + 1,
                    FormatMessages.CSV.ambiguousColumn(
                        field.name, headers: matches.map { header[$0] }, mappable: mappable),
                    remedy: mappable ? .mapColumn(field: field.name) : nil)
            } else if let column = matches.first {
                index[field] = column
            } else if field.isRequired {
                problem(
                    0,
                    FormatMessages.CSV.missingColumn(
                        field.name, aliases: field.aliases, headers: header, mappable: mappable),
                    remedy: mappable ? .mapColumn(field: field.name) : nil)
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return CSVColumns(index: index, headers: header)
    }
}

/// Parses `FIELD=HEADER` mappings (the command line's `--map`) against a field type.
public enum CSVMapping {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func parse<Field: CSVField>(_ arguments: [String], as: Field.Type) throws(Failure) -> [Field: String]
    {
        var mapping: [Field: String] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw Failure(message: FormatMessages.CSV.badMapping(argument, fields: Field.allCases.map(\.name)))
            }
            guard let field = Field.allCases.first(where: { $0.name == parts[0].lowercased() }) else {
                throw Failure(
                    message: FormatMessages.CSV.unknownMappedField(parts[0], fields: Field.allCases.map(\.name)))
            }
            mapping[field] = parts[1]
        }
        return mapping
    }
}
