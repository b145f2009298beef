// swift-tools-version:6.0
import PackageDescription

// The pipeline is visible in the targets: each stage is a module that depends only on
// the shared document model (and on the stage before it where it needs its output types).
//   ChamberRead → ChamberParse → ChamberAlign → ChamberCheck → ChamberEmit, composed by ChamberDoc,
//   driven by the thin `chamberdoc` CLI.
// Release builds optimise across modules: every stage calls the model's generic text helpers
// (`some StringProtocol`, `PageCut`, `Dates`) on every line, which otherwise run unspecialised
// (6 % of a batch's instructions, callgrind). An unsafe flag: the package builds as a root
// package (a tool), not as another package's dependency.
let acrossModules: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "chamberdoc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chamberdoc", targets: ["chamberdoc"]),
        .library(name: "ChamberDoc", targets: ["ChamberDoc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // poppler's GLib interface (GPL-2.0-or-later, hence the project's GPL-3.0-or-later):
        // the functions the PDF reader opens at run time, declared (not linked).
        .systemLibrary(name: "CPoppler"),
        // poppler-glib's own headers, for the test build to check CPoppler's declarations.
        .systemLibrary(
            name: "CPopplerHeaders",
            path: "Tests/CPopplerHeaders",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]
        ),
        .target(name: "PopplerHeaderCheck", dependencies: ["CPopplerHeaders"], path: "Tests/PopplerHeaderCheck"),
        // zlib, to read the Dutch-French dictionaries (dictd's .dict.dz) the sentence aligner uses.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Hunspell and its Dutch and French dictionaries, for a hyphen at a line end that
        // the document itself does not explain.
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"]), .brew(["hunspell"])]
        ),
        .target(name: "ChamberModel", swiftSettings: acrossModules),
        .target(name: "ChamberRead", dependencies: ["ChamberModel", "CPoppler", "CHunspell"], swiftSettings: acrossModules),
        .target(name: "ChamberParse", dependencies: ["ChamberModel"], swiftSettings: acrossModules),
        .target(name: "ChamberAlign", dependencies: ["ChamberModel", "CZlib"], swiftSettings: acrossModules),
        .target(name: "ChamberCheck", dependencies: ["ChamberModel", "ChamberParse"], swiftSettings: acrossModules),
        .target(name: "ChamberEmit", dependencies: ["ChamberModel", "CLibXML2"], swiftSettings: acrossModules),
        .target(
            name: "ChamberDoc",
            dependencies: ["ChamberModel", "ChamberRead", "ChamberParse", "ChamberAlign", "ChamberCheck", "ChamberEmit"],
            swiftSettings: acrossModules
        ),
        .executableTarget(
            name: "chamberdoc",
            dependencies: ["ChamberDoc", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: acrossModules
        ),
        // The evaluation of the align and check stages (see `make bench`).
        .target(name: "ChamberEvaluation", dependencies: ["ChamberModel", "ChamberRead", "ChamberParse", "ChamberAlign", "ChamberCheck"]),
        .executableTarget(
            name: "chamberdoc-evaluate",
            dependencies: ["ChamberEvaluation", "ChamberDoc", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz target (see `make fuzz`); built plainly, it replays inputs.
        .executableTarget(name: "chamberdoc-fuzz", dependencies: ["ChamberDoc"]),
        .testTarget(
            name: "ChamberDocTests",
            dependencies: ["ChamberDoc", "ChamberModel", "ChamberRead", "ChamberParse", "ChamberAlign", "ChamberCheck", "ChamberEmit", "ChamberEvaluation", "CLibXML2", "PopplerHeaderCheck"],
            exclude: ["Fixtures"]
        ),
    ]
)
