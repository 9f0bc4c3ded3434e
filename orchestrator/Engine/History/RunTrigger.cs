namespace Orchestrator.History;

/// <summary>What started a run; stored lowercase ("cli", "ui", "schedule").</summary>
public enum RunTrigger
{
    Cli,
    Ui,
    Schedule,
}
