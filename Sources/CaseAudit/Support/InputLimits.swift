/// How long a piece of input may be. Real inputs are far inside these; they exist so that a
/// broken or hostile file is refused with a clear error instead of costing the machine its
/// memory. Each error that enforces one says which limit, and how long the input was.
public enum InputLimits {
    /// An auditor's note, a judgement's reason, an action's text: 4,000 characters, about two
    /// pages of writing.
    public static let note = 4_000
    /// A checklist question: 1,000 characters.
    public static let prompt = 1_000
    /// A question's guidance for the auditor: 4,000 characters.
    public static let guidance = 4_000
    /// A spreadsheet cell: Excel's own limit, 32,767 characters.
    public static let cell = 32_767
    /// A CSV field: the same, since CSV files come out of spreadsheets.
    public static let field = 32_767
    /// A physical line of a CSV file: 1 MiB. Checked while the file is read, so a file of one
    /// line of a gigabyte is refused without being read whole into memory.
    public static let line = 1 << 20
    /// Fields in a CSV record: Excel's 16,384 columns.
    public static let columns = 16_384
}
