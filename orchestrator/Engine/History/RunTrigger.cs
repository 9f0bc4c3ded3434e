namespace Orchestrator.History;

/// <summary>What started a run; stored lowercase ("cli", "ui", "schedule").</summary>
internal enum RunTrigger
{
    Cli,
    Ui,
    Schedule,
}
