extension Fixtures {
    public static func population(_ name: String) -> String {
        path("Population/\(name)")
    }
}
