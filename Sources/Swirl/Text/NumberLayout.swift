// NumberLayout.swift
// Padding, sign placement and digit grouping for numbers: a port of CPython
// 3.11's `calc_number_widths`, `fill_number` and
// `_PyUnicode_InsertThousandsGrouping`, shared by int and float formatting.
//
// The output has the shape
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>

/// Everything `layoutNumber` needs besides the number's pieces.
struct NumberLayoutOptions: Sendable {
    var fill: Unicode.Scalar = " "
    var align: PyFormatSpec.Align = .right
    /// -1 when no width was given.
    var width: Int = -1
    var sign: PyFormatSpec.Sign = .unspecified
    /// Digits per group, or nil for no grouping.
    var groupSize: Int?
    var separator: UInt8 = UInt8(ascii: ",")

    init(spec: PyFormatSpec, defaultAlign: PyFormatSpec.Align, groupSize: Int?) {
        fill = spec.effectiveFill()
        align = spec.effectiveAlign(default: defaultAlign)
        width = spec.width ?? -1
        sign = spec.sign
        self.groupSize = spec.grouping == .none ? nil : groupSize
        separator = spec.grouping == .underscore ? UInt8(ascii: "_") : UInt8(ascii: ",")
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right,
/// left-padding with '0' (also grouped) until at least `minWidth` characters.
func insertThousandsGrouping(_ digits: ArraySlice<UInt8>, minWidth: Int, groupSize: Int?, separator: UInt8) -> [UInt8] {
    var minWidth = max(0, minWidth)
    var remaining = digits.count
    var digitsPos = digits.endIndex
    var reversed: [UInt8] = []
    reversed.reserveCapacity(max(remaining, minWidth) + max(remaining, minWidth) / 3 + 2)
    var useSeparator = false
    let zero = UInt8(ascii: "0")

    func emit(chars: Int, zeros: Int, separator sep: Bool) {
        if sep { reversed.append(separator) }
        var i = 0
        while i < chars {
            digitsPos -= 1
            reversed.append(digits[digitsPos])
            i += 1
        }
        if zeros > 0 { reversed.append(contentsOf: repeatElement(zero, count: zeros)) }
    }

    var loopBroken = false
    if let group = groupSize, group > 0 {
        while true {
            let len = min(group, max(max(remaining, minWidth), 1))
            let zeros = max(0, len - remaining)
            let chars = max(0, min(remaining, len))
            emit(chars: chars, zeros: zeros, separator: useSeparator)
            useSeparator = true
            remaining -= chars
            minWidth -= len
            if remaining <= 0 && minWidth <= 0 {
                loopBroken = true
                break
            }
            minWidth -= 1  // separator length
        }
    }
    if !loopBroken {
        let len = max(max(remaining, minWidth), 1)
        let zeros = max(0, len - remaining)
        let chars = max(0, min(remaining, len))
        emit(chars: chars, zeros: zeros, separator: useSeparator)
    }
    reversed.reverse()
    return reversed
}

/// `calc_number_widths` + `fill_number`. `negative` is whether the formatted
/// number carried a '-' (already stripped from `digits`). `digits` are the
/// leading integer digits; if `hasDecimal`, a '.' follows them; `remainder`
/// is everything after (fraction digits, exponent, '%', "inf", a 'c' char...).
func layoutNumber(negative: Bool, prefix: [UInt8], digits: ArraySlice<UInt8>, hasDecimal: Bool,
                  remainder: String.UnicodeScalarView, options: NumberLayoutOptions) -> String {
    var signChar: Unicode.Scalar?
    switch options.sign {
    case .plus: signChar = negative ? "-" : "+"
    case .space: signChar = negative ? "-" : " "
    case .minus, .unspecified: signChar = negative ? "-" : nil
    }
    let nSign = signChar == nil ? 0 : 1
    let nDecimal = hasDecimal ? 1 : 0
    let nonDigitNonPadding = nSign + prefix.count + nDecimal + remainder.count

    let minWidth = (options.fill == "0" && options.align == .afterSign) ? options.width - nonDigitNonPadding : 0
    let grouped: [UInt8] = digits.isEmpty ? [] :
        insertThousandsGrouping(digits, minWidth: minWidth, groupSize: options.groupSize, separator: options.separator)

    var lpad = 0, spad = 0, rpad = 0
    let padding = options.width - (nonDigitNonPadding + grouped.count)
    if padding > 0 {
        switch options.align {
        case .left: rpad = padding
        case .center:
            lpad = padding / 2
            rpad = padding - lpad
        case .afterSign: spad = padding
        case .right: lpad = padding
        }
    }

    let fill = String(Character(options.fill))
    var out = ""
    out.reserveCapacity(lpad + spad + rpad + nonDigitNonPadding + grouped.count + 4)
    if lpad > 0 { out += String(repeating: fill, count: lpad) }
    if let s = signChar { out.unicodeScalars.append(s) }
    if !prefix.isEmpty { out += String(decoding: prefix, as: UTF8.self) }
    if spad > 0 { out += String(repeating: fill, count: spad) }
    out += String(decoding: grouped, as: UTF8.self)
    if hasDecimal { out += "." }
    out.unicodeScalars.append(contentsOf: remainder)
    if rpad > 0 { out += String(repeating: fill, count: rpad) }
    return out
}
