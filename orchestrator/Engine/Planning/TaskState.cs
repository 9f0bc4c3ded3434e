namespace Orchestrator.Planning;

/// <summary>A status and why the task is in it ("output output/model.zip missing", "upstream TrainModel failed").</summary>
internal sealed record TaskState(ExecutionStatus Status, string Reason)
{
    public static TaskState Complete() => new(ExecutionStatus.Complete, "outputs present");

    public static TaskState Forced() => new(ExecutionStatus.Pending, "forced");

    public static TaskState OutputMissing(string output) => new(ExecutionStatus.Pending, $"output {output} missing");

    public static TaskState UpstreamWillRun(string upstream) => new(ExecutionStatus.Pending, $"upstream {upstream} will run");

    public override string ToString() => $"{Status}: {Reason}";
}
