namespace Orchestrator.Server;

/// <summary>The server cannot listen where asked, or would listen beyond loopback without a token; nothing is left listening.</summary>
internal sealed class CannotServeException(string message) : Exception(message);
