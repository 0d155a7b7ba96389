import Dispatch
import Foundation
import RGMap

/// SIGINT and SIGTERM stop a run cleanly: the files being written are removed (finished
/// ones stay under their final names), one line says so, and the exit status is 128 + the
/// signal, as shells expect.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: signal, queue: DispatchQueue.global(qos: .userInteractive))
            source.setEventHandler {
                let removed = PartialFiles.removeAll()
                let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
                FileHandle.standardError.write(Data("rgmap: stopped by \(name); \(removed) partial file\(removed == 1 ? "" : "s") removed, finished files kept\n".utf8))
                _exit(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
    }
}
