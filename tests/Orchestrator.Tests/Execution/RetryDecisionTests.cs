using Orchestrator.Execution;
using Orchestrator.Graph;

namespace Orchestrator.Tests.Execution;

public class RetryDecisionTests
{
    private const long Mebibyte = 1 << 20;
    private static readonly TaskResources Limited = new(Cpus: 1, MemoryBytes: 512 * Mebibyte);

    [Theory]
    [InlineData(nameof(FailureKind.Infrastructure))]
    [InlineData(nameof(FailureKind.NodeLost))]
    public void By_default_what_the_infrastructure_broke_is_retried_three_times(string kind)
    {
        var task = Task(RetryPolicy.Default);

        var decisions = Enumerable.Range(1, 4).Select(failures => RetryDecision.Next(task, Failed(Enum.Parse<FailureKind>(kind)), failures, minimumExitRetries: 0, Limited)).ToList();

        Assert.Equal([Limited, Limited, Limited, null], decisions);
    }

    [Theory]
    [InlineData(nameof(FailureKind.Exit))]
    [InlineData(nameof(FailureKind.Timeout))]
    [InlineData(nameof(FailureKind.OutOfMemory))]
    [InlineData(nameof(FailureKind.Unschedulable))]
    public void By_default_nothing_the_task_did_itself_is_retried(string kind)
    {
        Assert.Null(RetryDecision.Next(Task(RetryPolicy.Default), Failed(Enum.Parse<FailureKind>(kind)), failuresOfKind: 1, minimumExitRetries: 0, Limited));
    }

    [Fact]
    public void A_non_zero_exit_is_retried_as_often_as_the_policy_or_the_retries_option_says_whichever_is_more()
    {
        var task = Task(new RetryPolicy(ExitRetries: 1));

        Assert.NotNull(RetryDecision.Next(task, Failed(FailureKind.Exit), 1, minimumExitRetries: 0, Limited));
        Assert.Null(RetryDecision.Next(task, Failed(FailureKind.Exit), 2, minimumExitRetries: 0, Limited));
        Assert.NotNull(RetryDecision.Next(task, Failed(FailureKind.Exit), 2, minimumExitRetries: 2, Limited));
    }

    [Fact]
    public void Out_of_memory_is_retried_once_with_the_larger_limit_the_policy_names()
    {
        var task = Task(new RetryPolicy(MemoryAfterOutOfMemory: 2048 * Mebibyte));

        var first = RetryDecision.Next(task, Failed(FailureKind.OutOfMemory), 1, 0, Limited);
        var second = RetryDecision.Next(task, Failed(FailureKind.OutOfMemory), 2, 0, first!);

        Assert.Equal(Limited with { MemoryBytes = 2048 * Mebibyte }, first);
        Assert.Null(second);
    }

    [Fact]
    public void Out_of_memory_is_not_retried_when_the_named_limit_is_not_larger()
    {
        var task = Task(new RetryPolicy(MemoryAfterOutOfMemory: 256 * Mebibyte));

        Assert.Null(RetryDecision.Next(task, Failed(FailureKind.OutOfMemory), 1, 0, Limited));
    }

    private static TaskDefinition Task(RetryPolicy retry) =>
        new("T", [], [TaskOutput.File("t.out")], new Dictionary<string, string>()) { Retry = retry };

    private static ExecutionResult Failed(FailureKind kind) => new(1, "test", []) { Failure = kind };
}
