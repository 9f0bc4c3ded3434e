namespace Orchestrator.Server;

/// <summary>What the server serves and how: the runs it starts (the UI's Run button, schedules), where it listens, the token every request must carry.</summary>
/// <param name="Run">The request runs start from; the UI may name another target, force a task or give parameter values.</param>
/// <param name="NamedHosts">The host of each --urls entry: a name given there is one the server answers as. Whether the address needs the token is decided once it is bound.</param>
internal sealed record ServerSettings(Runs.RunRequest Run, string Url, string? Token, IReadOnlyList<string> NamedHosts);
