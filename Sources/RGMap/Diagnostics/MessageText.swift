/// `1 record`, `2 records`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension String {
    /// The text quoted for an error message, shortened so one line stays readable.
    func quotedForMessage(limit: Int = 40) -> String {
        let shown = count > limit ? String(prefix(limit)) + "..." : self
        return "'" + shown.replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\t", with: "\\t") + "'"
    }
}
