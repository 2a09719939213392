// FormattingTests.swift
// Tests of the number and string formatting functions in Sources/Swirl/Text (float repr,
// format() of float/int/str, %-formatting, round(), float(str)):
//   - FormattingExampleTests: hand-written checks of documented examples and of edge cases
//     (huge widths, error precedence) that the generated cases skip;
//   - FormattingCaseTests: replays the CPython-generated cases of FormattingCases.swift
//     (regenerate with scripts/gen_format_cases.py), one test per kind of case, each
//     reporting every mismatch.

import Foundation
import Testing
import BigInt
@testable import Swirl

@Suite struct FormattingExampleTests {
    @Test func reprExamples() {
        #expect(pyFloatRepr(0.1) == "0.1")
        #expect(pyFloatRepr(1.0) == "1.0")
        #expect(pyFloatRepr(-0.0) == "-0.0")
        #expect(pyFloatRepr(1e16) == "1e+16")
        #expect(pyFloatRepr(1e-05) == "1e-05")
        #expect(pyFloatRepr(123456789012345.0) == "123456789012345.0")
        #expect(pyFloatRepr(1.2345678901234567e+19) == "1.2345678901234567e+19")
        #expect(pyFloatRepr(.infinity) == "inf")
        #expect(pyFloatRepr(-.infinity) == "-inf")
        #expect(pyFloatRepr(.nan) == "nan")
        #expect(pyFloatRepr(Double.leastNonzeroMagnitude) == "5e-324")
    }

    @Test func floatFormatExamples() throws {
        #expect(try pyFormatFloat(1.0, "") == "1.0")
        #expect(try pyFormatFloat(1e16, "") == "1e+16")
        #expect(try pyFormatFloat(1.5, "10") == "       1.5")
        #expect(try pyFormatFloat(2.675, ".2f") == "2.67")
        #expect(try pyFormatFloat(0.125, ".2f") == "0.12")
        #expect(try pyFormatFloat(1e300, "f") == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000")
        #expect(try pyFormatFloat(1234.5, ".4") == "1.234e+03")
        #expect(try pyFormatFloat(12345.678, "015,.2f") == "0,000,012,345.68")
    }

    @Test func formatErrors() {
        #expect(throws: PyFormatError("Precision not allowed in integer format specifier")) { try pyFormatInt(1, ".2") }
        #expect(throws: PyFormatError("Unknown format code 'q' for object of type 'int'")) { try pyFormatInt(1, "q") }
        #expect(throws: PyFormatError("Cannot specify ',' with 's'.")) { try pyFormatStr("a", ",") }
        #expect(throws: PyFormatError("Sign not allowed with integer format specifier 'c'")) { try pyFormatInt(65, "+c") }
        #expect(throws: PyFormatError("'=' alignment not allowed in string format specifier")) { try pyFormatStr("a", "=5") }
        #expect(throws: PyFormatError("Sign not allowed in string format specifier")) { try pyFormatStr("a", "+") }
        #expect(throws: PyFormatError("Too many decimal digits in format string")) { try pyFormatInt(1, "99999999999999999999") }
        #expect(throws: PyFormatError("Too many decimal digits in format string")) { try pyFormatFloat(1, ".99999999999999999999f") }
        #expect(throws: PyFormatError("width too big")) { try pyFormatInt(1, "99999999999") }
        #expect(throws: PyFormatError("width too big")) { try pyFormatFloat(1, "99999999999") }
        #expect(throws: PyFormatError("width too big")) { try pyFormatStr("a", "99999999999") }
        #expect(throws: PyFormatError("precision too big")) { try pyFormatFloat(1, ".3000000000f") }
        #expect(throws: PyFormatError("int too large to convert to float", kind: .overflowError)) {
            try pyFormatInt(BigInt(10).power(400), "e")
        }
        #expect(throws: PyFormatError("width too big")) {
            try pyPercentFormatInt(1, flags: "", width: Int.max, precision: nil, type: "d")
        }
        #expect(throws: PyFormatError("width too big")) {
            try pyPercentFormatFloat(1, flags: "", width: Int.min, precision: nil, type: "f")
        }
    }

    @Test func hugeButAllowedSizes() throws {
        let s = try pyFormatInt(1, "1000000")
        #expect(s.utf8.count == 1_000_000)
        let g = try pyFormatInt(1234, "01000000,")
        #expect(g.utf8.count == 1_000_000 || g.utf8.count == 1_000_001)
        let f = try pyFormatFloat(0.1, ".100000f")
        #expect(f.utf8.count == 100_002)
        #expect(f.hasPrefix("0.1000000000000000055511151231257827"))
        #expect(try pyFormatStr("abc", ".99999999999") == "abc")
    }

    @Test func percentExamples() throws {
        #expect(try pyPercentFormatFloat(3.14159, flags: "", width: 5, precision: 2, type: "f") == " 3.14")
        #expect(try pyPercentFormatInt(-3, flags: "-0", width: 5, precision: nil, type: "d") == "-3   ")
        #expect(try pyPercentFormatInt(255, flags: "#0", width: 10, precision: nil, type: "x") == "0x000000ff")
        #expect(try pyPercentFormatInt(8, flags: "+#", width: 10, precision: 3, type: "o") == "    +0o010")
        #expect(try pyPercentFormatInt(5, flags: "", width: -4, precision: nil, type: "d") == "5   ")
    }

    @Test func roundAndParseExamples() {
        #expect(pyRound(2.675, ndigits: 2) == 2.67)
        #expect(pyRound(2.5, ndigits: 0) == 2.0)
        #expect(pyRound(250.0, ndigits: -2) == 200.0)
        #expect(pyRound(-4.0, ndigits: -1).sign == .minus)
        #expect(pyRound(1.7976931348623157e308, ndigits: -308) == .infinity)
        #expect(throws: PyFormatError("rounded value too large to represent", kind: .overflowError)) {
            try pyRoundChecked(1.7976931348623157e308, ndigits: -308)
        }
        #expect(pyFloatFromString(" 1_000.5 ") == 1000.5)
        #expect(pyFloatFromString("-Infinity") == -.infinity)
        #expect(pyFloatFromString("nan")?.isNaN == true)
        #expect(pyFloatFromString("1e5") == 100000)
        #expect(pyFloatFromString(".5") == 0.5)
        #expect(pyFloatFromString("5.") == 5)
        #expect(pyFloatFromString("1__0") == nil)
        #expect(pyFloatFromString("0x10") == nil)
    }

    @Test func specParsing() throws {
        #expect(try pyFormatInt(1, "\u{663}") == "  1")  // Unicode decimal digits count as width digits
        #expect(try pyFormatStr("ab", "05") == "ab000")
        #expect(try pyFormatInt(12, "x<05") == "12xxx")
        #expect(try pyFormatInt(Int.min, "_x") == "-8000_0000_0000_0000")
        #expect(try pyFormatStr("e\u{301}", "^5") == " e\u{301}  ")  // width counts code points
        let spec = try PyFormatSpec.parse("*^+z#012,.3f")
        #expect(spec.fill == "*" && spec.align == .center && spec.sign == .plus)
        #expect(spec.noNegativeZero && spec.alternate && !spec.zeroPadding)
        #expect(spec.width == 12 && spec.grouping == .comma && spec.precision == 3 && spec.type == "f")
        #expect(throws: PyFormatError("Invalid format specifier 'abc' for object of type 'float'")) {
            try pyFormatFloat(1.5, "abc")
        }
        #expect(throws: PyFormatError("Unknown format code '\\x0' for object of type 'int'")) { try pyFormatInt(1, "\u{0}") }
    }
}

// MARK: - Generated cases

/// The cases of FormattingCases.swift by kind, each without its kind field.
private let casesByKind: [String: [[String]]] = {
    var result: [String: [[String]]] = [:]
    let decoder = JSONDecoder()
    for line in formattingCases.split(separator: "\n") {
        guard let fields = try? decoder.decode([String].self, from: Data(line.utf8)),
              let kind = fields.first else { continue }
        result[kind, default: []].append(Array(fields.dropFirst()))
    }
    return result
}()

private func loadCases(_ kind: String) -> [[String]] {
    casesByKind[kind] ?? []
}

private func double(fromHex hex: String) -> Double {
    return Double(bitPattern: UInt64(hex, radix: 16) ?? 0)
}

private func hexBits(_ x: Double) -> String {
    let s = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}

private func describe(_ kind: PyFormatError.Kind) -> String {
    switch kind {
    case .valueError: return "ValueError"
    case .overflowError: return "OverflowError"
    }
}

/// Runs `body`, returning ["ok", output] or [ExceptionName, message].
private func outcome(_ body: () throws(PyFormatError) -> String) -> [String] {
    do {
        return ["ok", try body()]
    } catch {
        return [describe(error.kind), error.message]
    }
}

private func check(_ kind: String, minimum: Int, _ run: ([String]) -> (expected: [String], actual: [String])) {
    let cases = loadCases(kind)
    #expect(cases.count >= minimum, "too few '\(kind)' cases: \(cases.count)")
    var failures: [String] = []
    for c in cases {
        let (expected, actual) = run(c)
        // Byte-wise: String's == would accept a canonically equivalent but different output.
        if !expected.elementsEqual(actual, by: { $0.utf8.elementsEqual($1.utf8) }) {
            failures.append("\(c) -> \(actual)")
        }
    }
    #expect(failures.isEmpty,
            "\(failures.count)/\(cases.count) '\(kind)' mismatches, first: \(failures.prefix(15).joined(separator: "\n"))")
}

@Suite struct FormattingCaseTests {
    @Test func generatedRepr() {
        check("repr", minimum: 200) { c in
            ([c[1]], [pyFloatRepr(double(fromHex: c[0]))])
        }
    }

    @Test func generatedFormatFloat() {
        check("ff", minimum: 600) { c in
            (Array(c[2...]), outcome { () throws(PyFormatError) in try pyFormatFloat(double(fromHex: c[0]), c[1]) })
        }
    }

    @Test func generatedFormatInt() {
        check("fi", minimum: 800) { c in
            let big = BigInt(c[0]) ?? 0
            let bigResult = outcome { () throws(PyFormatError) in try pyFormatInt(big, c[1]) }
            if let small = Int(c[0]) {
                let smallResult = outcome { () throws(PyFormatError) in try pyFormatInt(small, c[1]) }
                if smallResult != bigResult { return (Array(c[2...]), ["Int/BigInt differ"] + smallResult) }
            }
            return (Array(c[2...]), bigResult)
        }
    }

    @Test func generatedFormatStr() {
        check("fs", minimum: 600) { c in
            (Array(c[2...]), outcome { () throws(PyFormatError) in try pyFormatStr(c[0], c[1]) })
        }
    }

    @Test func generatedPercentFloat() {
        check("pf", minimum: 120) { c in
            let type = c[4].first ?? "f"
            return (["ok", c[5]], outcome { () throws(PyFormatError) in
                try pyPercentFormatFloat(double(fromHex: c[0]), flags: c[1], width: Int(c[2]), precision: Int(c[3]), type: type)
            })
        }
    }

    @Test func generatedPercentInt() {
        check("pi", minimum: 120) { c in
            let type = c[4].first ?? "d"
            return (["ok", c[5]], outcome { () throws(PyFormatError) in
                try pyPercentFormatInt(BigInt(c[0]) ?? 0, flags: c[1], width: Int(c[2]), precision: Int(c[3]), type: type)
            })
        }
    }

    @Test func generatedRound() {
        check("round", minimum: 700) { c in
            let x = double(fromHex: c[0])
            let nd = Int(c[1]) ?? 0
            let result: [String]
            do throws(PyFormatError) {
                let r = try pyRoundChecked(x, ndigits: nd)
                result = ["ok", hexBits(r)]
            } catch {
                result = [describe(error.kind), error.message]
            }
            // NaN payloads/sign are not significant: compare NaNs loosely.
            if c[2] == "ok", double(fromHex: c[3]).isNaN, result[0] == "ok", double(fromHex: result[1]).isNaN {
                return (c[2...].map { $0 }, c[2...].map { $0 })
            }
            return (Array(c[2...]), result)
        }
    }

    @Test func generatedFloatFromString() {
        check("parse", minimum: 350) { c in
            let expected = c[1]
            guard let v = pyFloatFromString(c[0]) else { return ([expected], ["none"]) }
            if v.isNaN && expected != "none" && double(fromHex: expected).isNaN {
                return ([expected], [expected])
            }
            return ([expected], [hexBits(v)])
        }
    }
}
