/// Input that cannot be converted: the message names the problem in one line; the CLI
/// prefixes the file name and exits with the "unusable input" code.
public struct UnusableInput: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
