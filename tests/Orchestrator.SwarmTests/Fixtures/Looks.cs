using System.Collections.Concurrent;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>Something looked at again and again in the background until stopped, to see what happened while a run went on.</summary>
internal sealed class Looks<T> : IAsyncDisposable
{
    private readonly ConcurrentQueue<T> seen = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task looking;

    private Looks(Func<Task<T>> look, TimeSpan every)
    {
        looking = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                seen.Enqueue(await look());
                await Task.Delay(every, CancellationToken.None);
            }
        });
    }

    public static Looks<T> Start(Func<Task<T>> look, TimeSpan every) => new(look, every);

    /// <summary>Stops looking; returns what each look saw, oldest first.</summary>
    public async Task<IReadOnlyList<T>> StopAsync()
    {
        await stopping.CancelAsync();
        await looking;
        return [.. seen];
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await StopAsync();
        }

        stopping.Dispose();
    }
}
