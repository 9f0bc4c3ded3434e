using System.Reflection;
using CommandLine;
using CommandLine.Text;

namespace Orchestrator.Cli;

internal sealed partial class CliApp
{
    private const int HelpWidth = 100;
    private const string Heading = "orchestrator: runs a pipeline's tasks in dependency order, skipping the complete ones";

    private static int ReportParseResult(NotParsed<object> notParsed, CliEnvironment environment)
    {
        var errors = notParsed.Errors.ToList();
        if (errors.Any(e => e is VersionRequestedError))
        {
            environment.Out.WriteLine($"orchestrator {typeof(CliApp).Assembly.GetName().Version?.ToString(3)}");
            return ExitCodes.Success;
        }

        if (errors.All(e => e is HelpRequestedError or HelpVerbRequestedError))
        {
            environment.Out.Write(HelpFor(notParsed, errors));
            return ExitCodes.Success;
        }

        var first = errors.First(e => e is not (HelpRequestedError or HelpVerbRequestedError));
        var message = SentenceBuilder.Create().FormatError(first);
        throw UsageException.ParseError(string.IsNullOrEmpty(message) ? "no verb given; use run, status, invalidate, history or serve" : message);
    }

    // Mirrors HelpText.AutoBuild(result) but with a fixed heading, width and no copyright, so the text is the same everywhere.
    private static HelpText HelpFor(NotParsed<object> notParsed, List<Error> errors)
    {
        // "help run" is answered as "run --help", which the parser describes with the verb's options.
        if (errors.OfType<HelpVerbRequestedError>().FirstOrDefault() is { Matched: true } requested)
        {
            using var parser = new Parser(settings => settings.HelpWriter = null);
            var verbHelp = (NotParsed<object>)parser.ParseArguments([requested.Verb, "--help"], Verbs);
            return HelpFor(verbHelp, []);
        }

        var verb = notParsed.TypeInfo.Current.GetCustomAttribute<VerbAttribute>();
        var heading = verb is null ? Heading : $"orchestrator {verb.Name}: {verb.HelpText}";
        return HelpText.AutoBuild(notParsed, help => Describe(help, heading), example => example, verbsIndex: verb is null, HelpWidth);
    }

    private static HelpText Describe(HelpText help, string heading)
    {
        help.Heading = heading;
        help.Copyright = string.Empty;
        help.AdditionalNewLineAfterOption = false;
        help.AddEnumValuesToHelpText = false;
        return help;
    }
}
