using System.Reflection;
using System.Runtime.InteropServices;
using CommandLine;
using CommandLine.Text;
using WinePipeline.StepKit.Options;
using WinePipeline.StepKit.Text;

namespace WinePipeline.StepKit.Hosting;

/// <summary>
/// The one entry point every step's Main goes through, and its only exception handler: parses and
/// checks the options, runs the step, and turns every failure into a single stderr line and an
/// exit code. An unexpected exception's stack trace goes to a <see cref="CrashLog"/> file.
/// </summary>
public static class StepHost
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    /// <summary>Runs a step as a console program, cancelled by Ctrl-C or SIGTERM.</summary>
    public static int RunConsole<TOptions>(string stepName, string[] args, Action<TOptions, StepContext> step)
        where TOptions : StepOptions
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
        where TOptions : StepOptions
    {
        if (RepeatedSingleValueOption<TOptions>(args) is { } repeated)
        {
            context.Error.WriteLine($"{context.StepName}: error: option --{repeated} is given more than once (see --help)");
            return UsageError;
        }

        try
        {
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
            options.Validate();
            step(options, context);
            return Succeeded;
        }
        catch (UsageException e)
        {
            return Report(context, UsageError, $"{e.Message} (--help lists the options)");
        }
        catch (InvalidInputException e)
        {
            return Report(context, Failed, e.Message);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine($"{context.StepName}: cancelled; no output was promoted");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Report(context, Failed, e.Message);
        }
        catch (Exception e)
        {
            return ReportUnexpected(context, args, e);
        }
    }

    private static int Report(StepContext context, int exitCode, string message)
    {
        context.Error.WriteLine(UrlCredentials.RedactAll($"{context.StepName}: error: {OneLine(message)}"));
        return exitCode;
    }

    private static int ReportUnexpected(StepContext context, string[] args, Exception exception)
    {
        string where;
        try
        {
            where = $"stack trace in {CrashLog.Write(context, args, exception)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            where = $"the stack trace could not be written to {context.CrashLogFolder}: {e.Message}";
        }

        return Report(context, Failed, $"unexpected {exception.GetType().Name}: {exception.Message} ({where})");
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
        if (notParsed.Errors.IsHelp())
        {
            var help = HelpText.AutoBuild(notParsed, h =>
            {
                h.Heading = context.StepName;
                h.Copyright = string.Empty;
                h.AdditionalNewLineAfterOption = false;
                return h;
            }, e => e);
            context.Out.WriteLine(help);
            return Succeeded;
        }

        var sentences = SentenceBuilder.Create();
        var problems = notParsed.Errors.Select(e => sentences.FormatError(e).TrimEnd('.')).Where(s => s.Length > 0);
        return Report(context, UsageError, $"{string.Join("; ", problems)} (--help lists the options)");
    }

    // An exception message can span lines (ML.NET's do); the terminal gets one.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
