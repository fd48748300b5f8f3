/// Where a case list's rows are kept on the server since v18: a table of its own, `list_N` in
/// the schema `case_lists`, a partition of `case_record` (the names `ServerSchema.v18` makes).
enum CaseListTable {
    /// The list's table, qualified, to copy into.
    static func name(_ list: Int64) -> String { "case_lists.list_\(list)" }

    /// The list's table in the catalogue, as `c` (`pg_class`) and `n` (its `pg_namespace`), the
    /// list given as `$1`: a FROM and WHERE to select from.
    static let catalogue = """
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'case_lists' AND c.relname = 'list_' || $1::bigint::text
        """
}
