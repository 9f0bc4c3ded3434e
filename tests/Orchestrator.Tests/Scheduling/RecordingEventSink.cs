using System.Collections.Concurrent;
using Orchestrator.Scheduling;

namespace Orchestrator.Tests.Scheduling;

/// <summary>Keeps every schedule event and lets a test wait until enough of one kind arrived.</summary>
internal sealed class RecordingEventSink : IScheduleEventSink
{
    private readonly ConcurrentQueue<ScheduleEvent> events = new();

    public IReadOnlyList<ScheduleEvent> Events => events.ToList();

    public void Record(ScheduleEvent scheduleEvent) => events.Enqueue(scheduleEvent);

    public IReadOnlyList<ScheduleEvent> OfKind(ScheduleEventKind kind) => events.Where(e => e.Kind == kind).ToList();

    public async Task<IReadOnlyList<ScheduleEvent>> WaitForAsync(ScheduleEventKind kind, int count = 1, int timeoutSeconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (OfKind(kind).Count < count)
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"expected {count} {kind} event(s) within {timeoutSeconds} s; got:\n{string.Join('\n', events.Select(e => $"{e.Kind}: {e.Message}"))}");
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return OfKind(kind);
    }
}
