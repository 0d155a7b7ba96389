/// Data that every file holds correctly but that cannot be analysed as asked: too few
/// shared samples, nothing left after preprocessing, a network too large for memory.
public struct AnalysisError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What stopped the analysis.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A stage was asked for without the inputs it needs.
        case missingInput
        /// The tables share fewer samples than a statistic needs.
        case tooFewSamples
        /// Preprocessing or the stage's own checks left too few variables to analyse.
        case tooFewVariables
        /// The expression has missing values where a stage needs complete data.
        case missingValues
        /// The computation would need more memory than is available.
        case insufficientMemory
        /// No candidate soft-threshold power reaches the scale-free fit asked for.
        case noPowerReachesFit
        /// An earlier output folder does not hold what the stage reads from it.
        case missingResults
    }

    public var kind: Kind
    /// What went wrong and, where there is one, what to do about it.
    public var message: Message

    public init(_ kind: Kind, _ message: Message) {
        self.kind = kind
        self.message = message
    }

    public func rendered(naming name: (Setting) -> String) -> String { message.rendered(naming: name) }

    public var description: String { message.description }
}
