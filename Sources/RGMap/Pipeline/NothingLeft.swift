/// The check that preprocessing left something to analyse, and the one line that says
/// what was dropped and why when it did not.
enum NothingLeft {
    /// Throws when `matrix` (the cohort's features or omics after preprocessing) has no
    /// variable left.
    static func check(_ matrix: LabeledMatrix?, role: TableRole, counts: PreprocessReport.TableCounts?) throws {
        guard let matrix, matrix.rowCount == 0 else { return }
        let noun = role == .features ? "feature" : "gene"
        var message = Message("\(role.rawValue): no \(noun) left after preprocessing")
        if let counts {
            var reasons: [Message] = []
            if counts.incomplete > 0 { reasons.append("\(counts.incomplete) with a missing value (\(setting: .completeGenes))") }
            if counts.lowExpression > 0 { reasons.append("\(counts.lowExpression) below \(setting: .minExpression)") }
            if !counts.allMissing.isEmpty { reasons.append("\(counts.allMissing.count) with every value missing (\(Self.list(counts.allMissing)))") }
            if !counts.zeroVariance.isEmpty {
                reasons.append("\(counts.zeroVariance.count) constant or with fewer than 2 values (\(Self.list(counts.zeroVariance)))")
            }
            message = message + ": all \(counts.before) dropped" + reasons.reduce(Message("")) { $0 + ", " + $1 }
        }
        throw AnalysisError(.tooFewVariables, message)
    }

    /// Names enough to recognise the kind of variable, short enough for one line.
    private static let namesShown = 3, nameLength = 30

    private static func list(_ names: [String]) -> String {
        names.prefix(namesShown).map { $0.quotedForMessage(limit: nameLength) }.joined(separator: ", ")
            + (names.count > namesShown ? ", ..." : "")
    }
}
