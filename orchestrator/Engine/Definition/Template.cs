using System.Text;

namespace Orchestrator.Definition;

/// <summary>
/// A string with references in it: <c>${name}</c> a parameter, <c>${Task.output}</c> an upstream
/// task's output, <c>${data:relative/path}</c> a file some task writes, <c>${out}</c> the task's own
/// output folder. <c>$$</c> is a literal <c>$</c>. The C# API and the pipeline file both write these.
/// </summary>
internal static class Template
{
    public const string OutDirectory = "out";
    public const string DataPrefix = "data:";

    /// <summary>The parts of a template in order; throws <see cref="FormatException"/> on an unclosed <c>${</c>.</summary>
    public static IReadOnlyList<TemplatePart> Parse(string text)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                literal.Append(text[i]);
                continue;
            }

            if (text[i + 1] == '$')
            {
                literal.Append('$');
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                literal.Append('$');
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                throw new FormatException($"'${{' at character {i + 1} is never closed with '}}'");
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(TemplatePartKind.Literal, literal.ToString()));
                literal.Clear();
            }

            parts.Add(Reference(text[(i + 2)..end].Trim()));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(TemplatePartKind.Literal, literal.ToString()));
        }

        return parts;
    }

    /// <summary>The text that parses back into <paramref name="parts"/>.</summary>
    public static string Render(IEnumerable<TemplatePart> parts) => string.Concat(parts.Select(part => part.Kind switch
    {
        TemplatePartKind.Literal => part.Value.Replace("$", "$$", StringComparison.Ordinal),
        TemplatePartKind.OutDirectory => $"${{{OutDirectory}}}",
        TemplatePartKind.DataPath => $"${{{DataPrefix}{part.Value}}}",
        _ => $"${{{part.Value}}}",
    }));

    private static TemplatePart Reference(string name) =>
        name == OutDirectory ? new TemplatePart(TemplatePartKind.OutDirectory, name)
        : name.StartsWith(DataPrefix, StringComparison.Ordinal) ? new TemplatePart(TemplatePartKind.DataPath, name[DataPrefix.Length..])
        : VariantIds.SplitReference(name) is not null ? new TemplatePart(TemplatePartKind.Output, name)
        : new TemplatePart(TemplatePartKind.Parameter, name);
}

internal enum TemplatePartKind
{
    Literal,
    Parameter,
    Output,
    DataPath,
    OutDirectory,
}

/// <summary>One piece of a template: literal text or a reference (<see cref="Value"/> holds its name).</summary>
internal sealed record TemplatePart(TemplatePartKind Kind, string Value);
