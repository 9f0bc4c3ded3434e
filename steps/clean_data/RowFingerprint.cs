using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WinePipeline.Steps.CleanData;

/// <summary>
/// A 128-bit hash of a row's fields, so that duplicates are found with a set of 16-byte values
/// rather than by keeping every row in memory.
/// </summary>
public sealed class RowFingerprint
{
    private byte[] _buffer = new byte[4096];

    public UInt128 Of(ReadOnlySpan<string?> fields)
    {
        var length = 0;
        foreach (var field in fields)
        {
            var byteCount = field is null ? 0 : Encoding.UTF8.GetMaxByteCount(field.Length);
            EnsureCapacity(length + sizeof(int) + byteCount);
            var written = field is null ? 0 : Encoding.UTF8.GetBytes(field, _buffer.AsSpan(length + sizeof(int)));
            // A length prefix (-1 for missing) keeps field boundaries unambiguous whatever the text holds.
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(length), field is null ? -1 : written);
            length += sizeof(int) + written;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.AsSpan(0, length), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private void EnsureCapacity(int size)
    {
        if (size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
        }
    }
}
