// Integers beyond the machine word: a `BigInt` payload. Results that fit in `Int` are
// always normalised back to the `.int` immediate.
import BigInt

final class PyBigInt: PyObject {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }
    override var type: PyType { Types.int }
}

extension Value {
    /// The canonical value of a big-integer result.
    static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(PyBigInt(b))
    }
}
