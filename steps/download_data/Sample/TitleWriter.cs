namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>Titles as the real data writes them: "Winery 2013 Designation Variety (Province)",
/// with "NV" instead of a vintage for non-vintage wines.</summary>
public static class TitleWriter
{
    public static string Title(string winery, int? vintage, string? designation, string? variety, string? province)
    {
        var parts = new List<string>(5) { winery, vintage?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NV" };
        if (designation is not null)
        {
            parts.Add(designation);
        }

        if (variety is not null)
        {
            parts.Add(variety);
        }

        if (province is not null)
        {
            parts.Add($"({province})");
        }

        return string.Join(' ', parts);
    }
}
