using Orchestrator.Graph;

namespace Orchestrator.Execution;

/// <summary>
/// The machine's CPUs and memory as the engine hands them out: a ready task starts while the sum of
/// what the running tasks declared, and its own, fits (a task declaring no CPUs counts as one). A task
/// bigger than the whole capacity still runs, alone, rather than never.
/// </summary>
internal sealed class Capacity(double cpus, long memoryBytes)
{
    private double usedCpus;
    private long usedMemory;
    private int running;

    public bool TryTake(TaskDefinition task)
    {
        var (needCpus, needMemory) = Need(task);
        var fits = usedCpus + needCpus <= cpus + 1e-9 && usedMemory + needMemory <= memoryBytes;
        if (!fits && running > 0)
        {
            return false;
        }

        usedCpus += needCpus;
        usedMemory += needMemory;
        running++;
        return true;
    }

    public void Release(TaskDefinition task)
    {
        var (needCpus, needMemory) = Need(task);
        usedCpus -= needCpus;
        usedMemory -= needMemory;
        running--;
    }

    private static (double Cpus, long Memory) Need(TaskDefinition task) => (task.Resources.Cpus ?? 1, task.Resources.MemoryBytes ?? 0);
}
