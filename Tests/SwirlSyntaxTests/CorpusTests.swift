// Parses every .py file of the shared conformance and benchmark suites (when present).

import Foundation
import Testing
@testable import SwirlSyntax

@Suite struct CorpusTests {
    /// Files that are expected not to parse, with the reason.
    static let expectedFailures: [String: String] = [
        // Deliberately invalid: CPython itself reports "expected ':'" (line 14).
        "exceptions/13_syntax_error.py": "expected ':'",
    ]

    static func pythonFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".py") { files.append(path) }
        }
        return files.sorted()
    }

    @Test(arguments: ["/work/shared/conformance", "/work/shared/bench"])
    func everyFileParses(root: String) throws {
        let files = CorpusTests.pythonFiles(under: root)
        for file in files {
            let path = root + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let source = String(decoding: data, as: UTF8.self)
            do {
                _ = try parseModule(source, filename: path)
                #expect(CorpusTests.expectedFailures[file] == nil, "\(file) was expected to fail")
            } catch {
                let expected = root.hasSuffix("conformance") ? CorpusTests.expectedFailures[file] : nil
                #expect(error.message == expected, "\(file):\(error.line):\(error.column + 1): \(error.message)")
            }
        }
    }
}
