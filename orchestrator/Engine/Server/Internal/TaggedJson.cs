using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Orchestrator.Server.Internal;

/// <summary>JSON with a strong ETag of its bytes, for what the page polls: sent back in If-None-Match, it gets a 304
/// without a body while nothing changed, so an idle page neither downloads nor parses the same answer again.</summary>
internal static class TaggedJson
{
    public static IResult Of(object value, JsonSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"");
        return Results.Bytes(bytes, "application/json; charset=utf-8", entityTag: tag);
    }
}
