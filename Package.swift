// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RGMap",
    products: [
        .library(name: "RGMap", targets: ["RGMap"]),
        .executable(name: "rgmap", targets: ["rgmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: libopenblas-dev, liblapacke-dev, libhdf5-dev, zlib1g-dev, r-mathlib, libssl-dev).
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke",
                       providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CRmath", pkgConfig: "libRmath",
                       providers: [.apt(["r-mathlib"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // O_DIRECT for writing large outputs past the page cache.
        .target(name: "CDirectIO"),
        .target(
            name: "RGMap",
            dependencies: ["CBLAS", "CLAPACKE", "CHDF5", "CZlib", "CRmath", "CCrypto", "CDirectIO"]
        ),
        .executableTarget(
            name: "rgmap",
            dependencies: [
                "RGMap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rgmap-bench",
            dependencies: ["RGMap", "CBLAS"]
        ),
        // libFuzzer targets for the parsers (`make fuzz`); without -DFUZZING, a replay driver.
        .executableTarget(
            name: "rgmap-fuzz",
            dependencies: ["RGMap"]
        ),
        .testTarget(
            name: "RGMapTests",
            dependencies: ["RGMap", "rgmap"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
