/// The two languages of a Chamber document. Order matters only for output: Dutch first,
/// as the Chamber itself prints the left column; readers never assume which comes first.
public enum Language: String, CaseIterable, Sendable, Hashable, Comparable {
    case nl
    case fr

    public var other: Language { self == .nl ? .fr : .nl }

    /// English name, for messages ("no French column found").
    public var name: String { self == .nl ? "Dutch" : "French" }

    public static func < (a: Language, b: Language) -> Bool { a == .nl && b == .fr }
}
