namespace WinePipeline.Steps.SelectModel;

/// <summary>The rule: the lowest validation MSE wins; on equal MSE the faster fit; then the
/// variant given first.</summary>
public static class ModelChoice
{
    public static Variant Choose(IReadOnlyList<Variant> succeeded) =>
        succeeded
            .Select((variant, position) => (variant, position))
            .OrderBy(v => v.variant.Report!.Validation.Mse)
            .ThenBy(v => v.variant.Report!.TrainingSeconds)
            .ThenBy(v => v.position)
            .First().variant;
}
