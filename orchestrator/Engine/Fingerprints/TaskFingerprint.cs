using System.Text.Json;

namespace Orchestrator.Fingerprints;

/// <summary>
/// What a successful run of a task was made from and what it made: its parameters, its code and the
/// SHA-256 of each input and output file (paths relative to data_root).
/// </summary>
internal sealed record TaskFingerprint(
    int Version,
    SortedDictionary<string, string> Parameters,
    CodeVersion? Code,
    SortedDictionary<string, string> Inputs,
    SortedDictionary<string, string> Outputs)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The fingerprint, or null when the text is not one (a hand-written or truncated file).</summary>
    public static TaskFingerprint? TryParse(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskFingerprint>(content, Json) is { Version: CurrentVersion, Parameters: not null, Inputs: not null, Outputs: not null } fingerprint
                ? fingerprint
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
