import Testing

extension Tag {
    /// Runs headless Chromium (installed by `make test`); `swift test --filter` and the test
    /// report name the suite's slowest part by it.
    @Tag static var browser: Self
    /// Runs the built binary on a pseudo-terminal.
    @Tag static var terminal: Self
}
