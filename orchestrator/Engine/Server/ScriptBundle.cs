using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Server;

/// <summary>
/// The page's first script (Server/Web/app.js) joined with the modules it imports into one classic
/// script, as the server starts: the first drawing waits for one request, and the page starts asking
/// for the graph while the browser lays the page out, as a page with one plain script does. The
/// sources stay ES modules; the modules the page loads later import their own copies of what they need.
/// </summary>
internal static partial class ScriptBundle
{
    /// <summary>The entry module with its static imports before it (each once, in import order), in one strict function.</summary>
    /// <exception cref="InvalidOperationException">A module imports something other than a named list from a sibling file.</exception>
    public static string Join(string entry, Func<string, string> load)
    {
        var joined = new List<string>();
        var text = new StringBuilder("\"use strict\";\n(() => {\n");
        Add(entry);
        return text.Append("})();\n").ToString();

        void Add(string name)
        {
            if (joined.Contains(name, StringComparer.Ordinal))
            {
                return;
            }

            joined.Add(name);
            var source = load(name);
            foreach (var line in source.Split('\n').Where(line => line.StartsWith("import ", StringComparison.Ordinal)))
            {
                var import = ImportLine().Match(line.TrimEnd('\r'));
                Add(import.Success ? import.Groups[1].Value : throw new InvalidOperationException($"Server/Web/{name}: cannot join \"{line.Trim()}\" into one script; import {{ names }} from \"./file.js\" only"));
            }

            text.Append($"// {name}\n").Append(Export().Replace(ImportLine().Replace(source, string.Empty), string.Empty));
        }
    }

    [GeneratedRegex("""^import \{[\w\s,]+\} from "\./([\w-]+\.js)";\r?(\n|$)""", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex("""^export (?=(async |const |function |class |let ))""", RegexOptions.Multiline)]
    private static partial Regex Export();
}
