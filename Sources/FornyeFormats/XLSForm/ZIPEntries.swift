import Foundation
import ZIPFoundation

/// The parts of a zip archive held in memory, read from its central directory, with every offset
/// and size checked against the bytes actually there.
///
/// ZIPFoundation's `Archive.extract` on Linux spins forever when a deflate stream ends before its
/// final block (its provider returns empty data at the end of the file and the loop never sees
/// `Z_STREAM_END`; weichsel/ZIPFoundation#389, open). Fuzzing found it. So Fornye locates the
/// parts itself and feeds ZIPFoundation's inflater a provider that fails at the end of the part.
struct ZIPEntries {
    struct Entry {
        let path: String
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    struct Corrupt: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let data: Data
    let entries: [Entry]

    init(_ data: Data, maximumEntries: Int) throws(Corrupt) {
        self.data = Data(data)  // rebased to index 0
        let bytes = self.data
        let end = try Self.endOfCentralDirectory(in: bytes)
        let count = Int(bytes.uint16(at: end + 10))
        guard count <= maximumEntries else {
            throw Corrupt("the archive has more than \(maximumEntries) parts; refused")
        }
        let directorySize = Int(bytes.uint32(at: end + 12))
        let directoryOffset = Int(bytes.uint32(at: end + 16))
        if directoryOffset == 0xFFFF_FFFF || count == 0xFFFF {
            throw Corrupt("zip64 archives are not supported for workbooks")
        }
        guard directoryOffset + directorySize <= end else {
            throw Corrupt("the central directory lies outside the file")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= end, bytes.uint32(at: position) == 0x0201_4B50 else {
                throw Corrupt("central directory entry \(entries.count + 1) is damaged")
            }
            let nameLength = Int(bytes.uint16(at: position + 28))
            let extraLength = Int(bytes.uint16(at: position + 30))
            let commentLength = Int(bytes.uint16(at: position + 32))
            let nameStart = position + 46
            guard nameStart + nameLength + extraLength + commentLength <= end else {
                throw Corrupt("central directory entry \(entries.count + 1) runs past the directory")
            }
            let path = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            let entry = Entry(
                path: path,
                method: bytes.uint16(at: position + 10),
                crc32: bytes.uint32(at: position + 16),
                compressedSize: Int(bytes.uint32(at: position + 20)),
                uncompressedSize: Int(bytes.uint32(at: position + 24)),
                localHeaderOffset: Int(bytes.uint32(at: position + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
                || entry.localHeaderOffset == 0xFFFF_FFFF
            {
                throw Corrupt("\(path): zip64 parts are not supported for workbooks")
            }
            entries.append(entry)
            position = nameStart + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// The unpacked bytes of `entry`; `limit` bounds the output, whatever the header declares.
    func contents(of entry: Entry, limit: Int) throws(Corrupt) -> Data {
        let header = entry.localHeaderOffset
        guard header + 30 <= data.count, data.uint32(at: header) == 0x0403_4B50 else {
            throw Corrupt("\(entry.path): its local header is missing")
        }
        let start = header + 30 + Int(data.uint16(at: header + 26)) + Int(data.uint16(at: header + 28))
        guard start + entry.compressedSize <= data.count else {
            throw Corrupt(
                "\(entry.path) claims \(entry.compressedSize) bytes that the file does not hold; the archive is corrupt"
            )
        }
        let packed = data[start..<start + entry.compressedSize]
        switch entry.method {
        case 0:
            guard packed.count <= limit else { throw Corrupt("\(entry.path) is larger than allowed") }
            try check(Data(packed), against: entry)
            return Data(packed)
        case 8:
            return try inflate(packed, of: entry, limit: limit)
        default:
            throw Corrupt("\(entry.path) uses compression method \(entry.method), which workbooks do not use")
        }
    }

    private func inflate(_ packed: Data, of entry: Entry, limit: Int) throws(Corrupt) -> Data {
        struct Exhausted: Error {}
        struct OverLimit: Error {}
        var output = Data()
        var offset = packed.startIndex
        do {
            let checksum = try Data.decompress(
                size: Int64(packed.count), bufferSize: 16_384, skipCRC32: false,
                provider: { _, chunkSize in
                    guard offset < packed.endIndex else { throw Exhausted() }
                    let next = min(offset + chunkSize, packed.endIndex)
                    defer { offset = next }
                    return Data(packed[offset..<next])
                },
                consumer: { chunk in
                    guard output.count + chunk.count <= limit else { throw OverLimit() }
                    output.append(chunk)
                })
            guard checksum == entry.crc32 else { throw Corrupt("\(entry.path): checksum mismatch") }
        } catch let error as Corrupt {
            throw error
        } catch is Exhausted {
            throw Corrupt("\(entry.path): the compressed data ends too early")
        } catch is OverLimit {
            throw Corrupt("\(entry.path) unpacks to more than its size allows; refused as a possible zip bomb")
        } catch {
            throw Corrupt("\(entry.path): cannot unpack: \(error)")
        }
        return output
    }

    private func check(_ contents: Data, against entry: Entry) throws(Corrupt) {
        guard contents.crc32(checksum: 0) == entry.crc32 else { throw Corrupt("\(entry.path): checksum mismatch") }
    }

    /// The end-of-central-directory record: searched backwards over at most the 64 KiB comment.
    private static func endOfCentralDirectory(in data: Data) throws(Corrupt) -> Int {
        guard data.count >= 22 else { throw Corrupt("not a zip archive (too short)") }
        let lowest = max(0, data.count - 22 - 0xFFFF)
        var position = data.count - 22
        while position >= lowest {
            if data.uint32(at: position) == 0x0605_4B50 { return position }
            position -= 1
        }
        throw Corrupt("not a zip archive (no central directory)")
    }
}

extension Data {
    /// Little-endian reads; callers check bounds first.
    fileprivate func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }
}
