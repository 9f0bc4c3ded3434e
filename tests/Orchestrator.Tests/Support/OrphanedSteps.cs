using System.Diagnostics;
using System.Security.Cryptography;
using Orchestrator.Execution.Process;

namespace Orchestrator.Tests.Support;

/// <summary>Stand-ins for step processes a killed orchestrator left running: each sleeps for five minutes
/// carrying a step token in its environment, as the process executor hands one to every step.</summary>
internal static class OrphanedSteps
{
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static Process Sleeping(string token)
    {
        var start = new ProcessStartInfo("sleep", "300") { UseShellExecute = false };
        start.Environment[StepProcesses.TokenVariable] = token;
        return Process.Start(start)!;
    }
}
