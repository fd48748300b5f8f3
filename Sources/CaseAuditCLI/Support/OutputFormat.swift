import ArgumentParser

/// `--format` for commands that print a table or an outline.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `--format` for commands that print a table of rows.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
