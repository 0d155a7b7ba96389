/// A numerical library call that reported failure (a LAPACK routine's `info`).
public struct NumericalError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The routine, e.g. `dsyevr`.
    public var routine: String
    /// The status it returned: negative for an illegal argument, positive for a failure
    /// to converge or a singular factor, as LAPACK documents per routine.
    public var status: Int32
    /// What the call was computing.
    public var purpose: String

    public init(routine: String, status: Int32, purpose: String) {
        self.routine = routine
        self.status = status
        self.purpose = purpose
    }

    /// LAPACKE's statuses for a workspace or a transposed copy it could not allocate.
    static let outOfMemory: Set<Int32> = [-1010, -1011]

    public var description: String {
        let why: String
        if Self.outOfMemory.contains(status) {
            why = ", out of memory for its workspace"
        } else if status < 0 {
            why = ", argument \(-status) illegal"
        } else if status > 0 {
            why = ", did not converge or is singular"
        } else {
            why = ", no result"
        }
        return "\(purpose): LAPACK \(routine) failed (info \(status)\(why))"
    }

    /// Throws when `status` is not 0.
    static func check(_ status: Int32, _ routine: String, _ purpose: @autoclosure () -> String) throws {
        guard status != 0 else { return }
        throw NumericalError(routine: routine, status: status, purpose: purpose())
    }
}
