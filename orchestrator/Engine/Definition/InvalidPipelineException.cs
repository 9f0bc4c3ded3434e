namespace Orchestrator;

/// <summary>A pipeline definition is wrong; <see cref="Problems"/> holds one line per problem, each naming the task (and file and line when it came from one).</summary>
public sealed class InvalidPipelineException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
