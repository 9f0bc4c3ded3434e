namespace Orchestrator.Server;

/// <summary>A POST /api/runs the server will not start; its message is the one-line 400 answer.</summary>
internal sealed class BadRunRequestException(string message) : Exception(message);
