// swift-tools-version:6.0
// Swirl: a small, fast scripting language for asynchronous programs (a Python 3.11 subset).
import PackageDescription

let package = Package(
    name: "Swirl",
    products: [
        .library(name: "Swirl", targets: ["Swirl"]),
        .executable(name: "swirl", targets: ["swirl"]),
        .executable(name: "plugin-host", targets: ["PluginHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // Layer 1: tokens, lexer, AST, parser. No runtime knowledge.
        .target(name: "SwirlSyntax"),
        // Layer 2: scope resolution (locals to slots, cells, globals) over the AST.
        .target(name: "SwirlResolve", dependencies: ["SwirlSyntax"]),
        // Layer 3: the runtime: objects, evaluator, event loop, built-in modules, embedding API.
        .target(
            name: "Swirl",
            dependencies: [
                "SwirlSyntax", "SwirlResolve", "CSwirlSupport",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            swiftSettings: [
                // The evaluator's hot paths touch class fields constantly; the runtime is
                // single-threaded per interpreter, so dynamic exclusivity checks only cost time.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]),
        // Tiny C helpers the runtime needs (stack pointer, thread stack size).
        .target(name: "CSwirlSupport"),
        // libedit (BSD line editing with a readline-compatible API), for the REPL.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The interactive console: drives libedit from the interpreter's event loop.
        .target(name: "SwirlREPL", dependencies: ["Swirl", "CEditLine"]),
        // The thin command-line front end.
        .executableTarget(
            name: "swirl",
            dependencies: [
                "Swirl", "SwirlREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // The Swift runtime and Foundation linked in rather than loaded as shared
                // libraries: a quarter less resident memory at start-up (17 MB instead of
                // 24 MB) and no dynamic relocation of Foundation on every start.
                // Foundation's static archives need each other and their C parts: one group.
                .unsafeFlags([
                    "-static-stdlib", "-Xlinker", "--start-group",
                    "-lFoundation", "-lCoreFoundation", "-lFoundationEssentials",
                    "-lFoundationInternationalization", "-l_FoundationICU", "-l_FoundationCShims",
                    "-l_FoundationCollections", "-lswiftSynchronization", "-Xlinker", "--end-group",
                ], .when(platforms: [.linux])),
            ]),
        // An example host program: a tiny plugin host that embeds Swirl (see docs/embedding.md).
        .executableTarget(name: "PluginHost", dependencies: ["Swirl"]),
        .testTarget(name: "SwirlSyntaxTests", dependencies: ["SwirlSyntax"]),
        .testTarget(name: "SwirlResolveTests", dependencies: ["SwirlResolve", "SwirlSyntax"]),
        .testTarget(
            name: "SwirlTests",
            // BigInt: the formatting tests call the BigInt overloads of the formatting functions.
            dependencies: ["Swirl", .product(name: "BigInt", package: "BigInt")],
            resources: [.copy("Scripts")]),
        // Drives the real `swirl` binary in a terminal (tmux): the REPL's acceptance tests.
        .testTarget(name: "SwirlREPLTests"),
        // The embedding API, through the public interface only.
        .testTarget(name: "SwirlEmbeddingTests", dependencies: ["Swirl"]),
    ],
    swiftLanguageModes: [.v6]
)
