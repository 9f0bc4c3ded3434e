namespace Orchestrator.Definition;

/// <summary>A declared parameter: its default and the environment variable that may set it.</summary>
internal sealed record ParameterSpec(string Name, string Default, string? EnvironmentVariable, string? Description, string? Source);
