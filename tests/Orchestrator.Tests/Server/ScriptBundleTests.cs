using Orchestrator.Server;

namespace Orchestrator.Tests.Server;

public sealed class ScriptBundleTests
{
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["main.js"] = "import { a } from \"./a.js\";\nimport { b } from \"./b.js\";\nexport const main = a + b;\nimport(\"./later.js\");\n",
        ["a.js"] = "export const a = 1;\n",
        ["b.js"] = "import { a } from \"./a.js\";\nexport function b() { return a; }\n",
    };

    [Fact]
    public void Joins_each_imported_module_once_before_its_importer_without_module_syntax_and_keeps_dynamic_imports()
    {
        var joined = ScriptBundle.Join("main.js", name => Sources[name]);

        Assert.Equal(
            "\"use strict\";\n(() => {\n// a.js\nconst a = 1;\n// b.js\nfunction b() { return a; }\n// main.js\nconst main = a + b;\nimport(\"./later.js\");\n})();\n",
            joined);
    }

    [Fact]
    public void Refuses_an_import_it_cannot_join_naming_the_file_and_the_line()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScriptBundle.Join("main.js", _ => "import * as all from \"./a.js\";\n"));

        Assert.Equal("Server/Web/main.js: cannot join \"import * as all from \"./a.js\";\" into one script; import { names } from \"./file.js\" only", error.Message);
    }
}
