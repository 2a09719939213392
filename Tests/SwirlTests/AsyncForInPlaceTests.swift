// AsyncForInPlaceTests.swift
// When `async for` holds the only reference to a script async generator, the generator's
// `yield` runs the loop body in place instead of suspending (Eval/AsyncForSink.swift).
// What such programs print is checked against CPython by the script tests
// (Scripts/asyncio_async_for_in_place.py); these tests pin down when the mechanism engages:
// it must for private generators and pipelines of them, and must not when script code can
// still reach the generator or when the generator yields inside an `except` block.

import Foundation
import Testing
@testable import Swirl

@Suite struct AsyncForInPlaceTests {
    /// Runs `source` as a main script; returns what it printed and how many bodies ran in place.
    private func run(_ source: String) -> (output: String, inPlace: Int) {
        let out = OutputBuffer()
        var configuration = Configuration(stdout: { out.append($0) }, stderr: { out.append($0) })
        configuration.virtualTime = true
        let interpreter = Interpreter(configuration: configuration)
        _ = interpreter.runMain(source: source, filename: "t.py", scriptDirectory: nil)
        return (out.contents, interpreter.rt.bodiesRunInPlace)
    }

    private let header = """
        import asyncio
        async def count(n):
            for i in range(n):
                yield i
        async def double(items):
            async for x in items:
                yield 2 * x

        """

    @Test func privateGeneratorsRunTheBodyInPlace() {
        let r = run(header + """
            async def main():
                total = 0
                async for x in double(count(5)):
                    total += x
                print(total, [y async for y in count(3)])
            asyncio.run(main())
            """)
        #expect(r.output == "20 [0, 1, 2]\n")
        // 5 items through `double`'s loop and 5 through main's, 3 through the comprehension.
        #expect(r.inPlace == 13)
    }

    @Test func aGeneratorTheBodyCanReachIsPulled() {
        let r = run(header + """
            async def main():
                g = count(6)
                async for x in g:
                    print(x, await anext(g))
                h = count(2)
                also = [h]
                async for x in h:
                    print(x, also[0] is h)
            asyncio.run(main())
            """)
        #expect(r.output == "0 1\n2 3\n4 5\n0 True\n1 True\n")
        #expect(r.inPlace == 0)
    }

    @Test func aYieldInsideExceptIsPulled() {
        let r = run("""
            import asyncio
            async def g():
                try:
                    raise KeyError("k")
                except KeyError:
                    yield 1
            async def main():
                async for x in g():
                    print(x, repr(ValueError().__context__))
            asyncio.run(main())
            """)
        #expect(r.output == "1 None\n")
        #expect(r.inPlace == 0)
    }
}
