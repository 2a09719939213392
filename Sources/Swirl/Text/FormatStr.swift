// FormatStr.swift
// `format(s, spec)` for Python strs: a port of CPython 3.11's
// `format_string_internal` / `calc_padding`. Lengths are counted in Unicode
// scalars (code points), as Python does, not grapheme clusters.

/// `format(s, spec)` / `f"{s:spec}"` for a Python str, like CPython 3.11.
public func pyFormatStr(_ s: String, _ specString: String) throws(PyFormatError) -> String {
    if specString.isEmpty {
        return s
    }
    let spec = try PyFormatSpec.parse(specString, typeName: "str")
    let type = spec.type ?? "s"
    _ = try spec.validateGrouping(type: type)
    guard type == "s" else {
        throw unknownFormatCode(type, typeName: "str")
    }

    switch spec.sign {
    case .space:
        throw PyFormatError("Space not allowed in string format specifier")
    case .plus, .minus:
        throw PyFormatError("Sign not allowed in string format specifier")
    case .unspecified:
        break
    }
    if spec.noNegativeZero {
        throw PyFormatError("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate {
        throw PyFormatError("Alternate form (#) not allowed in string format specifier")
    }
    let align = spec.effectiveAlign(default: .left)
    if align == .afterSign {
        throw PyFormatError("'=' alignment not allowed in string format specifier")
    }

    let scalars = s.unicodeScalars
    let length = scalars.count
    let width = spec.width ?? -1
    if (width == -1 || width <= length) && (spec.precision == nil || (spec.precision ?? 0) >= length) {
        return s
    }
    try checkWidth(spec.width)

    var len = length
    if let p = spec.precision, len >= p {
        len = p
    }
    let total = width >= 0 && width > len ? width : len
    let lpad: Int
    switch align {
    case .right: lpad = total - len
    case .center: lpad = (total - len) / 2
    case .left, .afterSign: lpad = 0
    }
    let rpad = total - len - lpad

    let fill = String(Character(spec.effectiveFill()))
    var out = ""
    if lpad > 0 { out += String(repeating: fill, count: lpad) }
    if len == length {
        out += s
    } else {
        out.unicodeScalars.append(contentsOf: scalars.prefix(len))
    }
    if rpad > 0 { out += String(repeating: fill, count: rpad) }
    return out
}
