// The `time` module: the clocks (time, monotonic, perf_counter and their _ns forms, all
// on the event loop's clock so that --virtual-time moves them), blocking sleep, and the
// calendar functions (localtime, gmtime, mktime, strftime, ctime, asctime, struct_time).
// The calendar half is Python source over three native helpers that call the C library.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    func makeTimeModule() throws -> PyModule {
        let m = PyModule(name: "time")
        let g = m.globals
        g["time"] = .object(PyNativeFunction("time", .a0 { rt in .float(rt.loop.wallTime()) }))
        g["monotonic"] = .object(PyNativeFunction("monotonic", .a0 { rt in .float(rt.loop.time()) }))
        g["perf_counter"] = .object(PyNativeFunction("perf_counter", .a0 { rt in .float(rt.loop.time()) }))
        g["process_time"] = .object(PyNativeFunction("process_time", .a0 { _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }))
        g["time_ns"] = .object(PyNativeFunction("time_ns", .a0 { rt in .int(Int((rt.loop.wallTime() * 1e9).rounded())) }))
        g["monotonic_ns"] = .object(PyNativeFunction("monotonic_ns", .a0 { rt in .int(Int((rt.loop.time() * 1e9).rounded())) }))
        g["perf_counter_ns"] = .object(PyNativeFunction("perf_counter_ns", .a0 { rt in .int(Int((rt.loop.time() * 1e9).rounded())) }))
        g["sleep"] = .object(PyNativeFunction("sleep", .a1 { rt, v in
            guard let n = rt.num(v) else { throw typeError("'\(rt.typeName(v))' object cannot be interpreted as an integer") }
            let d = try rt.floatOf(n)
            if d < 0 { throw valueError("sleep length must be non-negative") }
            if !rt.virtualSleepOnWorker(d) {
                let loop = rt.loop
                rt.blockingCall { loop.blockingSleep(d) }
            }
            try rt.checkInterrupt()
            return .none
        }))
        g["_breakdown"] = .object(PyNativeFunction("_breakdown", .a2 { rt, secs, utc in
            try rt.timeBreakdown(secs, utc: try rt.truthy(utc))
        }))
        g["_strftime"] = .object(PyNativeFunction("_strftime", .a2 { rt, format, fields in
            guard case .object(let fo) = format, let f = fo as? PyStr else {
                throw typeError("strftime() argument 1 must be str, not \(rt.typeName(format))")
            }
            return Value(try rt.formatTime(f.value, try rt.calendarFields(fields)))
        }))
        g["_mktime"] = .object(PyNativeFunction("_mktime", .a1 { rt, fields in
            var t = try rt.calendarFields(fields)
            let r = mktime(&t)
            if r == -1 { throw overflowError("mktime argument out of range") }
            return .float(Double(r))
        }))
        try runPrelude(timeModuleSource, into: m, name: "time")
        return m
    }

    /// The broken-down local (or UTC) time of `secs` since the epoch: the nine struct_time
    /// fields, then the zone name and the UTC offset in seconds.
    func timeBreakdown(_ secs: Value, utc: Bool) throws -> Value {
        guard let n = num(secs) else { throw typeError("'\(typeName(secs))' object cannot be interpreted as an integer") }
        let d = try floatOf(n)
        guard d.isFinite, abs(d) < 1e15 else { throw overflowError("timestamp out of range for platform time_t") }
        var t = time_t(d.rounded(.down))
        var parts = tm()
        if utc { gmtime_r(&t, &parts) } else { localtime_r(&t, &parts) }
        let zone = parts.tm_zone.map { String(cString: $0) } ?? (utc ? "UTC" : "")
        let fields: [Value] = [
            .int(Int(parts.tm_year) + 1900), .int(Int(parts.tm_mon) + 1), .int(Int(parts.tm_mday)),
            .int(Int(parts.tm_hour)), .int(Int(parts.tm_min)), .int(Int(parts.tm_sec)),
            .int((Int(parts.tm_wday) + 6) % 7), .int(Int(parts.tm_yday) + 1), .int(Int(parts.tm_isdst)),
            Value(zone), .int(Int(parts.tm_gmtoff)),
        ]
        return .object(PyTuple(fields))
    }

    /// A C `tm` from the first nine items of a struct_time or tuple.
    func calendarFields(_ v: Value) throws -> tm {
        let items = try iterateToArray(v)
        guard items.count >= 9 else { throw typeError("time tuple must have 9 elements") }
        var f = [Int32]()
        for x in items.prefix(9) {
            let i = try indexValue(x)
            guard let i32 = Int32(exactly: i) else { throw overflowError("Python int too large to convert to C int") }
            f.append(i32)
        }
        var t = tm()
        t.tm_year = f[0] &- 1900
        t.tm_mon = f[1] &- 1
        t.tm_mday = f[2]
        t.tm_hour = f[3]
        t.tm_min = f[4]
        t.tm_sec = f[5]
        t.tm_wday = (f[6] &+ 1) % 7
        t.tm_yday = f[7] &- 1
        t.tm_isdst = f[8]
        return t
    }

    /// C strftime over `fields`, growing the buffer for long results.
    func formatTime(_ format: String, _ fields: tm) throws -> String {
        if format.isEmpty { return "" }
        var t = fields
        var size = 256
        while size <= 1 << 20 {
            var buffer = [CChar](repeating: 0, count: size)
            let n = strftime(&buffer, size, format, &t)
            if n > 0 { return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            size *= 4
        }
        return ""
    }
}

let timeModuleSource = #"""
class struct_time:
    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')

    def __init__(self, fields, zone=None, gmtoff=None):
        fields = tuple(fields)
        if len(fields) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (' + str(len(fields)) + '-sequence given)')
        self._fields = fields[:9]
        self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, \
            self.tm_wday, self.tm_yday, self.tm_isdst = self._fields
        self.tm_zone = zone
        self.tm_gmtoff = gmtoff

    def __getitem__(self, i):
        return self._fields[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._fields == other._fields
        return self._fields == other

    def __hash__(self):
        return hash(self._fields)

    def __repr__(self):
        return 'time.struct_time(' + ', '.join([n + '=' + str(v) for n, v in zip(self._names, self._fields)]) + ')'


def _struct(secs, utc):
    parts = _breakdown(time() if secs is None else secs, utc)
    return struct_time(parts[:9], parts[9], parts[10])


def localtime(secs=None):
    return _struct(secs, False)


def gmtime(secs=None):
    return _struct(secs, True)


def mktime(t):
    return _mktime(t)


def strftime(format, t=None):
    return _strftime(format, localtime() if t is None else t)


_days = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_months = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def asctime(t=None):
    if t is None:
        t = localtime()
    return (_days[t[6]] + ' ' + _months[t[1] - 1] + ' ' + ('%2d' % t[2]) + ' '
            + ('%02d:%02d:%02d' % (t[3], t[4], t[5])) + ' ' + str(t[0]))


def ctime(secs=None):
    return asctime(localtime(secs))


timezone = -_breakdown(0, False)[10]
altzone = timezone
daylight = 0
tzname = (_breakdown(0, False)[9], _breakdown(0, False)[9])
"""#
