using System.Globalization;
using Orchestrator.EngineTests.Fixtures;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>
/// A pipeline file with a sweep of <c>Nap</c> variants that each sleep, and a <c>Gather</c> join of
/// them: the spread of a sweep over nodes, with no work that would compete for the one host's cores
/// that all test nodes share. A variant declares memory but no CPUs, so the engine counts it as one
/// CPU while the swarm reserves none: an engine before the fix of moby/moby#52652 would go on
/// counting finished jobs' CPU reservations against their nodes (see docs/swarm.md, known limits).
/// </summary>
internal static class NapSweep
{
    public const string Variant = "Nap";
    public const string Join = "Gather";

    /// <summary>Writes the pipeline into <paramref name="directory"/> and returns the file's path.</summary>
    public static string Write(string directory, int variants, int seconds)
    {
        var values = string.Join(", ", Enumerable.Range(1, variants).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var file = Path.Combine(directory, "pipeline.yaml");
        File.WriteAllText(file, $$"""
            name: nap-sweep
            tasks:
              {{Variant}}:
                image: {{BusyboxTestImage.Name}}
                matrix: { n: [{{values}}] }
                args: [sh, -c, "sleep {{seconds}}; echo ${n} > ${out}/nap.txt"]
                resources: { memory: 64m }
                outputs: { nap: nap.txt }
              {{Join}}:
                image: {{BusyboxTestImage.Name}}
                join: true
                args: [sh, -c, "cat \"$@\" > ${out}/naps.txt", sh, "${{{Variant}}[*].nap}"]
                outputs: { naps: naps.txt }
            """);
        return file;
    }
}
