using WinePipeline.Orchestrator.Execution;

namespace WinePipeline.Orchestrator.Tests.Execution;

public class RetryPolicyTests
{
    private const long Mebibyte = 1024 * 1024;
    private static readonly TaskResources NoLimits = new();

    [Fact]
    public void Default_retries_infrastructure_failures_and_lost_nodes_three_times_in_all()
    {
        var failures = new List<FailureKind>();
        var decisions = new List<RetryDecision?>();

        foreach (var kind in new[] { FailureKind.Infrastructure, FailureKind.NodeLost, FailureKind.Infrastructure, FailureKind.NodeLost })
        {
            failures.Add(kind);
            decisions.Add(RetryPolicy.Default.Next(failures, NoLimits, random: 0));
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], decisions.Take(3).Select(decision => decision!.Delay));
        Assert.Null(decisions[3]);
    }

    [Theory]
    [InlineData(FailureKind.Exit)]
    [InlineData(FailureKind.OutOfMemory)]
    [InlineData(FailureKind.Unschedulable)]
    [InlineData(FailureKind.Timeout)]
    public void Default_retries_nothing_the_task_did_itself(FailureKind kind)
    {
        Assert.Null(RetryPolicy.Default.Next([kind], new TaskResources(MemoryBytes: 512 * Mebibyte), random: 0));
    }

    [Fact]
    public void Infrastructure_retry_waits_are_jittered_by_up_to_half_of_the_doubled_delay()
    {
        var second = new[] { FailureKind.NodeLost, FailureKind.NodeLost };

        var shortest = RetryPolicy.Default.Next(second, NoLimits, random: 0.999)!.Delay;
        var longest = RetryPolicy.Default.Next(second, NoLimits, random: 0)!.Delay;

        Assert.Equal(TimeSpan.FromSeconds(2), longest);
        Assert.InRange(shortest, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.01));
    }

    [Fact]
    public void Exits_are_retried_only_as_often_as_the_policy_says_on_the_plain_doubling_schedule()
    {
        var policy = new RetryPolicy { ExitRetries = 2, BaseDelay = TimeSpan.FromSeconds(3) };

        var first = policy.Next([FailureKind.Exit], NoLimits, random: 0.9);
        var second = policy.Next([FailureKind.Exit, FailureKind.Exit], NoLimits, random: 0.9);
        var third = policy.Next([FailureKind.Exit, FailureKind.Exit, FailureKind.Exit], NoLimits, random: 0.9);

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)], new[] { first!.Delay, second!.Delay });
        Assert.Null(third);
    }

    [Fact]
    public void Infrastructure_retries_and_exit_retries_are_counted_apart()
    {
        var policy = new RetryPolicy { ExitRetries = 1 };

        var decision = policy.Next([FailureKind.NodeLost, FailureKind.Infrastructure, FailureKind.Exit], NoLimits, random: 0);

        Assert.Equal(TimeSpan.FromSeconds(1), decision!.Delay);
    }

    [Fact]
    public void Out_of_memory_is_retried_with_the_next_larger_named_limit_until_none_is_left()
    {
        var policy = new RetryPolicy { OutOfMemoryLimits = [2048 * Mebibyte, 1024 * Mebibyte] };

        var first = policy.Next([FailureKind.OutOfMemory], new TaskResources(Cpus: 1, MemoryBytes: 512 * Mebibyte), random: 0);
        var second = policy.Next([FailureKind.OutOfMemory, FailureKind.OutOfMemory], first!.Resources, random: 0);
        var third = policy.Next([FailureKind.OutOfMemory, FailureKind.OutOfMemory, FailureKind.OutOfMemory], second!.Resources, random: 0);

        Assert.Equal(new TaskResources(Cpus: 1, MemoryBytes: 1024 * Mebibyte), first.Resources);
        Assert.Equal(2048 * Mebibyte, second.Resources.MemoryBytes);
        Assert.Null(third);
    }

    [Fact]
    public void Out_of_memory_without_a_memory_limit_is_not_retried_since_no_named_limit_is_larger()
    {
        var policy = new RetryPolicy { OutOfMemoryLimits = [1024 * Mebibyte] };

        Assert.Null(policy.Next([FailureKind.OutOfMemory], NoLimits, random: 0));
    }
}
