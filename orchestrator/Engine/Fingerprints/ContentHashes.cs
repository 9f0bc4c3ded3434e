using System.Security.Cryptography;
using System.Text.Json;

namespace Orchestrator.Fingerprints;

/// <summary>
/// SHA-256 of files, with a fast path: a cache of (path, size, modification time) -> hash kept in
/// data_root/.orchestrator/hash-cache.json, so an unchanged file is never read again. A file whose size
/// or time changed is re-hashed, so touching a file without changing it keeps its hash. Only regular
/// files are read: anything else (a device, a FIFO, a folder, a symlink) has no hash and so never
/// matches a fingerprint. Hashing stops at once when <see cref="Cancellation"/> is cancelled. A cache
/// that cannot be read is discarded, and one that cannot be written only costs re-hashing later. Thread-safe.
/// </summary>
internal sealed class ContentHashes
{
    public const string NotARegularFile = "not-a-regular-file";

    private const string FileName = "hash-cache.json";
    private const int BufferSize = 1 << 20;

    private readonly string cachePath;
    private readonly Dictionary<string, CachedHash> cache;
    private readonly Lock gate = new();
    private bool changed;

    private ContentHashes(string cachePath, Dictionary<string, CachedHash> cache, CancellationToken cancellation)
    {
        this.cachePath = cachePath;
        this.cache = cache;
        Cancellation = cancellation;
    }

    public CancellationToken Cancellation { get; }

    public static ContentHashes Load(string dataRoot, CancellationToken cancellation = default)
    {
        var path = Path.Combine(dataRoot, ".orchestrator", FileName);
        return new ContentHashes(path, ReadCache(path), cancellation);
    }

    /// <summary>The file's SHA-256 as lowercase hex, from the cache when its size and time are unchanged.</summary>
    public string Of(string path)
    {
        if (!IsRegularFile(path))
        {
            return NotARegularFile;
        }

        var file = new FileInfo(path);
        var key = file.FullName;
        var (size, modified) = (file.Length, file.LastWriteTimeUtc.Ticks);
        lock (gate)
        {
            if (cache.TryGetValue(key, out var known) && known.Size == size && known.Modified == modified)
            {
                return known.Sha256;
            }
        }

        return Rehash(path);
    }

    /// <summary>Reads the file again whatever the cache says, and keeps the new hash.</summary>
    public string Rehash(string path)
    {
        if (!IsRegularFile(path))
        {
            return NotARegularFile;
        }

        var file = new FileInfo(path);
        var hash = Compute(path, Cancellation);
        lock (gate)
        {
            cache[file.FullName] = new CachedHash(file.Length, file.LastWriteTimeUtc.Ticks, hash);
            changed = true;
        }

        return hash;
    }

    /// <summary>Records a hash already taken (of a staged file that was then renamed here, keeping its time).</summary>
    public void Remember(string path, string hash)
    {
        var file = new FileInfo(path);
        lock (gate)
        {
            cache[file.FullName] = new CachedHash(file.Length, file.LastWriteTimeUtc.Ticks, hash);
            changed = true;
        }
    }

    public static string Compute(string path, CancellationToken cancellation = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static bool IsRegularFile(string path) => Posix.FileStat.IsRegularFile(path);

    /// <summary>Writes the cache back if anything was added; a cache that cannot be written is left for next time.</summary>
    public void Save()
    {
        lock (gate)
        {
            if (!changed)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
                if (Directory.Exists(cachePath))
                {
                    Directory.Move(cachePath, $"{cachePath}.not-a-file-{Environment.ProcessId}");
                }

                AtomicFile.Write(cachePath, JsonSerializer.SerializeToUtf8Bytes(cache));
                changed = false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only costs re-hashing on the next run; a full disk is reported where it matters (promotion, history).
            }
        }
    }

    private static Dictionary<string, CachedHash> ReadCache(string path)
    {
        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, CachedHash?>>(File.ReadAllBytes(path)) ?? [];
            return read.Where(pair => pair.Value is { Sha256: not null }).ToDictionary(pair => pair.Key, pair => pair.Value!);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private sealed record CachedHash(long Size, long Modified, string Sha256);
}
