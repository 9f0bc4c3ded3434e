using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Internal;

/// <summary>
/// An exception no endpoint expected: one line on the server's error output, the stack trace
/// appended to data_root/.orchestrator/server-errors.log, and a JSON 500 rather than an empty answer.
/// </summary>
internal sealed class UnexpectedErrors(TextWriter error, string dataRoot, TimeProvider time)
{
    public const string LogFile = "server-errors.log";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            var log = Path.Combine(dataRoot, Execution.RunLogs.OrchestratorDirectory, LogFile);
            error.WriteLine($"orchestrator: error: {context.Request.Method} {context.Request.Path} failed: {e.Message} (stack trace in {log})");
            await File.AppendAllTextAsync(log, $"{time.GetUtcNow():O} {context.Request.Method} {context.Request.Path}\n{e}\n\n", CancellationToken.None);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { error = e.Message }, CancellationToken.None);
            }
        }
    }
}
