using Orchestrator;
using WinePipeline;

return await PipelineCli.RunAsync(Wine.Define(Checkout.Root()), args);
