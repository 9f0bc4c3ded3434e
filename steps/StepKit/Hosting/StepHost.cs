using System.Reflection;
using System.Runtime.InteropServices;
using CommandLine;
using CommandLine.Text;

namespace WinePipeline.StepKit.Hosting;

/// <summary>
/// The one entry point every step's Main goes through: parses options, runs the step, and turns
/// expected failures into a single stderr line and an exit code.
/// </summary>
public static class StepHost
{
    public const int Succeeded = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    /// <summary>Runs a step as a console program, cancelled by Ctrl-C or SIGTERM.</summary>
    public static int RunConsole<TOptions>(string stepName, string[] args, Action<TOptions, StepContext> step)
        where TOptions : class
    {
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var context = new StepContext(stepName, Console.Out, Console.Error, TimeProvider.System, cancellation.Token);
        return Run(args, step, context);

        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancellation.Cancel();
        }
    }

    /// <summary>Runs a step in-process with the given context; tests call this directly.</summary>
    public static int Run<TOptions>(string[] args, Action<TOptions, StepContext> step, StepContext context)
        where TOptions : class
    {
        if (RepeatedSingleValueOption<TOptions>(args) is { } repeated)
        {
            context.Error.WriteLine($"{context.StepName}: error: option --{repeated} is given more than once (see --help)");
            return UsageError;
        }

        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.AutoVersion = false;
            settings.AllowMultiInstance = true;
        });
        var parsed = parser.ParseArguments<TOptions>(args);
        if (parsed is NotParsed<TOptions> notParsed)
        {
            return ReportUsage(notParsed, context);
        }

        var options = ((Parsed<TOptions>)parsed).Value;
        try
        {
            step(options, context);
            return Succeeded;
        }
        catch (InvalidInputException e)
        {
            context.Error.WriteLine($"{context.StepName}: error: {e.Message}");
            return InvalidInput;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine($"{context.StepName}: cancelled; no output was promoted");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{context.StepName}: error: {e.Message}");
            return InvalidInput;
        }
    }

    // Repeating an option is how a list is given (select_model's --in-variant); for a single-valued
    // option the parser would silently keep the last value, so that is refused here.
    private static string? RepeatedSingleValueOption<TOptions>(string[] args)
    {
        var singleValued = typeof(TOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return args
            .Where(a => a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => a[2..].Split('=', 2)[0])
            .Where(singleValued.Contains)
            .GroupBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1)?.Key;
    }

    private static int ReportUsage<TOptions>(NotParsed<TOptions> notParsed, StepContext context)
    {
        var help = HelpText.AutoBuild(notParsed, h =>
        {
            h.Heading = context.StepName;
            h.Copyright = string.Empty;
            h.AdditionalNewLineAfterOption = false;
            return HelpText.DefaultParsingErrorsHandler(notParsed, h);
        }, e => e);

        if (notParsed.Errors.IsHelp())
        {
            context.Out.WriteLine(help);
            return Succeeded;
        }

        context.Error.WriteLine(help);
        return UsageError;
    }
}
