using System.Security.Cryptography;
using System.Text.Json;

namespace Orchestrator.Fingerprints;

/// <summary>
/// SHA-256 of files, with a fast path: a cache of (path, size, modification time) -> hash kept in
/// data_root/.orchestrator/hash-cache.json, so an unchanged file is never read again. A file whose size
/// or time changed is re-hashed, so touching a file without changing it keeps its hash. Thread-safe.
/// </summary>
internal sealed class ContentHashes
{
    private const string FileName = "hash-cache.json";
    private const int BufferSize = 1 << 20;

    private readonly string cachePath;
    private readonly Dictionary<string, CachedHash> cache;
    private readonly Lock gate = new();
    private bool changed;

    private ContentHashes(string cachePath, Dictionary<string, CachedHash> cache)
    {
        this.cachePath = cachePath;
        this.cache = cache;
    }

    public static ContentHashes Load(string dataRoot)
    {
        var path = Path.Combine(dataRoot, ".orchestrator", FileName);
        return new ContentHashes(path, ReadCache(path));
    }

    /// <summary>The file's SHA-256 as lowercase hex, from the cache when its size and time are unchanged.</summary>
    public string Of(string path)
    {
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

        var hash = Compute(path);
        lock (gate)
        {
            cache[key] = new CachedHash(size, modified, hash);
            changed = true;
        }

        return hash;
    }

    /// <summary>Reads the file again whatever the cache says, and keeps the new hash.</summary>
    public string Rehash(string path)
    {
        var file = new FileInfo(path);
        var hash = Compute(path);
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

    public static string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Writes the cache back if anything was added; a lost cache only costs re-hashing.</summary>
    public void Save()
    {
        lock (gate)
        {
            if (!changed)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
            AtomicFile.Write(cachePath, JsonSerializer.SerializeToUtf8Bytes(cache));
            changed = false;
        }
    }

    private static Dictionary<string, CachedHash> ReadCache(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, CachedHash>>(File.ReadAllBytes(path)) ?? [];
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return [];
        }
    }

    private sealed record CachedHash(long Size, long Modified, string Sha256);
}
