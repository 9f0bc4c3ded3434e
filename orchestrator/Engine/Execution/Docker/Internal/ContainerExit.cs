namespace Orchestrator.Execution.Docker.Internal;

/// <summary>How a container ended, with the engine's own explanation when it has one (OOM kill, failed start), and the failure in words.</summary>
internal sealed record ContainerExit(long Code, string? EngineError, FailureKind Failure = FailureKind.Exit);
